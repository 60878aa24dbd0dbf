import type { EntityManager } from '@mikro-orm/postgresql';
import { type Connection, decodeKeyCursor, toConnection } from '../common/connection.js';
import { badInput } from '../common/errors.js';
import { inRequestSlot } from '../common/request-slots.js';
import type { Loaders } from '../common/loaders.js';
import type { Scope } from '../auth/scope.js';
import { addDays, checkRange, dayAfter, isPeriodStart, MAX_SERIES_PERIODS, periodEnd, periodsBetween } from '../common/period.js';
import { PeriodType } from '../indicators/indicator.enums.js';
import { Indicator } from '../indicators/indicator.entity.js';
import { IndicatorService } from '../indicators/indicator.service.js';
import { regionStages } from '../milestones/stage.sql.js';
import { CoreValue } from '../programs/core-value.entity.js';
import { Program } from '../programs/program.entity.js';
import { RegionLevel } from '../regions/region.entity.js';
import { RegionService } from '../regions/region.service.js';
import type {
  AggregateFilter, CompletenessArgs, CoverageSeriesArgs, EventTrendArgs, IndicatorAggregateArgs, IndicatorSeriesArgs, IndicatorTotalsArgs, RolloutArgs, StageDistributionArgs,
} from './analytics.args.js';
import { EventGroupBy, IndicatorGroupBy } from './analytics.enums.js';
import type { Completeness, CoveragePoint, EventTrendPoint, IndicatorGroup, IndicatorTotal, RolloutRow, SeriesPoint, StageCount } from './analytics.types.js';
import { type AggregateQuery, indicatorAggregateSql, indicatorTotalsSql, type ObservationScope } from './indicator-aggregate.sql.js';
import { type Part, sql } from './sql.js';

const stepOf: Record<PeriodType, string> = { MONTH: '1 month', QUARTER: '3 months', YEAR: '1 year' };

export class AnalyticsService {
  constructor(private readonly em: EntityManager, private readonly loaders: Loaders, private readonly scope: Scope) {}

  private run<T>(part: Part): Promise<T[]> {
    return inRequestSlot(this.em, () => this.em.getConnection().execute(part.text, part.params));
  }

  private regions(): RegionService {
    return new RegionService(this.em, this.loaders, this.scope);
  }

  private indicators(): IndicatorService {
    return new IndicatorService(this.em, this.loaders, this.scope);
  }

  private indicator(code: string, argument: string): Promise<Indicator> {
    return this.indicators().byCode(code, argument);
  }

  private async coreValueId(code: string | null | undefined, argument: string): Promise<number | null> {
    if (!code) return null;
    const value = await this.em.findOne(CoreValue, { code });
    if (!value) throw badInput(argument, `no core value has code ${code}`);
    return value.id;
  }

  private async programId(code: string | null | undefined, argument: string): Promise<number | null> {
    if (!code) return null;
    const program = await this.em.findOne(Program, { code });
    if (!program) throw badInput(argument, `no program has code ${code}`);
    return program.id;
  }

  /**
   * Which observations an aggregate over `filter` reads. Around a limited caller's scope (its province, the
   * country) only totals: per period and core value, never per region.
   */
  private async observationScope(filter: AggregateFilter, groupBy: IndicatorGroupBy[], prefix: string): Promise<ObservationScope> {
    checkRange(filter.period, `${prefix}period`);
    const area = await this.regions().aggregateArea(filter.regionCode, `${prefix}regionCode`);
    if (area.beyondScope) {
      const byRegion = groupBy.find((group) => group === IndicatorGroupBy.REGION || group === IndicatorGroupBy.PARENT || group === IndicatorGroupBy.LEVEL);
      if (byRegion) throw this.scope.breakdownRefused('groupBy', `grouping ${filter.regionCode ?? 'the whole country'} by ${byRegion}`);
      if (filter.level) throw this.scope.breakdownRefused(`${prefix}level`, `narrowing ${filter.regionCode ?? 'the whole country'} to one level`);
    }
    return {
      regionIds: area.ids,
      level: filter.level ?? null,
      from: filter.period?.from ?? null,
      to: filter.period?.to ?? null,
      coreValueId: await this.coreValueId(filter.coreValueCode, `${prefix}coreValueCode`),
    };
  }

