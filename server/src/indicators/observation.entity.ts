import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../common/period.js';
import { CoreValue } from '../programs/core-value.entity.js';
import { Region } from '../regions/region.entity.js';
import { PeriodType } from './indicator.enums.js';
import { Indicator } from './indicator.entity.js';

/**
 * One value of one indicator for one region and period, optionally per core value.
 * Triggers check what a row cannot check alone: the period type and the value range of its indicator.
 */
@ObjectType({ description: 'One value of one indicator for one region and period, optionally per core value.' })
@Entity({ tableName: 'observation' })
@Unique({
  name: 'observation_natural_key_unique',
  expression:
    'create unique index "observation_natural_key_unique" on "observation" ("indicator_id", "region_id", "period_start", "core_value_id") nulls not distinct',
})
@Index({ name: 'observation_region_period_index', properties: ['region', 'periodStart'] })
@Index({
  name: 'observation_indicator_period_index',
  expression: 'create index "observation_indicator_period_index" on "observation" ("indicator_id", "period_start") include ("region_id", "core_value_id", "value")',
})
@Check({ name: 'observation_period_aligned', expression: 'period_start_is_aligned(period_type, period_start) = true' })
export class Observation {
  @Field(() => ID, { description: 'Identifier of the observation.' })
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => Indicator, { deleteRule: 'restrict', ref: true, index: false })
  indicator!: Ref<Indicator>;

  @ManyToOne(() => Region, { deleteRule: 'restrict', ref: true, index: false })
  region!: Ref<Region>;

  @Field(() => PeriodType, { description: 'Length of the period.' })
  @Enum({ items: () => PeriodType, type: 'string' })
  periodType!: PeriodType;

  @Field(() => LocalDate, { description: 'First day of the period (YYYY-MM-DD).' })
  @Property({ type: 'date' })
  periodStart!: string;

  @ManyToOne(() => CoreValue, { nullable: true, deleteRule: 'restrict', ref: true, index: false })
  coreValue!: Ref<CoreValue> | null;

  @Field(() => Float, { description: 'The value, in the unit of the indicator.' })
  @Property({ type: 'double' })
  value!: number;

  @Field(() => String, { nullable: true, description: 'Who reported it.' })
  @Property({ type: 'string', length: 200, nullable: true })
  reportedBy!: string | null;

  @Field({ description: 'When it was reported.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  reportedAt!: Date;
}
