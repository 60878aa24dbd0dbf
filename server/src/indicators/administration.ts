import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '../audit/audit.service.js';
import type { Viewer } from '../auth/viewer.js';
import { badInput, invalidInput } from '../common/errors.js';
import type { Loaders } from '../common/loaders.js';
import { addDays, isPeriodStart, today } from '../common/period.js';
import { RegionService } from '../regions/region.service.js';
import { IndicatorService } from './indicator.service.js';
import { PeriodReopening } from './period-reopening.entity.js';
import type { ReopenPeriodInput, TargetInput } from './reporting.types.js';
import { Target } from './target.entity.js';

/** What administrators change beside users: locked periods and targets. Each change is audited. */
export class IndicatorAdministration {
  constructor(private readonly em: EntityManager, private readonly loaders: Loaders, private readonly viewer: Viewer) {}

  async reopen(input: ReopenPeriodInput): Promise<PeriodReopening> {
    const region = await this.regions().byCodeAs(input.regionCode, 'input.regionCode');
    if (!isPeriodStart(input.periodType, input.periodStart)) throw badInput('input.periodStart', `${input.periodStart} is not the first day of a ${input.periodType.toLowerCase()}`);
    const openUntil = addDays(today(), input.days);
    return this.em.transactional(async (tx) => {
      const [previous] = await tx.execute<{ open_until: string }[]>(
        `SELECT to_char(open_until, 'YYYY-MM-DD') AS open_until FROM period_reopening WHERE region_id = ? AND period_type = ? AND period_start = ? FOR UPDATE`,
        [region.id, input.periodType, input.periodStart],
      );
      const [row] = await tx.execute<{ id: number }[]>(
        `INSERT INTO period_reopening (region_id, period_type, period_start, open_until, reopened_by_id) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (region_id, period_type, period_start) DO UPDATE SET open_until = excluded.open_until, reopened_by_id = excluded.reopened_by_id, reopened_at = now()
         RETURNING id`,
        [region.id, input.periodType, input.periodStart, openUntil, this.viewer.userId],
      );
      await audit(tx, this.viewer, [{
        action: 'period.reopen', entity: 'period', entityKey: `${region.code}/${input.periodType}/${input.periodStart}`, regionId: region.id,
        before: previous ? { openUntil: previous.open_until } : null, after: { openUntil },
      }]);
      return tx.findOneOrFail(PeriodReopening, { id: row!.id });
    });
  }

  /** Sets the national default or a region's own target; a null value removes a region's own one. */
  async setTarget(input: TargetInput): Promise<Target | null> {
    const indicator = await new IndicatorService(this.em, this.loaders, this.viewer.scope).byCode(input.indicatorCode, 'input.indicatorCode');
    const region = input.regionCode ? await this.regions().byCodeAs(input.regionCode, 'input.regionCode') : null;
    const value = input.value ?? null;
    if (value === null && region === null) throw badInput('input.value', 'the national target cannot be removed, only changed');
    if (value !== null && ((indicator.minValue !== null && value < indicator.minValue) || (indicator.maxValue !== null && value > indicator.maxValue))) {
      throw invalidInput([{ argument: 'input.value', reason: `${value} is outside the range ${indicator.minValue ?? '-∞'} to ${indicator.maxValue ?? '∞'} of ${indicator.code}` }]);
    }
    return this.em.transactional(async (tx) => {
      const existing = await tx.findOne(Target, { indicator: indicator.id, region: region?.id ?? null });
      const before = existing ? { value: existing.value } : null;
      if (value === null) {
        if (existing) tx.remove(existing);
      } else if (existing) {
        existing.value = value;
      } else {
        tx.create(Target, { indicator: indicator.id, region: region?.id ?? null, value });
      }
      await tx.flush();
      await audit(tx, this.viewer, [{
        action: 'target.set', entity: 'target', entityKey: `${indicator.code}/${region?.code ?? 'national'}`, regionId: region?.id ?? null,
        before, after: value === null ? null : { value },
      }]);
      return value === null ? null : tx.findOneOrFail(Target, { indicator: indicator.id, region: region?.id ?? null });
    });
  }

  private regions(): RegionService {
    return new RegionService(this.em, this.loaders, this.viewer.scope);
  }
}