  private async aggregateQuery(indicator: Indicator, groupBy: IndicatorGroupBy[], periodType: PeriodType | null | undefined, filter: AggregateFilter, prefix: string): Promise<AggregateQuery> {
    return {
      indicatorId: indicator.id,
      byCoreValue: indicator.byCoreValue,
      regionAggregation: indicator.regionAggregation,
      timeAggregation: indicator.timeAggregation,
      groupBy,
      periodType: periodType ?? indicator.periodType,
      ...(await this.observationScope(filter, groupBy, prefix)),
    };
  }

  async indicatorGroups(args: IndicatorAggregateArgs): Promise<Connection<IndicatorGroup>> {
    const indicator = await this.indicator(args.indicatorCode, 'indicatorCode');
    const query = await this.aggregateQuery(indicator, [...new Set(args.groupBy)], args.periodType, args.filter ?? {}, 'filter.');
    const offset = decodeKeyCursor(args.after, ['int'])?.[0] ?? 0;
    const inner = indicatorAggregateSql(query);
    const rows = await this.run<AggregateRow & { total: string }>(
      sql`SELECT g.*, count(*) OVER () AS total FROM (${inner}) g ORDER BY ${sql.raw(inner.sortColumns.length ? inner.sortColumns.join(', ') : '1')} LIMIT ${args.first + 1} OFFSET ${offset}`,
    );
    const groups = rows.map(toGroup);
    return toConnection(groups, args.first, Number(rows[0]?.total ?? 0), (group) => JSON.stringify([offset + groups.indexOf(group) + 1]));
  }

  /** Each indicator's total over one area and period, from one statement: `indicatorGroups` without `groupBy`, for many. */
  async totals(args: IndicatorTotalsArgs): Promise<IndicatorTotal[]> {
    const indicators = await this.indicators().byCodes(args.indicatorCodes, 'indicatorCodes');
    const scope = await this.observationScope(args.filter, [], 'filter.');
    if (indicators.length === 0) return [];
    const rows = await this.run<TotalRow>(indicatorTotalsSql({ ...scope, indicatorIds: [...new Set(indicators.map((indicator) => indicator.id))] }));
    // The answer's `indicator` fields then come from the rows just read.
    for (const indicator of indicators) this.loaders.indicatorById.prime(indicator.id, indicator);
    const byIndicator = new Map(rows.map((row) => [row.indicator_id, row]));
    return indicators.map((indicator) => toTotal(byIndicator.get(indicator.id)!));
  }

  async series(args: IndicatorSeriesArgs): Promise<SeriesPoint[]> {
    const indicator = await this.indicator(args.indicatorCode, 'indicatorCode');
    const query = await this.aggregateQuery(indicator, [IndicatorGroupBy.PERIOD], args.periodType, { regionCode: args.regionCode, period: args.period, coreValueCode: args.coreValueCode }, '');
    const adds = indicator.timeAggregation === 'SUM';
    const rows = await this.run<{ period_start: string; value: number | null; cumulative: number | null; regions: number }>(
      sql`SELECT period_start, value, ${sql.raw(adds ? 'sum(value) OVER (ORDER BY period_start)' : 'NULL::float')} AS cumulative, regions
          FROM (${indicatorAggregateSql(query)}) s ORDER BY period_start`,
    );
    return rows.map((row) => ({ periodStart: row.period_start, value: row.value, cumulative: row.cumulative, regionCount: row.regions }));
  }

