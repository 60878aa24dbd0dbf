import type { EntityManager } from '@mikro-orm/postgresql';
import type { Scope } from '../auth/scope.js';
import type { Loaders } from '../common/loaders.js';
import { periodEnd, today } from '../common/period.js';
import { RegionService } from '../regions/region.service.js';
import { Indicator } from './indicator.entity.js';
import { PeriodLocks } from './period-lock.js';
import { duePeriodStart } from './reporting.service.js';
import type { ReportingItem, ReportingStatus, ReportingStatusArgs } from './reporting.types.js';

/** What a region owes now: for every indicator, the last period that has ended, per core value where it applies. */
export async function reportingStatus(em: EntityManager, loaders: Loaders, scope: Scope, lockDays: number, args: ReportingStatusArgs): Promise<ReportingStatus> {
  const region = await new RegionService(em, loaders, scope).byCodeAs(args.regionCode, 'regionCode');
  const asOf = args.asOf ?? today();
  const indicators = await em.find(Indicator, {}, { orderBy: { code: 'asc' } });
  const locks = await PeriodLocks.load(em, lockDays, [region.id]);
  const valuesOf = await Promise.all(indicators.map((indicator) => (indicator.byCoreValue && indicator.program ? loaders.coreValuesByProgram.load(indicator.program.id) : [])));
  const due = indicators.flatMap((indicator, index) => {
    const periodStart = duePeriodStart(indicator.periodType, asOf);
    const coreValueIds = indicator.byCoreValue ? valuesOf[index]!.map((value) => value.id) : [null];
    return coreValueIds.map((coreValueId) => ({ indicator, periodStart, coreValueId }));
  });
  const reported: { indicator_id: number; period_start: string; core_value_id: number | null; value: number }[] = await em.execute(
    `SELECT o.indicator_id, to_char(o.period_start, 'YYYY-MM-DD') AS period_start, o.core_value_id, o.value
     FROM observation o JOIN jsonb_to_recordset(?::jsonb) AS d("indicatorId" int, "periodStart" date) ON o.indicator_id = d."indicatorId" AND o.period_start = d."periodStart"
     WHERE o.region_id = ?`,
    [JSON.stringify(indicators.map((indicator) => ({ indicatorId: indicator.id, periodStart: duePeriodStart(indicator.periodType, asOf) }))), region.id],
  );
  const valueOf = new Map(reported.map((row) => [`${row.indicator_id}/${row.period_start}/${row.core_value_id ?? ''}`, row.value]));
  const items = due.map(({ indicator, periodStart, coreValueId }): ReportingItem => {
    const value = valueOf.get(`${indicator.id}/${periodStart}/${coreValueId ?? ''}`) ?? null;
    return {
      indicator, periodType: indicator.periodType, periodStart, periodEnd: periodEnd(indicator.periodType, periodStart), coreValueId,
      value, reported: value !== null, ...locks.status(region.id, indicator.periodType, periodStart),
    };
  });
  const milestones: { milestone_id: number; reached_on: string | null }[] = await em.execute(
    `SELECT m.id AS milestone_id, to_char(rm.reached_on, 'YYYY-MM-DD') AS reached_on
     FROM milestone m LEFT JOIN region_milestone rm ON rm.milestone_id = m.id AND rm.region_id = ? ORDER BY m.position`,
    [region.id],
  );
  return {
    regionId: region.id, asOf, items, missing: items.filter((item) => !item.reported).length,
    milestones: milestones.map((row) => ({ milestoneId: row.milestone_id, reachedOn: row.reached_on })),
  };
}
