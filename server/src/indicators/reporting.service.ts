import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '../audit/audit.service.js';
import type { Viewer } from '../auth/viewer.js';
import { invalidInput, type Problem } from '../common/errors.js';
import { addDays, isPeriodStart, periodEnd, periodStartOf, today } from '../common/period.js';
import { CoreValue } from '../programs/core-value.entity.js';
import { Region } from '../regions/region.entity.js';
import { IndicatorUnit } from './indicator.enums.js';
import { Indicator } from './indicator.entity.js';
import { Observation } from './observation.entity.js';
import { PeriodLocks } from './period-lock.js';
import type { ObservationInput } from './reporting.types.js';

export const MAX_OBSERVATIONS_PER_CALL = 500;

interface Row {
  indicator: Indicator;
  region: Region;
  coreValueId: number | null;
  coreValueCode: string | null;
  periodStart: string;
  value: number;
}

const naturalKey = (indicatorId: number, regionId: number, periodStart: string, coreValueId: number | null) =>
  `${indicatorId}/${regionId}/${periodStart}/${coreValueId ?? ''}`;

interface Stored {
  id: string;
  indicator_id: number;
  region_id: number;
  period_start: string;
  core_value_id: number | null;
  value: number;
}

/** Enters or corrects observations: all rows are checked first, then written in one transaction, or none is. */
export class ObservationReporting {
  constructor(private readonly em: EntityManager, private readonly viewer: Viewer, private readonly lockDays: number) {}

  async report(inputs: ObservationInput[]): Promise<Observation[]> {
    if (inputs.length === 0 || inputs.length > MAX_OBSERVATIONS_PER_CALL) {
      throw invalidInput([{ argument: 'input', reason: `send 1 to ${MAX_OBSERVATIONS_PER_CALL} observations per call, not ${inputs.length}` }]);
    }
    const rows = await this.check(inputs);
    const ids = await this.em.transactional((tx) => this.write(tx, rows));
    return this.em.find(Observation, { id: { $in: ids } }, { orderBy: { id: 'asc' } });
  }

  private async check(inputs: ObservationInput[]): Promise<Row[]> {
    const [indicators, regions, coreValues] = await Promise.all([
      this.em.find(Indicator, { code: { $in: [...new Set(inputs.map((input) => input.indicatorCode))] } }),
      this.em.find(Region, { code: { $in: [...new Set(inputs.map((input) => input.regionCode))] } }),
      this.em.find(CoreValue, { code: { $in: [...new Set(inputs.flatMap((input) => (input.coreValueCode ? [input.coreValueCode] : [])))] } }),
    ]);
    const indicatorByCode = new Map(indicators.map((indicator) => [indicator.code, indicator]));
    const regionByCode = new Map(regions.map((region) => [region.code, region]));
    const locks = await PeriodLocks.load(this.em, this.lockDays, regions.map((region) => region.id));
    const problems: Problem[] = [];
    const rows: Row[] = [];
    const seen = new Map<string, number>();
    inputs.forEach((input, index) => {
      const at = (field: string) => `input[${index}].${field}`;
      const problem = (field: string, reason: string) => problems.push({ argument: at(field), reason });
      const indicator = indicatorByCode.get(input.indicatorCode);
      const region = regionByCode.get(input.regionCode);
      if (!indicator) problem('indicatorCode', `no indicator has code ${input.indicatorCode}`);
      if (!region) problem('regionCode', `no region has code ${input.regionCode}`);
      // Outside the scope is not a mistake to correct but a refusal: nothing else is checked or written.
      if (region) this.viewer.scope.check(region, at('regionCode'));
      if (!indicator || !region) return;
      const coreValue = this.coreValue(indicator, input.coreValueCode, coreValues, (reason) => problem('coreValueCode', reason));
      const periodProblem = this.periodProblem(indicator, region, input.periodStart, locks);
      if (periodProblem) problem('periodStart', periodProblem);
      const valueProblem = this.valueProblem(indicator, input.value);
      if (valueProblem) problem('value', valueProblem);
      const key = naturalKey(indicator.id, region.id, input.periodStart, coreValue);
      if (seen.has(key)) problem('periodStart', `same indicator, region, period and core value as input[${seen.get(key)}]`);
      seen.set(key, index);
      rows.push({ indicator, region, coreValueId: coreValue, coreValueCode: input.coreValueCode ?? null, periodStart: input.periodStart, value: input.value });
    });
    if (problems.length > 0) throw invalidInput(problems);
    return rows;
  }