  async coverageSeries(args: CoverageSeriesArgs): Promise<CoveragePoint[]> {
    if (!args.period.from || !args.period.to) throw badInput('period', 'needs both from and to');
    checkRange(args.period, 'period');
    const periods = periodsBetween(args.periodType, args.period.from, args.period.to);
    if (periods > MAX_SERIES_PERIODS) throw badInput('period', `spans ${periods} periods of type ${args.periodType}, more than the ${MAX_SERIES_PERIODS} a series takes; choose a shorter period or a longer periodType`);
    // One total per period, so also of the areas around a limited caller's scope.
    const area = (await this.regions().aggregateArea(args.regionCode, 'regionCode')).ids;
    const members = area ? sql`WHERE id IN (${sql.list(area)})` : sql``;
    const type = args.periodType.toLowerCase();
    const rows = await this.run<{ period_start: string; reached: string; headcount: string }>(sql`
      WITH members AS (SELECT id, headcount FROM region ${members}),
      buckets AS (
        SELECT generate_series(date_trunc(${type}, ${args.period.from}::date), ${args.period.to}::date, ${stepOf[args.periodType]}::interval)::date AS bucket
      ),
      per_bucket AS (
        SELECT a.region_id, date_trunc(${type}, a.day)::date AS bucket, sum(a.participants) AS participants
        FROM attendance_between(${args.period.from}::date, ${args.period.to}::date, NULL) a
        WHERE a.region_id IN (SELECT id FROM members)
        GROUP BY 1, 2
      ),
      running AS (
        SELECT b.bucket, m.id, m.headcount, coalesce(sum(p.participants), 0) AS participants
        FROM buckets b CROSS JOIN members m LEFT JOIN per_bucket p ON p.region_id = m.id AND p.bucket <= b.bucket
        GROUP BY b.bucket, m.id, m.headcount
      )
      SELECT to_char(bucket, 'YYYY-MM-DD') AS period_start, sum(least(participants, headcount)) AS reached, sum(headcount) AS headcount
      FROM running GROUP BY bucket ORDER BY bucket`);
    return rows.map((row) => ({
      periodStart: row.period_start, reached: Number(row.reached), headcount: Number(row.headcount),
      coverage: Number(row.headcount) ? Number(row.reached) / Number(row.headcount) : 0,
    }));
  }

  /** The regions a rollout table or stage distribution lists: the children of a province, or a level nationally. */
  private async listed(parentCode: string | null | undefined, level: RegionLevel | null | undefined): Promise<{ where: Part; provinces: boolean }> {
    if (parentCode) {
      const parent = await this.regions().byCodeAs(parentCode, 'parentCode');
      if (parent.level !== RegionLevel.PROVINCE) throw badInput('parentCode', `${parentCode} is a ${parent.level.toLowerCase()}, not a province`);
      if (level === RegionLevel.PROVINCE) throw badInput('level', 'a province has no provinces under it');
      return { where: level ? sql`r.parent_id = ${parent.id} AND r.level = ${level}` : sql`r.parent_id = ${parent.id}`, provinces: false };
    }
    this.scope.checkNational('parentCode');
    const wanted = level ?? RegionLevel.PROVINCE;
    return { where: sql`r.level = ${wanted}`, provinces: wanted === RegionLevel.PROVINCE };
  }

