import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Program } from '../programs/program.entity.js';
import { IndicatorUnit, PeriodType, RegionAggregation, TimeAggregation } from './indicator.enums.js';

/** A measured figure (like a DHIS2 data element) with the rules for aggregating it. */
@Entity({ tableName: 'indicator' })
@Check({ name: 'indicator_range_ordered', expression: 'min_value IS NULL OR max_value IS NULL OR min_value <= max_value' })
export class Indicator {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 60, unique: true })
  code!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  @Property({ type: 'text' })
  description!: string;

  @ManyToOne(() => Program, { nullable: true, deleteRule: 'restrict', ref: true })
  program!: Ref<Program> | null;

  @Enum({ items: () => IndicatorUnit, type: 'string' })
  unit!: IndicatorUnit;

  @Enum({ items: () => RegionAggregation, type: 'string' })
  regionAggregation!: RegionAggregation;

  @Enum({ items: () => TimeAggregation, type: 'string' })
  timeAggregation!: TimeAggregation;

  @Enum({ items: () => PeriodType, type: 'string' })
  periodType!: PeriodType;

  @Property({ type: 'boolean' })
  higherIsBetter!: boolean;

  /** Observations of such an indicator carry a core value (the index per value, for example). */
  @Property({ type: 'boolean' })
  byCoreValue!: boolean;

  @Property({ type: 'double', nullable: true })
  minValue!: number | null;

  @Property({ type: 'double', nullable: true })
  maxValue!: number | null;
}
