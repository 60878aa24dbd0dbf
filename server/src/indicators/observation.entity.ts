import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { CoreValue } from '../programs/core-value.entity.js';
import { Region } from '../regions/region.entity.js';
import { PeriodType } from './indicator.enums.js';
import { Indicator } from './indicator.entity.js';

/**
 * One value of one indicator for one region and period, optionally per core value.
 * Triggers check what a row cannot check alone: the period type and the value range of its indicator.
 */
@Entity({ tableName: 'observation' })
@Unique({
  name: 'observation_natural_key_unique',
  expression:
    'create unique index "observation_natural_key_unique" on "observation" ("indicator_id", "region_id", "period_start", "core_value_id") nulls not distinct',
})
@Index({ name: 'observation_region_period_index', properties: ['region', 'periodStart'] })
@Check({ name: 'observation_period_aligned', expression: 'period_start_is_aligned(period_type, period_start) = true' })
export class Observation {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => Indicator, { deleteRule: 'restrict', ref: true, index: false })
  indicator!: Ref<Indicator>;

  @ManyToOne(() => Region, { deleteRule: 'restrict', ref: true, index: false })
  region!: Ref<Region>;

  @Enum({ items: () => PeriodType, type: 'string' })
  periodType!: PeriodType;

  /** First day of the period: a month, a quarter or a year. */
  @Property({ type: 'date' })
  periodStart!: string;

  @ManyToOne(() => CoreValue, { nullable: true, deleteRule: 'restrict', ref: true, index: false })
  coreValue!: Ref<CoreValue> | null;

  @Property({ type: 'double' })
  value!: number;

  @Property({ type: 'string', length: 200, nullable: true })
  reportedBy!: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  reportedAt!: Date;
}