  async rollout(args: RolloutArgs, withSessions: boolean): Promise<Connection<RolloutRow>> {
    checkRange(args.period, 'period');
    const { where, provinces } = await this.listed(args.parentCode, args.level);
    const indicator = args.indicatorCode ? await this.indicator(args.indicatorCode, 'indicatorCode') : null;
    // A program narrows the activity (events, sessions, attendance and the coverage it makes) to its events.
    const programId = await this.programId(args.programCode, 'programCode');
    const ofProgram = programId === null ? sql`` : sql`AND e.program_id = ${programId}`;
    const from = args.period?.from ?? '-infinity';
    const until = args.period?.to ? dayAfter(args.period.to) : 'infinity';
    const asOf = args.period?.to ?? 'infinity';
    const offset = decodeKeyCursor(args.after, ['int'])?.[0] ?? 0;

    let indicatorCte = sql`SELECT NULL::int AS key, NULL::float AS value WHERE false`;
    if (indicator) {
      const groupBy = provinces ? IndicatorGroupBy.PARENT : IndicatorGroupBy.REGION;
      // The parent's area holds every row's region; nationally (no parent) every region counts.
      const query = await this.aggregateQuery(indicator, [groupBy], null, { regionCode: args.parentCode, period: args.period, coreValueCode: args.coreValueCode }, '');
      indicatorCte = sql`SELECT ${sql.raw(provinces ? 'parent_id' : 'region_id')} AS key, value FROM (${indicatorAggregateSql(query)}) a`;
    }
    const better = indicator?.higherIsBetter === false ? 'ASC' : 'DESC';
    const rank = indicator
      ? `ind.value ${better} NULLS LAST`
      : 'coalesce(st.position, 0) DESC, cov.reached::float / nullif(cov.headcount, 0) DESC NULLS LAST';

    const rows = await this.run<RolloutSqlRow>(sql`
      WITH rows AS (SELECT r.id, r.code, r.level FROM region r WHERE ${where}),
      members AS (
        SELECT rows.id AS row_id, m.id AS region_id, m.headcount
        FROM rows JOIN region m ON m.id = rows.id OR (rows.level = 'PROVINCE' AND m.parent_id = rows.id)
      ),
      attended AS (
        SELECT region_id, sum(participants) AS participants
        FROM attendance_between(${args.period?.from ?? '-infinity'}::date, ${args.period?.to ?? 'infinity'}::date, ${programId}::int) GROUP BY region_id
      ),
      coverage AS (
        SELECT mb.row_id, sum(least(coalesce(p.participants, 0), mb.headcount)) AS reached, sum(coalesce(p.participants, 0)) AS participants,
               sum(mb.headcount) AS headcount, count(*) FILTER (WHERE p.participants > mb.headcount) AS capped
        FROM members mb LEFT JOIN attended p ON p.region_id = mb.region_id
        GROUP BY mb.row_id
      ),
      sessions AS (${withSessions ? sessionsAttended(from, until, ofProgram) : sql`SELECT NULL::int AS row_id, 0 AS sessions WHERE false`}),
      hosted AS (
        SELECT mb.row_id, count(*) AS events FROM members mb JOIN event e ON e.host_region_id = mb.region_id
        WHERE e.status <> 'CANCELLED' AND e.starts_at >= ${from}::timestamptz AND e.starts_at < ${until}::timestamptz ${ofProgram}
        GROUP BY mb.row_id
      ),
      stages AS (${regionStages(asOf)}),
      ind AS (${indicatorCte})
      SELECT rows.id AS region_id, st.milestone_id, to_char(st.reached_on, 'YYYY-MM-DD') AS reached_on,
             cov.reached, cov.participants, cov.headcount, cov.capped,
             coalesce(h.events, 0) AS events, coalesce(se.sessions, 0) AS sessions,
             ind.value AS indicator_value, tg.value AS target,
             rank() OVER (ORDER BY ${sql.raw(rank)}) AS rank, count(*) OVER () AS total
      FROM rows
      JOIN coverage cov ON cov.row_id = rows.id
      LEFT JOIN hosted h ON h.row_id = rows.id
      LEFT JOIN sessions se ON se.row_id = rows.id
      LEFT JOIN stages st ON st.region_id = rows.id
      LEFT JOIN ind ON ind.key = rows.id
      LEFT JOIN LATERAL (
        SELECT t.value FROM target t WHERE t.indicator_id = ${indicator?.id ?? 0} AND (t.region_id = rows.id OR t.region_id IS NULL)
        ORDER BY t.region_id NULLS LAST LIMIT 1
      ) tg ON true
      ORDER BY rows.code LIMIT ${args.first + 1} OFFSET ${offset}`);

    const milestones = await this.loaders.milestonesById.loadMany(rows.flatMap((row) => (row.milestone_id ? [row.milestone_id] : [])));
    const byId = new Map(milestones.flatMap((milestone) => (milestone instanceof Error ? [] : [[milestone.id, milestone]])));
    const result = rows.map((row): RolloutRow => {
      const value = row.indicator_value;
      const target = row.target;
      return {
        regionId: row.region_id,
        stage: row.milestone_id ? { milestone: byId.get(row.milestone_id)!, reachedOn: row.reached_on! } : null,
        coverage: {
          reached: Number(row.reached), participants: Number(row.participants), headcount: Number(row.headcount),
          ratio: Number(row.headcount) ? Number(row.reached) / Number(row.headcount) : 0, cappedRegions: Number(row.capped),
        },
        events: Number(row.events),
        sessions: Number(row.sessions),
        attendance: Number(row.participants),
        indicatorValue: value,
        target: indicator ? target : null,
        meetsTarget: value === null || target === null || !indicator ? null : indicator.higherIsBetter ? value >= target : value <= target,
        rank: Number(row.rank),
      };
    });
    return toConnection(result, args.first, Number(rows[0]?.total ?? 0), (row) => JSON.stringify([offset + result.indexOf(row) + 1]));
  }

