import { ArrayMaxSize, IsInt, Max, Min } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { PageArgs } from '../common/connection.js';
import { DateRange, LocalDate } from '../common/period.js';
import { PeriodType } from '../indicators/indicator.enums.js';
import { RegionLevel } from '../regions/region.entity.js';
import { EventGroupBy, IndicatorGroupBy } from './analytics.enums.js';

@InputType({ description: 'Which observations an indicator aggregate reads.' })
export class AggregateFilter {
  @Field(() => String, { nullable: true, description: 'This region and its regencies and cities.' })
  regionCode?: string | null;

  @Field(() => RegionLevel, { nullable: true, description: 'Only regions of this level.' })
  level?: RegionLevel | null;

  @Field(() => DateRange, { nullable: true, description: 'Periods starting within these days.' })
  period?: DateRange | null;

  @Field(() => String, { nullable: true, description: 'Only this core value, e.g. `ADAPTIF`.' })
  coreValueCode?: string | null;
}

@ArgsType()
export class IndicatorAggregateArgs extends PageArgs {
  @Field(() => String, { description: 'Indicator code.' })
  indicatorCode!: string;

  @Field(() => [IndicatorGroupBy], { defaultValue: [], description: 'Dimensions to group by; none gives one national figure.' })
  @ArrayMaxSize(5)
  groupBy!: IndicatorGroupBy[];

  @Field(() => PeriodType, { nullable: true, description: 'Length of the PERIOD groups; the indicator period type by default.' })
  periodType?: PeriodType | null;

  @Field(() => AggregateFilter, { nullable: true, description: 'Which observations to read.' })
  filter?: AggregateFilter | null;
}

/** The most indicator codes `indicatorTotals` takes in one call: the national data set has 115 indicators. */
export const MAX_TOTAL_INDICATORS = 500;

@InputType({ description: 'The area and period of indicator totals.' })
export class IndicatorTotalsFilter {
  @Field(() => String, { nullable: true, description: 'This region and its regencies and cities; the whole country when omitted.' })
  regionCode?: string | null;

  @Field(() => DateRange, { description: 'Periods starting within these days; an end left open is unbounded.' })
  period!: DateRange;

  @Field(() => String, { nullable: true, description: 'Only this core value, e.g. `ADAPTIF`.' })
  coreValueCode?: string | null;
}

@ArgsType()
export class IndicatorTotalsArgs {
  @Field(() => IndicatorTotalsFilter, { description: 'Which observations to read.' })
  filter!: IndicatorTotalsFilter;

  @Field(() => [String], { nullable: true, description: `Indicator codes, answered in this order; every indicator, by code, when omitted. At most ${MAX_TOTAL_INDICATORS}.` })
  @ArrayMaxSize(MAX_TOTAL_INDICATORS, { message: `takes at most ${MAX_TOTAL_INDICATORS} codes` })
  indicatorCodes?: string[] | null;
}

@ArgsType()
export class IndicatorSeriesArgs {
  @Field(() => String, { description: 'Indicator code.' })
  indicatorCode!: string;

  @Field(() => String, { nullable: true, description: 'This region and its regencies and cities; the whole country when omitted.' })
  regionCode?: string | null;

  @Field(() => PeriodType, { nullable: true, description: 'Length of the periods; the indicator period type by default.' })
  periodType?: PeriodType | null;

  @Field(() => DateRange, { nullable: true, description: 'Periods starting within these days.' })
  period?: DateRange | null;

  @Field(() => String, { nullable: true, description: 'Only this core value.' })
  coreValueCode?: string | null;
}

@ArgsType()
export class CoverageSeriesArgs {
  @Field(() => String, { nullable: true, description: 'This region and its regencies and cities; the whole country when omitted.' })
  regionCode?: string | null;

  @Field(() => PeriodType, { defaultValue: PeriodType.QUARTER, description: 'Length of the periods.' })
  periodType: PeriodType = PeriodType.QUARTER;

  @Field(() => DateRange, { description: 'The days to cover; both ends required.' })
  period!: DateRange;
}

@ArgsType()
export class RolloutArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Province whose regencies and cities are listed; the provinces when omitted.' })
  parentCode?: string | null;

  @Field(() => RegionLevel, { nullable: true, description: 'Only rows of this level (REGENCY or CITY under a province; nationally, any level).' })
  level?: RegionLevel | null;

  @Field(() => DateRange, { nullable: true, description: 'The period of events, attendance, coverage and indicator values; the stage is as of its last day.' })
  period?: DateRange | null;

  @Field(() => String, { nullable: true, description: 'An indicator to show against its target and rank by.' })
  indicatorCode?: string | null;

  @Field(() => String, { nullable: true, description: 'With a per-value indicator: only this core value (otherwise the mean of the values).' })
  coreValueCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Only the events of this program, e.g. `BERAKHLAK`: events, sessions, attendance and coverage count them alone; stage and indicator stay whole.' })
  programCode?: string | null;
}

@ArgsType()
export class StageDistributionArgs {
  @Field(() => String, { nullable: true, description: 'Province whose regencies and cities are counted; the provinces when omitted.' })
  parentCode?: string | null;

  @Field(() => RegionLevel, { nullable: true, description: 'Only regions of this level.' })
  level?: RegionLevel | null;

  @Field(() => LocalDate, { nullable: true, description: 'Count milestones reached by this day; all of them when omitted.' })
  asOf?: string | null;
}

@InputType({ description: 'One reporting period.' })
export class PeriodInput {
  @Field(() => PeriodType, { description: 'Length of the period.' })
  type!: PeriodType;

  @Field(() => LocalDate, { description: 'First day: the first of a month, of a quarter (Jan, Apr, Jul, Oct) or of a year.' })
  start!: string;
}

@ArgsType()
export class CompletenessArgs {
  @Field(() => PeriodInput, { description: 'The period; the indicators of its type are expected.' })
  period!: PeriodInput;

  @Field(() => String, { nullable: true, description: 'Province whose regencies and cities are counted (with the province itself); the whole country when omitted.' })
  parentCode?: string | null;

  @Field(() => Int, { defaultValue: 30, description: 'Days after the period ends within which a report is on time.' })
  @IsInt()
  @Min(0)
  @Max(365)
  graceDays = 30;
}

@ArgsType()
export class EventTrendArgs {
  @Field(() => PeriodType, { defaultValue: PeriodType.QUARTER, description: 'Length of the periods.' })
  periodType: PeriodType = PeriodType.QUARTER;

  @Field(() => DateRange, { nullable: true, description: 'Events starting within these days.' })
  period?: DateRange | null;

  @Field(() => [EventGroupBy], { defaultValue: [], description: 'Split each period by kind and/or mode.' })
  @ArrayMaxSize(2)
  groupBy!: EventGroupBy[];

  @Field(() => String, { nullable: true, description: 'Events hosted by this region or its regencies and cities.' })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Events of this program.' })
  programCode?: string | null;
}
