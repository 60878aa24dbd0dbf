import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { Program } from '../programs/program.entity.js';
import { IndicatorUnit, PeriodType, RegionAggregation, TimeAggregation } from './indicator.enums.js';

/** A measured figure (like a DHIS2 data element) with the rules for aggregating it. */
@ObjectType({ description: 'A measured figure (like a DHIS2 data element) with its unit, its aggregation rules and its targets.' })
@Entity({ tableName: 'indicator' })
@Check({ name: 'indicator_range_ordered', expression: 'min_value IS NULL OR max_value IS NULL OR min_value <= max_value' })
export class Indicator {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field({ description: 'Stable code, e.g. `INDEKS_BERAKHLAK`.' })
  @Property({ type: 'string', length: 60, unique: true })
  code!: string;

  @Field({ description: 'Name in Indonesian.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field({ description: 'Name in English.' })
  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  @Field({ description: 'What is measured and how, in Indonesian.' })
  @Property({ type: 'text' })
  description!: string;

  @ManyToOne(() => Program, { nullable: true, deleteRule: 'restrict', ref: true })
  program!: Ref<Program> | null;

  @Field(() => IndicatorUnit, { description: 'Unit of the values.' })
  @Enum({ items: () => IndicatorUnit, type: 'string' })
  unit!: IndicatorUnit;

  @Field(() => RegionAggregation, { description: 'How values of several regions combine.' })
  @Enum({ items: () => RegionAggregation, type: 'string' })
  regionAggregation!: RegionAggregation;

  @Field(() => TimeAggregation, { description: 'How values of several periods combine.' })
  @Enum({ items: () => TimeAggregation, type: 'string' })
  timeAggregation!: TimeAggregation;

  @Field(() => PeriodType, { description: 'Length of the reporting period.' })
  @Enum({ items: () => PeriodType, type: 'string' })
  periodType!: PeriodType;

  @Field({ description: 'Whether a higher value is better (false for shares of the dependent levels, days to resolve).' })
  @Property({ type: 'boolean' })
  higherIsBetter!: boolean;

  /** Observations of such an indicator carry a core value (the index per value, for example). */
  @Field({ description: 'Whether each observation belongs to one core value.' })
  @Property({ type: 'boolean' })
  byCoreValue!: boolean;

  @Field(() => Float, { nullable: true, description: 'Lowest allowed value, if any.' })
  @Property({ type: 'double', nullable: true })
  minValue!: number | null;

  @Field(() => Float, { nullable: true, description: 'Highest allowed value, if any.' })
  @Property({ type: 'double', nullable: true })
  maxValue!: number | null;
}