  async stageDistribution(args: StageDistributionArgs): Promise<StageCount[]> {
    const { where } = await this.listed(args.parentCode, args.level);
    const rows = await this.run<{ milestone_id: number | null; regions: string; share: number }>(sql`
      WITH scope AS (SELECT r.id FROM region r WHERE ${where}),
      stages AS (${regionStages(args.asOf ?? 'infinity')}),
      counts AS (SELECT coalesce(st.position, 0) AS position, count(*) AS regions FROM scope LEFT JOIN stages st ON st.region_id = scope.id GROUP BY 1)
      SELECT m.id AS milestone_id, coalesce(c.regions, 0) AS regions,
             coalesce(c.regions, 0)::float / nullif((SELECT count(*) FROM scope), 0) AS share
      FROM (SELECT 0 AS position UNION ALL SELECT position FROM milestone) steps
      LEFT JOIN milestone m ON m.position = steps.position LEFT JOIN counts c ON c.position = steps.position
      ORDER BY steps.position`);
    const milestones = await this.loaders.milestonesById.loadMany(rows.flatMap((row) => (row.milestone_id ? [row.milestone_id] : [])));
    const byId = new Map(milestones.flatMap((milestone) => (milestone instanceof Error ? [] : [[milestone.id, milestone]])));
    return rows.map((row) => ({ milestone: row.milestone_id ? byId.get(row.milestone_id)! : null, regionCount: Number(row.regions), share: row.share ?? 0 }));
  }

