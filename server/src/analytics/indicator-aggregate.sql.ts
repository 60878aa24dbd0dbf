import type { PeriodType, RegionAggregation, TimeAggregation } from '../indicators/indicator.enums.js';
import { IndicatorGroupBy } from './analytics.enums.js';
import { type Part, sql } from './sql.js';

/** Which observations an aggregate reads. */
export interface ObservationScope {
  regionIds: number[] | null;
  level: string | null;
  from: string | null;
  to: string | null;
  coreValueId: number | null;
}

export interface AggregateQuery extends ObservationScope {
  indicatorId: number;
  byCoreValue: boolean;
  regionAggregation: RegionAggregation;
  timeAggregation: TimeAggregation;
  groupBy: IndicatorGroupBy[];
  /** Length of the PERIOD buckets. */
  periodType: PeriodType;
}

export interface TotalsQuery extends ObservationScope {
  indicatorIds: number[];
}

interface Statement extends ObservationScope {
  /** One indicator, its id and rules written into the statement; null: the `indicator` row `i` around it (LATERAL). */
  indicator: Pick<AggregateQuery, 'indicatorId' | 'byCoreValue' | 'regionAggregation' | 'timeAggregation'> | null;
  groupBy: IndicatorGroupBy[];
  periodType: PeriodType | null;
}

/** The aggregate's rows carry `sort_0`, `sort_1`... so a caller wrapping it can keep the reading order. */
export function indicatorAggregateSql(query: AggregateQuery): Part & { sortColumns: string[] } {
  return aggregateStatement({ ...query, indicator: query });
}

/**
 * Each indicator's total over the scope, as `indicatorAggregateSql` without `groupBy` gives it for one: one row per
 * indicator (`indicator_id`, `value`, `observations`, `regions`), also for one without observations (value null).
 * The ungrouped statement runs once per indicator row (LATERAL), so each indicator reads its own range of the covering
 * index and aggregates its few thousand rows in memory; grouping every indicator's rows at once spills to disk at
 * national scale and takes longer than one statement per indicator.
 */
export function indicatorTotalsSql(query: TotalsQuery): Part {
  const total = aggregateStatement({ ...query, indicator: null, groupBy: [], periodType: null });
  return sql`SELECT i.id AS indicator_id, t.value, t.observations, t.regions
    FROM indicator i CROSS JOIN LATERAL (${total}) t
    WHERE i.id IN (${sql.list(query.indicatorIds)})`;
}

/** An aggregate expression, limited by `only` (a FILTER clause, or nothing) to the rows it applies to. */
type Rule = (only: string) => string;

const timeValues: Record<TimeAggregation, Rule> = {
  SUM: (only) => `sum(v.value)${only}`,
  AVERAGE: (only) => `avg(v.value)${only}`,
  // The value of the latest period: the largest [day number, value] pair. An ordered aggregate (array_agg ORDER BY)
  // would say the same but stop PostgreSQL from grouping by hash, sorting every row first.
  LAST: (only) => `(max(ARRAY[v.period_start - DATE '1900-01-01', v.value])${only})[2]`,
};
const regionValues: Record<RegionAggregation, Rule> = {
  SUM: (only) => `sum(v.value)${only}`,
  AVERAGE: (only) => `avg(v.value)${only}`,
  WEIGHTED_AVERAGE: (only) => `sum(v.value * r.headcount)${only} / nullif(sum(r.headcount)${only}, 0)`,
};

/**
 * A rule's expression: written out for one known rule; otherwise chosen by the indicator's column with CASE, each
 * branch's aggregates filtered to that rule so that an indicator pays only for its own.
 */
function ruleOf<K extends string>(rules: Record<K, Rule>, rule: K | undefined, column: string): string {
  if (rule !== undefined) return rules[rule]('');
  const branches = (Object.entries(rules) as [K, Rule][]).map(([name, expression]) => `WHEN '${name}' THEN ${expression(` FILTER (WHERE ${column} = '${name}')`)}`);
  return `CASE ${column} ${branches.join(' ')} END`;
}

/**
 * One statement for any indicator aggregate, applying the indicator's own rules in three steps:
 * 1. per region and period, the mean over core values (unless grouped by core value);
 * 2. per region within each group's time bucket, the time aggregation (sum, mean or last value);
 * 3. per group, the region aggregation (sum, mean, or mean weighted by each region's headcount).
 * Without groups it is one row even when nothing was read (value null, counts 0).
 */
