import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, periodEnd, today } from '../common/period.js';
import type { PeriodType } from './indicator.enums.js';

export interface LockStatus {
  /** First day on which the period no longer takes reports. */
  locksOn: string;
  locked: boolean;
}

/**
 * A period takes reports until `lockDays` days after its end; after that only a reopening by an
 * administrator, for one region and until a given day, lets that region write it again.
 */
export class PeriodLocks {
  private constructor(private readonly lockDays: number, private readonly reopened: ReadonlySet<string>, private readonly day: string) {}

  static async load(em: EntityManager, lockDays: number, regionIds: readonly number[]): Promise<PeriodLocks> {
    const day = today();
    const rows: { region_id: number; period_type: PeriodType; period_start: string }[] = regionIds.length === 0 ? [] : await em.execute(
      `SELECT region_id, period_type, to_char(period_start, 'YYYY-MM-DD') AS period_start FROM period_reopening
       WHERE region_id IN (?) AND open_until >= ?::date`,
      [[...regionIds], day],
    );
    return new PeriodLocks(lockDays, new Set(rows.map((row) => key(row.region_id, row.period_type, row.period_start))), day);
  }

  status(regionId: number, type: PeriodType, start: string): LockStatus {
    const locksOn = addDays(periodEnd(type, start), this.lockDays + 1);
    return { locksOn, locked: this.day >= locksOn && !this.reopened.has(key(regionId, type, start)) };
  }
}

const key = (regionId: number, type: PeriodType, start: string) => `${regionId}/${type}/${start}`;
