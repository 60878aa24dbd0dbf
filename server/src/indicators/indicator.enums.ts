import { registerEnumType } from 'type-graphql';

export enum IndicatorUnit {
  PERCENT = 'PERCENT',
  SCORE = 'SCORE',
  COUNT = 'COUNT',
  DAYS = 'DAYS',
}

/** How values of several regions combine into one: the rule a parent region's figure follows. */
export enum RegionAggregation {
  SUM = 'SUM',
  WEIGHTED_AVERAGE = 'WEIGHTED_AVERAGE',
  AVERAGE = 'AVERAGE',
}

/** How values of several periods combine into one: a year of a quarterly indicator, for example. */
export enum TimeAggregation {
  SUM = 'SUM',
  AVERAGE = 'AVERAGE',
  LAST = 'LAST',
}

export enum PeriodType {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}

registerEnumType(IndicatorUnit, { name: 'IndicatorUnit', description: 'Unit of an indicator: percent, score 0-100, count or days.' });
registerEnumType(RegionAggregation, { name: 'RegionAggregation', description: 'How an indicator aggregates across regions (WEIGHTED_AVERAGE weights by civil-servant headcount).' });
registerEnumType(TimeAggregation, { name: 'TimeAggregation', description: 'How an indicator aggregates across periods.' });
registerEnumType(PeriodType, { name: 'PeriodType', description: 'Length of a reporting period.' });