function aggregateStatement(query: Statement): Part & { sortColumns: string[] } {
  const byValue = query.groupBy.includes(IndicatorGroupBy.CORE_VALUE);
  const perPeriod = periodValues(query, byValue);
  const timeValue = ruleOf(timeValues, query.indicator?.timeAggregation, 'i.time_aggregation');
  const regionValue = ruleOf(regionValues, query.indicator?.regionAggregation, 'i.region_aggregation');

  const dimensions = [
    { on: IndicatorGroupBy.REGION, column: 'r.id', name: 'region_id', type: 'int', order: 'r.code' },
    { on: IndicatorGroupBy.PARENT, column: 'coalesce(p.id, r.id)', name: 'parent_id', type: 'int', order: 'coalesce(p.code, r.code)' },
    { on: IndicatorGroupBy.LEVEL, column: 'r.level', name: 'level', type: 'text', order: 'r.level' },
    { on: IndicatorGroupBy.PERIOD, column: "to_char(v.bucket, 'YYYY-MM-DD')", name: 'period_start', type: 'text', order: 'v.bucket' },
    { on: IndicatorGroupBy.CORE_VALUE, column: 'v.core_value_id', name: 'core_value_id', type: 'int', order: 'v.core_value_id' },
  ];
  const grouped = dimensions.filter((dimension) => query.groupBy.includes(dimension.on));
  const columns = dimensions.map((dimension) => (grouped.includes(dimension) ? `${dimension.column} AS ${dimension.name}` : `NULL::${dimension.type} AS ${dimension.name}`));
  // Periods first, then core values, then regions by code: the order a table or chart reads in.
  const ordered = [...grouped].sort((a, b) => orderRank(a.on) - orderRank(b.on));

  const text = `
    WITH per_period AS (${perPeriod.text}),
    per_region AS (
      SELECT v.region_id, v.bucket, v.core_value_id, ${timeValue} AS value, sum(v.observations) AS observations
      FROM per_period v GROUP BY v.region_id, v.bucket, v.core_value_id
    )
    SELECT ${[...columns, ...ordered.map((dimension, index) => `${dimension.order} AS sort_${index}`)].join(', ')},
           ${regionValue} AS value, coalesce(sum(v.observations), 0)::int AS observations, count(DISTINCT v.region_id)::int AS regions
    FROM per_region v JOIN region r ON r.id = v.region_id LEFT JOIN region p ON p.id = r.parent_id
    ${grouped.length ? `GROUP BY ${grouped.flatMap((dimension) => [dimension.column, dimension.order]).join(', ')}` : ''}
    ${ordered.length ? `ORDER BY ${ordered.map((dimension) => dimension.order).join(', ')}` : ''}`;
  return { text, params: perPeriod.params, sortColumns: ordered.map((_, index) => `sort_${index}`) };
}

/**
 * Step 1: the value of each region and period (and core value, when grouped by it) with its count of observations.
 * Where there is one observation each already (an indicator not reported per value, or one value read), the rows
 * are taken as they are: grouping them would be about half the statement's work for nothing.
 */
function periodValues(query: Statement, byValue: boolean): Part {
  if (byValue || query.coreValueId) return observationRows(query, byValue, { averaged: false });
  if (query.indicator) return observationRows(query, byValue, { averaged: query.indicator.byCoreValue });
  // Run per indicator row: which one applies is known only there, so each half keeps its own rows.
  return sql`${observationRows(query, byValue, { averaged: true, only: 'i.by_core_value' })}
      UNION ALL ${observationRows(query, byValue, { averaged: false, only: 'NOT i.by_core_value' })}`;
}

/** The observations of the scope, averaged per region and period or as they are; `only` is a condition on `i`. */
function observationRows(query: Statement, byValue: boolean, { averaged, only }: { averaged: boolean; only?: string }): Part {
  const params: unknown[] = [];
  const param = (value: unknown, cast = ''): string => {
    params.push(value);
    return `?${cast}`;
  };
  const bucket = query.groupBy.includes(IndicatorGroupBy.PERIOD) ? `date_trunc(${param(query.periodType!.toLowerCase())}, o.period_start)::date` : 'NULL::date';
  const filters = [`o.indicator_id = ${query.indicator ? param(query.indicator.indicatorId) : 'i.id'}`];
  if (query.regionIds) filters.push(`o.region_id IN (${query.regionIds.map((id) => param(id)).join(', ')})`);
  if (query.level) filters.push(`r.level = ${param(query.level)}`);
  if (query.from) filters.push(`o.period_start >= ${param(query.from, '::date')}`);
  if (query.to) filters.push(`o.period_start <= ${param(query.to, '::date')}`);
  if (query.coreValueId) filters.push(`o.core_value_id = ${param(query.coreValueId)}`);
  if (only) filters.push(only);
  // The region is joined only to filter by level: the covering index holds everything else read here.
  const text = `
      SELECT o.region_id, o.period_start, ${byValue ? 'o.core_value_id' : 'NULL::int AS core_value_id'},
             ${averaged ? 'avg(o.value)' : 'o.value'} AS value, ${averaged ? 'count(*)' : '1'} AS observations, ${bucket} AS bucket
      FROM observation o${query.level ? ' JOIN region r ON r.id = o.region_id' : ''}
      WHERE ${filters.join(' AND ')}
      ${averaged ? `GROUP BY o.region_id, o.period_start${byValue ? ', o.core_value_id' : ''}` : ''}`;
  return { text, params };
}

function orderRank(dimension: IndicatorGroupBy): number {
  return [IndicatorGroupBy.PERIOD, IndicatorGroupBy.CORE_VALUE, IndicatorGroupBy.LEVEL, IndicatorGroupBy.PARENT, IndicatorGroupBy.REGION].indexOf(dimension);
}
