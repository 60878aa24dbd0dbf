import { ArgsType, Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { LocalDate } from '../common/period.js';
import { PeriodType } from './indicator.enums.js';
import { Indicator } from './indicator.entity.js';

@InputType({ description: 'One value to enter or correct; the natural key is indicator, region, period and core value.' })
export class ObservationInput {
  @Field({ description: 'Indicator code, e.g. `INDEKS_BERAKHLAK`.' })
  indicatorCode!: string;

  @Field({ description: 'Region the value belongs to, inside the caller’s scope.' })
  regionCode!: string;

  @Field(() => LocalDate, { description: 'First day of the period, of the indicator’s period type (e.g. 2024-04-01 for Q2).' })
  periodStart!: string;

  @Field(() => String, { nullable: true, description: 'Core value code, required exactly when the indicator is per core value.' })
  coreValueCode?: string | null;

  @Field(() => Float, { description: 'The value, in the indicator’s unit and range.' })
  value!: number;
}

@InputType({ description: 'A locked period to open again for one region.' })
export class ReopenPeriodInput {
  @Field({ description: 'Region that may write the period again.' })
  regionCode!: string;

  @Field(() => PeriodType, { description: 'Length of the period.' })
  periodType!: PeriodType;

  @Field(() => LocalDate, { description: 'First day of the period.' })
  periodStart!: string;

  @Field(() => Int, { defaultValue: 14, description: 'Days the period stays open from today (1-90).' })
  @Min(1)
  @Max(90)
  days: number = 14;
}

@InputType({ description: 'A target of an indicator: national when no region is given.' })
export class TargetInput {
  @Field({ description: 'Indicator code.' })
  indicatorCode!: string;

  @Field(() => String, { nullable: true, description: 'Region whose own target this is; none for the national default.' })
  regionCode?: string | null;

  @Field(() => Float, { nullable: true, description: 'The value to reach, within the indicator’s range; null removes a region’s own target.' })
  value?: number | null;
}

@ArgsType()
export class ReportingStatusArgs {
  @Field({ description: 'Region whose reports are checked, inside the caller’s scope.' })
  regionCode!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day the check is made for; today by default.' })
  asOf?: string | null;
}

@ObjectType({ description: 'One report a region owes for the period now due: an indicator (and core value), reported or not.' })
export class ReportingItem {
  @Field(() => Indicator, { description: 'The indicator.' })
  indicator!: Indicator;

  @Field(() => PeriodType, { description: 'Length of the period.' })
  periodType!: PeriodType;

  @Field(() => LocalDate, { description: 'First day of the period due: the last one that has ended.' })
  periodStart!: string;

  @Field(() => LocalDate, { description: 'Last day of the period due.' })
  periodEnd!: string;

  coreValueId!: number | null;

  @Field(() => Float, { nullable: true, description: 'The value reported; null while missing.' })
  value!: number | null;

  @Field({ description: 'Whether a value was reported.' })
  reported!: boolean;

  @Field(() => LocalDate, { description: 'First day on which the period no longer takes reports.' })
  locksOn!: string;

  @Field({ description: 'Whether the period is locked (and not reopened) for the region.' })
  locked!: boolean;
}

@ObjectType({ description: 'A milestone of the rollout and when the region reached it.' })
export class MilestoneStatus {
  milestoneId!: number;

  @Field(() => LocalDate, { nullable: true, description: 'Day the region reached it; null while not reached.' })
  reachedOn!: string | null;
}

@ObjectType({ description: 'What a region has reported for the periods now due and what is still missing.' })
export class ReportingStatus {
  regionId!: number;

  @Field(() => LocalDate, { description: 'Day of the check.' })
  asOf!: string;

  @Field(() => [ReportingItem], { description: 'Every report due, missing ones included, by indicator and core value.' })
  items!: ReportingItem[];

  @Field(() => Int, { description: 'How many of the items are still missing.' })
  missing!: number;

  @Field(() => [MilestoneStatus], { description: 'The milestones in order, with the day each was reached.' })
  milestones!: MilestoneStatus[];
}