  async completeness(args: CompletenessArgs): Promise<Completeness> {
    const { type, start } = args.period;
    if (!isPeriodStart(type, start)) throw badInput('period.start', `${start} is not the first day of a ${type.toLowerCase()}`);
    const end = periodEnd(type, start);
    const deadline = dayAfter(addDays(end, args.graceDays));
    const area = await this.regions().optionalAreaIds(args.parentCode, 'parentCode');
    const scope = area ? sql`WHERE r.id IN (${sql.list(area)})` : sql``;
    const rows = await this.run<{ region_id: number | null; expected: string; reported: string; on_time: string; active: string }>(sql`
      WITH scope AS (SELECT r.id, r.code FROM region r ${scope}),
      active AS (
        SELECT rm.region_id FROM region_milestone rm JOIN milestone m ON m.id = rm.milestone_id
        WHERE m.position = 1 AND rm.reached_on <= ${end}::date AND rm.region_id IN (SELECT id FROM scope)
      ),
      expected AS (SELECT a.region_id, i.id AS indicator_id FROM active a CROSS JOIN indicator i WHERE i.period_type = ${type}),
      received AS (
        SELECT o.region_id, o.indicator_id, min(o.reported_at) AS first_at FROM observation o
        WHERE o.period_start = ${start}::date AND o.indicator_id IN (SELECT id FROM indicator WHERE period_type = ${type})
        GROUP BY o.region_id, o.indicator_id
      )
      SELECT scope.id AS region_id, count(e.indicator_id) AS expected, count(r.indicator_id) AS reported,
             count(r.indicator_id) FILTER (WHERE r.first_at < ${deadline}::timestamptz) AS on_time,
             count(DISTINCT e.region_id) AS active
      FROM scope LEFT JOIN expected e ON e.region_id = scope.id
      LEFT JOIN received r ON r.region_id = e.region_id AND r.indicator_id = e.indicator_id
      GROUP BY GROUPING SETS ((scope.id, scope.code), ())
      ORDER BY scope.code NULLS FIRST`);
    const [total, ...regions] = rows;
    const expected = Number(total!.expected);
    return {
      periodStart: start,
      periodEnd: end,
      indicators: await this.em.find(Indicator, { periodType: type }, { orderBy: { code: 'asc' } }),
      activeRegions: Number(total!.active),
      expected,
      reported: Number(total!.reported),
      onTime: Number(total!.on_time),
      completeness: expected ? Number(total!.reported) / expected : 1,
      timeliness: expected ? Number(total!.on_time) / expected : 1,
      regions: regions.map((row) => ({ regionId: row.region_id!, expected: Number(row.expected), reported: Number(row.reported), onTime: Number(row.on_time) })),
    };
  }

  async eventTrends(args: EventTrendArgs): Promise<EventTrendPoint[]> {
    checkRange(args.period, 'period');
    const area = await this.regions().optionalAreaIds(args.regionCode, 'regionCode');
    const programId = await this.programId(args.programCode, 'programCode');
    const bucket = args.periodType.toLowerCase();
    const kind = sql.raw(args.groupBy.includes(EventGroupBy.KIND) ? 'kind' : 'NULL::text');
    const mode = sql.raw(args.groupBy.includes(EventGroupBy.MODE) ? 'mode' : 'NULL::text');
    const grouped = area || !this.scope.isNational
      ? this.eventsByBucket(args, area, programId, bucket, kind, mode)
      : nationalEventsByBucket(args, programId, bucket, kind, mode);
    // Grouped on the bucket itself and formatted afterwards: formatting each of 200,000 events costs more than the sums.
    const rows = await this.run<{ period_start: string; kind: string | null; mode: string | null; events: string; sessions: string; participants: string }>(sql`
      SELECT to_char(bucket, 'YYYY-MM-DD') AS period_start, kind, mode, events, sessions, participants FROM (${grouped}) g
      ORDER BY bucket, kind, mode`);
    return rows.map((row) => ({
      periodStart: row.period_start, kind: row.kind as EventTrendPoint['kind'], mode: row.mode as EventTrendPoint['mode'],
      events: Number(row.events), sessions: Number(row.sessions), participants: Number(row.participants),
    }));
  }

