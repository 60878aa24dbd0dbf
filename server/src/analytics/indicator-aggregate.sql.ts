import type { PeriodType, RegionAggregation, TimeAggregation } from '../indicators/indicator.enums.js';
import { IndicatorGroupBy } from './analytics.enums.js';
import type { Part } from './sql.js';

export interface AggregateQuery {
  indicatorId: number;
  regionAggregation: RegionAggregation;
  timeAggregation: TimeAggregation;
  groupBy: IndicatorGroupBy[];
  /** Length of the PERIOD buckets. */
  periodType: PeriodType;
  regionIds: number[] | null;
  level: string | null;
  from: string | null;
  to: string | null;
  coreValueId: number | null;
}

/**
 * One statement for any indicator aggregate, applying the indicator's own rules in three steps:
 * 1. per region and period, the mean over core values (unless grouped by core value);
 * 2. per region within each group's time bucket, the time aggregation (sum, mean or last value);
 * 3. per group, the region aggregation (sum, mean, or mean weighted by each region's headcount).
 */
/** The aggregate's rows carry `sort_0`, `sort_1`... so a caller wrapping it can keep the reading order. */
export function indicatorAggregateSql(query: AggregateQuery): Part & { sortColumns: string[] } {
  const params: unknown[] = [];
  const param = (value: unknown, cast = ''): string => {
    params.push(value);
    return `?${cast}`;
  };
  const byValue = query.groupBy.includes(IndicatorGroupBy.CORE_VALUE);
  const byPeriod = query.groupBy.includes(IndicatorGroupBy.PERIOD);
  const bucket = byPeriod ? `date_trunc(${param(query.periodType.toLowerCase())}, o.period_start)::date` : 'NULL::date';

  const filters = [`o.indicator_id = ${param(query.indicatorId)}`];
  if (query.regionIds) filters.push(`o.region_id IN (${query.regionIds.map((id) => param(id)).join(', ')})`);
  if (query.level) filters.push(`r.level = ${param(query.level)}`);
  if (query.from) filters.push(`o.period_start >= ${param(query.from, '::date')}`);
  if (query.to) filters.push(`o.period_start <= ${param(query.to, '::date')}`);
  if (query.coreValueId) filters.push(`o.core_value_id = ${param(query.coreValueId)}`);

  const timeValue = {
    SUM: 'sum(value)',
    AVERAGE: 'avg(value)',
    LAST: '(array_agg(value ORDER BY period_start DESC))[1]',
  }[query.timeAggregation];
  const regionValue = {
    SUM: 'sum(v.value)',
    AVERAGE: 'avg(v.value)',
    WEIGHTED_AVERAGE: 'sum(v.value * r.headcount) / nullif(sum(r.headcount), 0)',
  }[query.regionAggregation];

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

  const sql = `
    WITH per_period AS (
      SELECT o.region_id, o.period_start, ${byValue ? 'o.core_value_id' : 'NULL::int AS core_value_id'},
             avg(o.value) AS value, count(*) AS observations, ${bucket} AS bucket
      FROM observation o JOIN region r ON r.id = o.region_id
      WHERE ${filters.join(' AND ')}
      GROUP BY o.region_id, o.period_start${byValue ? ', o.core_value_id' : ''}
    ),
    per_region AS (
      SELECT region_id, bucket, core_value_id, ${timeValue} AS value, sum(observations) AS observations
      FROM per_period GROUP BY region_id, bucket, core_value_id
    )
    SELECT ${[...columns, ...ordered.map((dimension, index) => `${dimension.order} AS sort_${index}`)].join(', ')}, ${regionValue} AS value, sum(v.observations)::int AS observations, count(DISTINCT v.region_id)::int AS regions
    FROM per_region v JOIN region r ON r.id = v.region_id LEFT JOIN region p ON p.id = r.parent_id
    ${grouped.length ? `GROUP BY ${grouped.flatMap((dimension) => [dimension.column, dimension.order]).join(', ')}` : ''}
    ${ordered.length ? `ORDER BY ${ordered.map((dimension) => dimension.order).join(', ')}` : ''}`;
  return { text: sql, params, sortColumns: ordered.map((_, index) => `sort_${index}`) };
}

function orderRank(dimension: IndicatorGroupBy): number {
  return [IndicatorGroupBy.PERIOD, IndicatorGroupBy.CORE_VALUE, IndicatorGroupBy.LEVEL, IndicatorGroupBy.PARENT, IndicatorGroupBy.REGION].indexOf(dimension);
}