  private coreValue(indicator: Indicator, code: string | null | undefined, values: CoreValue[], problem: (reason: string) => void): number | null {
    if (!indicator.byCoreValue) {
      if (code) problem(`${indicator.code} is not reported per core value; leave it out`);
      return null;
    }
    if (!code) {
      problem(`${indicator.code} is reported per core value; name one`);
      return null;
    }
    const value = values.find((candidate) => candidate.code === code && candidate.program.id === indicator.program?.id);
    if (!value) problem(`no core value ${code} in the program of ${indicator.code}`);
    return value?.id ?? null;
  }

  private periodProblem(indicator: Indicator, region: Region, start: string, locks: PeriodLocks): string | null {
    if (!isPeriodStart(indicator.periodType, start)) return `${start} is not the first day of a ${indicator.periodType.toLowerCase()}, the period of ${indicator.code}`;
    if (start > periodStartOf(indicator.periodType, today())) return `the period starting ${start} has not begun yet`;
    const lock = locks.status(region.id, indicator.periodType, start);
    if (lock.locked) return `the period ${start} to ${periodEnd(indicator.periodType, start)} locked on ${lock.locksOn}; an administrator can reopen it for ${region.code}`;
    return null;
  }

  private valueProblem(indicator: Indicator, value: number): string | null {
    if (!Number.isFinite(value)) return 'must be a number';
    if (indicator.minValue !== null && value < indicator.minValue) return `${value} is below the minimum ${indicator.minValue} of ${indicator.code}`;
    if (indicator.maxValue !== null && value > indicator.maxValue) return `${value} is above the maximum ${indicator.maxValue} of ${indicator.code}`;
    if (indicator.unit === IndicatorUnit.COUNT && !Number.isInteger(value)) return `${indicator.code} counts, so its value is a whole number, not ${value}`;
    return null;
  }

  private async write(tx: EntityManager, rows: Row[]): Promise<string[]> {
    const payload = rows.map((row) => ({
      indicatorId: row.indicator.id, regionId: row.region.id, periodType: row.indicator.periodType, periodStart: row.periodStart,
      coreValueId: row.coreValueId, value: row.value,
    }));
    const before: Stored[] = await tx.execute(
      `SELECT o.id, o.indicator_id, o.region_id, to_char(o.period_start, 'YYYY-MM-DD') AS period_start, o.core_value_id, o.value
       FROM observation o JOIN jsonb_to_recordset(?::jsonb) AS r("indicatorId" int, "regionId" int, "periodStart" date, "coreValueId" int)
         ON o.indicator_id = r."indicatorId" AND o.region_id = r."regionId" AND o.period_start = r."periodStart"
        AND o.core_value_id IS NOT DISTINCT FROM r."coreValueId"
       FOR UPDATE OF o`,
      [JSON.stringify(payload)],
    );
    const written: Stored[] = await tx.execute(
      `INSERT INTO observation (indicator_id, region_id, period_type, period_start, core_value_id, value, reported_by, reported_at)
       SELECT r."indicatorId", r."regionId", r."periodType", r."periodStart", r."coreValueId", r.value, ?, now()
       FROM jsonb_to_recordset(?::jsonb) AS r("indicatorId" int, "regionId" int, "periodType" text, "periodStart" date, "coreValueId" int, value float8)
       ON CONFLICT (indicator_id, region_id, period_start, core_value_id)
       DO UPDATE SET value = excluded.value, reported_by = excluded.reported_by, reported_at = excluded.reported_at
       RETURNING id, indicator_id, region_id, to_char(period_start, 'YYYY-MM-DD') AS period_start, core_value_id, value`,
      [this.viewer.email, JSON.stringify(payload)],
    );
    const beforeById = new Map(before.map((row) => [row.id, row]));
    const inputByKey = new Map(rows.map((row) => [naturalKey(row.indicator.id, row.region.id, row.periodStart, row.coreValueId), row]));
    await audit(tx, this.viewer, written.map((stored) => {
      const row = inputByKey.get(naturalKey(stored.indicator_id, stored.region_id, stored.period_start, stored.core_value_id))!;
      return {
        action: 'observation.report',
        entity: 'observation',
        entityKey: [row.indicator.code, row.region.code, row.periodStart, row.coreValueCode ?? ''].join('/'),
        regionId: row.region.id,
        before: beforeById.has(stored.id) ? { value: beforeById.get(stored.id)!.value } : null,
        after: { value: stored.value },
      };
    }));
    return written.map((row) => row.id);
  }
}

/** The report due now for a period type: the last period that has ended by the given day. */
export function duePeriodStart(type: Indicator['periodType'], asOf: string): string {
  return periodStartOf(type, addDays(periodStartOf(type, asOf), -1));
}