  /**
   * An area's events, or any events for a caller limited to a region, who (as on the events themselves)
   * counts only its own regions' participants: read from the events and their attendance rows.
   */
  private eventsByBucket(args: EventTrendArgs, area: number[] | null, programId: number | null, bucket: string, kind: Part, mode: Part): Part {
    const filters: Part[] = [sql`e.status <> 'CANCELLED'`];
    if (args.period?.from) filters.push(sql`e.starts_at >= ${args.period.from}::timestamptz`);
    if (args.period?.to) filters.push(sql`e.starts_at < ${dayAfter(args.period.to)}::timestamptz`);
    if (area) filters.push(sql`e.host_region_id IN (${sql.list(area)})`);
    if (programId !== null) filters.push(sql`e.program_id = ${programId}`);
    const tallies = this.scope.isNational
      ? sql`SELECT event_id, sessions, participants FROM event_tally`
      : sql`SELECT s.event_id, count(DISTINCT s.id) AS sessions, sum(a.participants) FILTER (WHERE a.region_id IN (${sql.list(this.scope.areaIds!)})) AS participants
            FROM session s LEFT JOIN attendance a ON a.session_id = s.id
            WHERE s.event_id IN (SELECT e.id FROM event e WHERE ${sql.join(filters, ' AND ')}) GROUP BY s.event_id`;
    return sql`
      SELECT date_trunc(${bucket}, e.starts_at AT TIME ZONE 'UTC') AS bucket, ${kind} AS kind, ${mode} AS mode,
             count(*) AS events, coalesce(sum(t.sessions), 0) AS sessions, coalesce(sum(t.participants), 0) AS participants
      FROM event e LEFT JOIN (${tallies}) t ON t.event_id = e.id
      WHERE ${sql.join(filters, ' AND ')}
      GROUP BY 1, 2, 3`;
  }
}

/** The whole country's events from their per-day rollup, which has the same figures as the events and their tallies. */
function nationalEventsByBucket(args: EventTrendArgs, programId: number | null, bucket: string, kind: Part, mode: Part): Part {
  const filters: Part[] = [sql`true`];
  if (args.period?.from) filters.push(sql`day >= ${args.period.from}::date`);
  if (args.period?.to) filters.push(sql`day <= ${args.period.to}::date`);
  if (programId !== null) filters.push(sql`program_id = ${programId}`);
  return sql`
    SELECT date_trunc(${bucket}, day) AS bucket, ${kind} AS kind, ${mode} AS mode,
           sum(events) AS events, sum(sessions) AS sessions, sum(participants) AS participants
    FROM event_day WHERE ${sql.join(filters, ' AND ')}
    GROUP BY 1, 2, 3 HAVING sum(events) > 0`;
}

/** Sessions the rows' areas attended: distinct across an area's regions, so read from the attendance rows themselves. */
function sessionsAttended(from: string, until: string, ofProgram: Part): Part {
  return sql`SELECT mb.row_id, count(DISTINCT a.session_id) AS sessions
    FROM members mb JOIN attendance a ON a.region_id = mb.region_id
    JOIN session s ON s.id = a.session_id JOIN event e ON e.id = s.event_id
    WHERE e.status = 'HELD' AND s.starts_at >= ${from}::timestamptz AND s.starts_at < ${until}::timestamptz ${ofProgram}
    GROUP BY mb.row_id`;
}

interface AggregateRow {
  region_id: number | null;
  parent_id: number | null;
  level: RegionLevel | null;
  period_start: string | null;
  core_value_id: number | null;
  value: number | null;
  observations: number;
  regions: number;
}

interface RolloutSqlRow {
  region_id: number;
  milestone_id: number | null;
  reached_on: string | null;
  reached: string;
  participants: string;
  headcount: string;
  capped: string;
  events: string;
  sessions: string;
  indicator_value: number | null;
  target: number | null;
  rank: string;
  total: string;
}

interface TotalRow {
  indicator_id: number;
  value: number | null;
  observations: number;
  regions: number;
}

function toTotal(row: TotalRow): IndicatorTotal {
  return { indicatorId: row.indicator_id, value: row.value, observations: row.observations, regions: row.regions };
}

function toGroup(row: AggregateRow): IndicatorGroup {
  return {
    regionId: row.region_id, areaId: row.parent_id, coreValueId: row.core_value_id, level: row.level,
    periodStart: row.period_start, value: row.value, observationCount: row.observations, regionCount: row.regions,
  };
}
