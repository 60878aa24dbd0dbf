import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './support/api.js';
import { type TestDatabase, testDatabase } from './support/database.js';

/** Each figure of the API is recomputed here from raw rows by plain SQL written independently of the server's. */
describe('GraphQL API: analytics', () => {
  let db: TestDatabase;
  let api: TestApi;
  const rows = async <T = any>(text: string, values: unknown[] = []): Promise<T[]> => (await db.sql.query(text, values)).rows;
  const data = async <T = any>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const answer = await api.query<T>(query, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  };
  const near = (actual: number | null, expected: number | null) => {
    if (expected === null) expect(actual).toBeNull();
    else expect(actual).toBeCloseTo(expected, 9);
  };

  beforeAll(async () => {
    db = await testDatabase('demo');
    api = await startTestApi(await db.orm());
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  it('weights the national index per core value by headcount', async () => {
    const answer = await data(`{ indicatorAggregate(indicatorCode: "INDEKS_BERAKHLAK", groupBy: [CORE_VALUE], filter: { period: { from: "2022-01-01", to: "2022-12-31" } })
      { totalCount edges { node { coreValue { code } value regionCount } } } }`);
    const expected = await rows(
      `SELECT v.code, sum(o.value * r.headcount) / sum(r.headcount) AS value, count(*)::int AS regions
       FROM observation o JOIN region r ON r.id = o.region_id JOIN core_value v ON v.id = o.core_value_id
       WHERE o.indicator_id = (SELECT id FROM indicator WHERE code = 'INDEKS_BERAKHLAK') AND o.period_start = '2022-01-01'
       GROUP BY v.code, v.position ORDER BY v.position`,
    );
    expect(answer.indicatorAggregate.totalCount).toBe(7);
    answer.indicatorAggregate.edges.forEach((edge: any, index: number) => {
      expect(edge.node.coreValue.code).toBe(expected[index].code);
      near(edge.node.value, expected[index].value);
      expect(edge.node.regionCount).toBe(expected[index].regions);
    });
  });

  it('sums the last reported change agents of each region over each province area', async () => {
    const answer = await data(`{ indicatorAggregate(indicatorCode: "AGEN_PERUBAHAN", groupBy: [PARENT], first: 100, filter: { period: { from: "2025-01-01", to: "2025-12-31" } })
      { totalCount edges { node { area { code } value } } } }`);
    const expected = await rows(
      `WITH latest AS (
         SELECT DISTINCT ON (o.region_id) o.region_id, o.value FROM observation o
         WHERE o.indicator_id = (SELECT id FROM indicator WHERE code = 'AGEN_PERUBAHAN') AND o.period_start BETWEEN '2025-01-01' AND '2025-12-31'
         ORDER BY o.region_id, o.period_start DESC)
       SELECT p.code, sum(l.value) AS value FROM latest l JOIN region r ON r.id = l.region_id JOIN region p ON p.id = coalesce(r.parent_id, r.id)
       GROUP BY p.code ORDER BY p.code`,
    );
    expect(answer.indicatorAggregate.edges.map((edge: any) => [edge.node.area.code, edge.node.value])).toEqual(expected.map((row) => [row.code, row.value]));
  });

  it('averages monthly values per quarter and weights them by level', async () => {
    const answer = await data(`{ indicatorAggregate(indicatorCode: "PENGADUAN_TEPAT_WAKTU", groupBy: [PERIOD, LEVEL], periodType: QUARTER, first: 200,
      filter: { period: { from: "2024-01-01", to: "2024-12-31" } }) { totalCount edges { node { periodStart level value observationCount } } } }`);
    const expected = await rows(
      `WITH quarterly AS (
         SELECT o.region_id, date_trunc('quarter', o.period_start)::date AS quarter, avg(o.value) AS value, count(*) AS n FROM observation o
         WHERE o.indicator_id = (SELECT id FROM indicator WHERE code = 'PENGADUAN_TEPAT_WAKTU') AND o.period_start BETWEEN '2024-01-01' AND '2024-12-31'
         GROUP BY o.region_id, date_trunc('quarter', o.period_start))
       SELECT to_char(q.quarter, 'YYYY-MM-DD') AS quarter, r.level, sum(q.value * r.headcount) / sum(r.headcount) AS value, sum(q.n)::int AS n
       FROM quarterly q JOIN region r ON r.id = q.region_id GROUP BY q.quarter, r.level ORDER BY q.quarter, r.level`,
    );
    expect(answer.indicatorAggregate.totalCount).toBe(12);
    answer.indicatorAggregate.edges.forEach((edge: any, index: number) => {
      expect([edge.node.periodStart, edge.node.level, edge.node.observationCount]).toEqual([expected[index].quarter, expected[index].level, expected[index].n]);
      near(edge.node.value, expected[index].value);
    });
  });

  it('follows an indicator over time for a province with its regencies and cities', async () => {
    const answer = await data(`{ indicatorSeries(indicatorCode: "INDEKS_BERAKHLAK", regionCode: "13") { periodStart value cumulative regionCount } }`);
    const expected = await rows(
      `WITH per_region AS (
         SELECT o.region_id, o.period_start, avg(o.value) AS value FROM observation o
         WHERE o.indicator_id = (SELECT id FROM indicator WHERE code = 'INDEKS_BERAKHLAK')
           AND o.region_id IN (SELECT id FROM region WHERE code = '13' OR parent_id = (SELECT id FROM region WHERE code = '13'))
         GROUP BY o.region_id, o.period_start)
       SELECT to_char(p.period_start, 'YYYY-MM-DD') AS period, sum(p.value * r.headcount) / sum(r.headcount) AS value, count(*)::int AS regions
       FROM per_region p JOIN region r ON r.id = p.region_id GROUP BY p.period_start ORDER BY p.period_start`,
    );
    expect(answer.indicatorSeries.map((point: any) => point.periodStart)).toEqual(expected.map((row) => row.period));
    answer.indicatorSeries.forEach((point: any, index: number) => {
      near(point.value, expected[index].value);
      expect(point.regionCount).toBe(expected[index].regions);
      expect(point.cumulative).toBeNull();
    });
  });

  it('accumulates coverage over time, each region capped at its headcount', async () => {
    const answer = await data(`{ coverageSeries(regionCode: "75", periodType: YEAR, period: { from: "2021-08-01", to: "2025-12-31" }) { periodStart reached headcount coverage } }`);
    const years = ['2021', '2022', '2023', '2024', '2025'];
    const expected = await Promise.all(years.map(async (year) => (await rows(
      `SELECT sum(least(r.headcount, coalesce(p.participants, 0)))::int AS reached, sum(r.headcount)::int AS headcount
       FROM region r LEFT JOIN (
         SELECT a.region_id, sum(a.participants) AS participants FROM attendance a JOIN session s ON s.id = a.session_id JOIN event e ON e.id = s.event_id
         WHERE e.status = 'HELD' AND s.starts_at >= '2021-08-01' AND s.starts_at < ($1 || '-12-31')::date + 1 GROUP BY a.region_id
       ) p ON p.region_id = r.id
       WHERE r.code = '75' OR r.parent_id = (SELECT id FROM region WHERE code = '75')`,
      [year],
    ))[0]));
    expect(answer.coverageSeries.map((point: any) => point.periodStart)).toEqual(years.map((year) => `${year}-01-01`));
    answer.coverageSeries.forEach((point: any, index: number) => {
      expect([point.reached, point.headcount]).toEqual([expected[index].reached, expected[index].headcount]);
      expect(point.coverage).toBeLessThanOrEqual(1);
    });
    const reached = answer.coverageSeries.map((point: any) => point.reached);
    expect(reached).toEqual([...reached].sort((a: number, b: number) => a - b));
  });

  it('builds the rollout table of the provinces: stage, coverage, events and the index against target, ranked', async () => {
    const answer = await data(`{ rollout(first: 100, period: { from: "2022-01-01", to: "2022-12-31" }, indicatorCode: "INDEKS_BERAKHLAK") {
      totalCount edges { node { region { code } stage { milestone { position } } coverage { reached headcount participants } events attendance indicatorValue target meetsTarget rank } } } }`);
    const table = answer.rollout.edges.map((edge: any) => edge.node);
    expect(answer.rollout.totalCount).toBe(38);
    const area = `SELECT r.id AS region_id, coalesce(r.parent_id, r.id) AS province_id, r.headcount FROM region r`;
    const coverage = await rows(
      `SELECT p.code, sum(least(a.headcount, coalesce(x.participants, 0)))::int AS reached, sum(a.headcount)::int AS headcount, sum(coalesce(x.participants, 0))::int AS participants
       FROM (${area}) a JOIN region p ON p.id = a.province_id LEFT JOIN (
         SELECT at.region_id, sum(at.participants) AS participants FROM attendance at JOIN session s ON s.id = at.session_id JOIN event e ON e.id = s.event_id
         WHERE e.status = 'HELD' AND s.starts_at >= '2022-01-01' AND s.starts_at < '2023-01-01' GROUP BY at.region_id) x ON x.region_id = a.region_id
       GROUP BY p.code ORDER BY p.code`,
    );
    const events = await rows(
      `SELECT p.code, count(e.id)::int AS events FROM region p
       LEFT JOIN event e ON e.host_region_id IN (SELECT id FROM region WHERE id = p.id OR parent_id = p.id)
         AND e.status <> 'CANCELLED' AND e.starts_at >= '2022-01-01' AND e.starts_at < '2023-01-01'
       WHERE p.level = 'PROVINCE' GROUP BY p.code ORDER BY p.code`,
    );
    const index = await rows(
      `WITH per_region AS (SELECT o.region_id, avg(o.value) AS value FROM observation o
         WHERE o.indicator_id = (SELECT id FROM indicator WHERE code = 'INDEKS_BERAKHLAK') AND o.period_start = '2022-01-01' GROUP BY o.region_id)
       SELECT p.code, sum(v.value * r.headcount) / sum(r.headcount) AS value
       FROM per_region v JOIN region r ON r.id = v.region_id JOIN region p ON p.id = coalesce(r.parent_id, r.id) GROUP BY p.code ORDER BY p.code`,
    );
    table.forEach((row: any, position: number) => {
      expect(row.region.code).toBe(coverage[position].code);
      expect(row.coverage).toEqual({ reached: coverage[position].reached, headcount: coverage[position].headcount, participants: coverage[position].participants });
      expect(row.attendance).toBe(coverage[position].participants);
      expect(row.events).toBe(events[position].events);
      near(row.indicatorValue, index.find((candidate) => candidate.code === row.region.code)?.value ?? null);
      expect(row.target).toBe(75);
      expect(row.meetsTarget).toBe(row.indicatorValue >= 75);
    });
    const byValue = [...table].sort((a: any, b: any) => b.indicatorValue - a.indicatorValue);
    expect(byValue[0].rank).toBe(1);
    for (let i = 1; i < byValue.length; i++) expect(byValue[i].rank).toBeGreaterThanOrEqual(byValue[i - 1].rank);
  });

  it('narrows the rollout table’s events, sessions, attendance and coverage to one program’s events, and leaves stage and indicator whole', async () => {
    // The demo's one GIM event is a national video conference in 2020; one hosted in Gorontalo, without sessions, joins it.
    await db.sql.query(
      `INSERT INTO event (code, program_id, title, kind, organiser, host_region_id, mode, starts_at, ends_at, status)
       SELECT 'GIM-UJI', p.id, 'Sosialisasi Gerakan Indonesia Melayani', 'SOCIALISATION', 'Setda', r.id, 'OFFLINE', '2021-05-10T01:00:00Z', '2021-05-10T05:00:00Z', 'HELD'
       FROM program p, region r WHERE p.code = 'GIM' AND r.code = '75.71'`,
    );
    const query = `query ($p: String) { rollout(first: 100, period: { from: "2020-01-01", to: "2022-12-31" }, indicatorCode: "INDEKS_BERAKHLAK", programCode: $p) {
      edges { node { region { code } stage { milestone { position } } coverage { reached participants } events sessions attendance indicatorValue } } } }`;
    const [gim, berakhlak, all] = await Promise.all(['GIM', 'BERAKHLAK', null].map(async (p) => (await data(query, { p })).rollout.edges.map((edge: any) => edge.node)));
    const expected = await rows(
      `WITH area AS (SELECT r.id, coalesce(r.parent_id, r.id) AS province_id, r.headcount FROM region r),
       hosted AS (
         SELECT a.province_id, count(*)::int AS events FROM event e JOIN area a ON a.id = e.host_region_id
         WHERE e.program_id = (SELECT id FROM program WHERE code = 'GIM') AND e.status <> 'CANCELLED' AND e.starts_at >= '2020-01-01' AND e.starts_at < '2023-01-01'
         GROUP BY a.province_id),
       attended AS (
         SELECT a.province_id, a.id AS region_id, a.headcount, at.session_id, at.participants FROM attendance at
         JOIN session s ON s.id = at.session_id JOIN event e ON e.id = s.event_id JOIN area a ON a.id = at.region_id
         WHERE e.program_id = (SELECT id FROM program WHERE code = 'GIM') AND e.status = 'HELD' AND s.starts_at >= '2020-01-01' AND s.starts_at < '2023-01-01'),
       per_region AS (SELECT province_id, region_id, least(sum(participants), min(headcount)) AS reached FROM attended GROUP BY province_id, region_id)
       SELECT p.code, coalesce(h.events, 0) AS events,
              (SELECT count(DISTINCT session_id) FROM attended x WHERE x.province_id = p.id)::int AS sessions,
              (SELECT coalesce(sum(participants), 0) FROM attended x WHERE x.province_id = p.id)::int AS participants,
              (SELECT coalesce(sum(reached), 0) FROM per_region x WHERE x.province_id = p.id)::int AS reached
       FROM region p LEFT JOIN hosted h ON h.province_id = p.id WHERE p.level = 'PROVINCE' ORDER BY p.code`,
    );
    expect(gim.map((row: any) => [row.region.code, row.events, row.sessions, row.attendance, row.coverage.reached])).toEqual(
      expected.map((row) => [row.code, row.events, row.sessions, row.participants, row.reached]),
    );
    expect(gim.filter((row: any) => row.events > 0).map((row: any) => row.region.code)).toEqual(['75']);
    expect(gim.filter((row: any) => row.attendance > 0).length).toBeGreaterThan(10);
    all.forEach((row: any, index: number) => {
      expect(gim[index].events + berakhlak[index].events).toBe(row.events);
      expect(gim[index].attendance + berakhlak[index].attendance).toBe(row.attendance);
      expect([gim[index].stage, gim[index].indicatorValue]).toEqual([row.stage, row.indicatorValue]);
    });
  });

  it('lists the regencies and cities of a province in the rollout table, ranked by stage then coverage', async () => {
    const answer = await data('{ rollout(parentCode: "75") { totalCount edges { node { region { code } stage { milestone { position } } coverage { reached headcount } rank } } } }');
    const table = answer.rollout.edges.map((edge: any) => edge.node);
    expect(table.map((row: any) => row.region.code)).toEqual(['75.01', '75.02', '75.03', '75.04', '75.05', '75.71']);
    const score = (row: any) => [row.stage?.milestone.position ?? 0, row.coverage.reached / row.coverage.headcount];
    const sorted = [...table].sort((a: any, b: any) => score(b)[0] - score(a)[0] || score(b)[1] - score(a)[1]);
    expect(sorted[0].rank).toBe(1);
  });

  it('distributes regions over the stages, counting only milestones reached in order', async () => {
    const answer = await data('{ stageDistribution(level: REGENCY) { milestone { position } regionCount share } }');
    const expected = await rows(
      `SELECT stage, count(*)::int AS regions FROM (
         SELECT r.id, coalesce((SELECT max(m.position) FROM milestone m WHERE NOT EXISTS (
           SELECT 1 FROM milestone earlier WHERE earlier.position <= m.position AND NOT EXISTS (
             SELECT 1 FROM region_milestone x WHERE x.region_id = r.id AND x.milestone_id = earlier.id))), 0) AS stage
         FROM region r WHERE r.level = 'REGENCY') s GROUP BY stage`,
    );
    const counts = Object.fromEntries(expected.map((row) => [row.stage, row.regions]));
    expect(answer.stageDistribution.map((row: any) => [row.milestone?.position ?? 0, row.regionCount])).toEqual([0, 1, 2, 3, 4, 5].map((stage) => [stage, counts[stage] ?? 0]));
    expect(answer.stageDistribution.reduce((sum: number, row: any) => sum + row.regionCount, 0)).toBe(416);
    expect(answer.stageDistribution.reduce((sum: number, row: any) => sum + row.share, 0)).toBeCloseTo(1, 9);
  });

  it.each([
    { period: { type: 'QUARTER', start: '2025-07-01' }, end: '2025-09-30' },
    { period: { type: 'MONTH', start: '2021-10-01' }, end: '2021-10-31' },
  ])('measures reporting completeness of $period.type $period.start, never above 100 %', async ({ period, end }) => {
    const answer = await data(`query($period: PeriodInput!) { reportingCompleteness(period: $period) { periodEnd activeRegions expected reported onTime completeness timeliness regions { expected } } }`, { period });
    const completeness = answer.reportingCompleteness;
    const [expected] = await rows(
      `WITH active AS (SELECT DISTINCT rm.region_id FROM region_milestone rm JOIN milestone m ON m.id = rm.milestone_id WHERE m.position = 1 AND rm.reached_on <= $2::date),
            wanted AS (SELECT id FROM indicator WHERE period_type = $1)
       SELECT (SELECT count(*) FROM active)::int AS active,
              (SELECT count(*) FROM active, wanted)::int AS expected,
              (SELECT count(*) FROM (SELECT DISTINCT o.region_id, o.indicator_id FROM observation o
                 WHERE o.period_start = $3::date AND o.indicator_id IN (SELECT id FROM wanted) AND o.region_id IN (SELECT region_id FROM active)) x)::int AS reported,
              (SELECT count(*) FROM (SELECT o.region_id, o.indicator_id FROM observation o
                 WHERE o.period_start = $3::date AND o.indicator_id IN (SELECT id FROM wanted) AND o.region_id IN (SELECT region_id FROM active)
                 GROUP BY o.region_id, o.indicator_id HAVING min(o.reported_at) < $2::date + 31) x)::int AS on_time`,
      [period.type, end, period.start],
    );
    expect(completeness).toMatchObject({ periodEnd: end, activeRegions: expected.active, expected: expected.expected, reported: expected.reported, onTime: expected.on_time });
    expect(completeness.completeness).toBeLessThanOrEqual(1);
    expect(completeness.timeliness).toBeLessThanOrEqual(completeness.completeness);
    expect(completeness.regions).toHaveLength(552);
    expect(completeness.regions.reduce((sum: number, row: any) => sum + row.expected, 0)).toBe(expected.expected);
  });

  it('counts events, sessions and participants per quarter and kind', async () => {
    const answer = await data(`{ eventTrends(periodType: QUARTER, groupBy: [KIND], period: { from: "2023-01-01", to: "2023-12-31" }) { periodStart kind events sessions participants } }`);
    const expected = await rows(
      `SELECT to_char(date_trunc('quarter', e.starts_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS quarter, e.kind, count(*)::int AS events,
              (SELECT count(*) FROM session s WHERE s.event_id = ANY(array_agg(e.id)))::int AS sessions,
              (SELECT coalesce(sum(a.participants), 0) FROM attendance a JOIN session s ON s.id = a.session_id WHERE s.event_id = ANY(array_agg(e.id)))::int AS participants
       FROM event e WHERE e.status <> 'CANCELLED' AND e.starts_at >= '2023-01-01' AND e.starts_at < '2024-01-01'
       GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(answer.eventTrends.map((point: any) => [point.periodStart, point.kind, point.events, point.sessions, point.participants])).toEqual(
      expected.map((row) => [row.quarter, row.kind, row.events, row.sessions, row.participants]),
    );
  });

  describe('indicatorTotals', () => {
    const period = { from: '2023-01-01', to: '2025-06-30' };
    const totalsQuery = `query ($filter: IndicatorTotalsFilter!, $codes: [String!]) {
      indicatorTotals(filter: $filter, indicatorCodes: $codes) { indicator { code } value observations regions } }`;
    const totalsOf = async (filter: Record<string, unknown>, codes?: string[]) =>
      (await data<{ indicatorTotals: { indicator: { code: string }; value: number | null; observations: number; regions: number }[] }>(totalsQuery, { filter, codes })).indicatorTotals;

    beforeAll(async () => {
      // The demo indicators have no time aggregation SUM: one that adds up the monthly complaint shares, averaged over regions.
      await db.sql.query(
        `INSERT INTO indicator (code, name, name_en, description, unit, region_aggregation, time_aggregation, period_type, higher_is_better, by_core_value)
         VALUES ('UJI_JUMLAH', 'Uji jumlah', 'Test sum', 'Uji', 'COUNT', 'AVERAGE', 'SUM', 'MONTH', true, false)`,
      );
      await db.sql.query(
        `INSERT INTO observation (indicator_id, region_id, period_type, period_start, core_value_id, value)
         SELECT (SELECT id FROM indicator WHERE code = 'UJI_JUMLAH'), region_id, period_type, period_start, core_value_id, value FROM observation
         WHERE indicator_id = (SELECT id FROM indicator WHERE code = 'PENGADUAN_TEPAT_WAKTU')`,
      );
    });

    /** Each indicator's total recomputed from the raw rows: the mean over core values in SQL, the time and region rules here. */
    const expectedTotals = async (regionCode: string | null, coreValueCode: string | null) => {
      const perPeriod = await rows<{ code: string; time: string; space: string; region_id: number; headcount: number; period_start: string; value: number; n: number }>(
        `SELECT i.code, i.time_aggregation AS time, i.region_aggregation AS space, o.region_id, r.headcount, to_char(o.period_start, 'YYYY-MM-DD') AS period_start,
                avg(o.value) AS value, count(*)::int AS n
         FROM observation o JOIN indicator i ON i.id = o.indicator_id JOIN region r ON r.id = o.region_id
         WHERE o.period_start BETWEEN $1 AND $2
           AND ($3::text IS NULL OR r.code = $3 OR r.parent_id = (SELECT id FROM region WHERE code = $3))
           AND ($4::text IS NULL OR o.core_value_id = (SELECT id FROM core_value WHERE code = $4))
         GROUP BY i.code, i.time_aggregation, i.region_aggregation, o.region_id, r.headcount, o.period_start`,
        [period.from, period.to, regionCode, coreValueCode],
      );
      const totals = new Map<string, { value: number | null; observations: number; regions: number }>();
      const indicators = await rows<{ code: string }>('SELECT code FROM indicator ORDER BY code');
      for (const { code } of indicators) {
        const mine = perPeriod.filter((row) => row.code === code);
        const regions = [...new Set(mine.map((row) => row.region_id))].map((id) => {
          const periods = mine.filter((row) => row.region_id === id).sort((a, b) => a.period_start.localeCompare(b.period_start));
          const values = periods.map((row) => row.value);
          const sum = values.reduce((total, value) => total + value, 0);
          const value = { SUM: sum, AVERAGE: sum / values.length, LAST: values.at(-1)! }[periods[0]!.time as 'SUM' | 'AVERAGE' | 'LAST'];
          return { value, headcount: periods[0]!.headcount, space: periods[0]!.space };
        });
        const sum = regions.reduce((total, region) => total + region.value, 0);
        const weights = regions.reduce((total, region) => total + region.headcount, 0);
        const value = regions.length === 0 ? null : {
          SUM: sum, AVERAGE: sum / regions.length, WEIGHTED_AVERAGE: regions.reduce((total, region) => total + region.value * region.headcount, 0) / weights,
        }[regions[0]!.space as 'SUM' | 'AVERAGE' | 'WEIGHTED_AVERAGE'];
        totals.set(code, { value, observations: mine.reduce((total, row) => total + row.n, 0), regions: regions.length });
      }
      return { codes: indicators.map((row) => row.code), totals };
    };

    it.each([
      { area: 'the nation', regionCode: null, coreValueCode: null },
      { area: 'the nation, one core value', regionCode: null, coreValueCode: 'ADAPTIF' },
      { area: 'a province', regionCode: '13', coreValueCode: null },
      { area: 'a province, one core value', regionCode: '13', coreValueCode: 'AKUNTABEL' },
      { area: 'a regency', regionCode: '75.01', coreValueCode: null },
      { area: 'a regency, one core value', regionCode: '75.01', coreValueCode: 'ADAPTIF' },
    ])('gives every indicator of $area the total indicatorAggregate without groupBy gives, and the raw rows make', async ({ regionCode, coreValueCode }) => {
      const filter = { regionCode, period, coreValueCode };
      const totals = await totalsOf(filter);
      const { codes, totals: expected } = await expectedTotals(regionCode, coreValueCode);
      expect(totals.map((total) => total.indicator.code)).toEqual(codes);
      expect(codes).toContain('UJI_JUMLAH');
      const aggregates = await data(
        `query ($filter: AggregateFilter) { ${codes.map((code, index) => `i${index}: indicatorAggregate(indicatorCode: "${code}", filter: $filter) { edges { node { value observationCount regionCount } } }`).join(' ')} }`,
        { filter },
      );
      totals.forEach((total, index) => {
        const { value, observationCount, regionCount } = aggregates[`i${index}`].edges[0].node;
        near(total.value, value);
        expect([total.indicator.code, total.observations, total.regions]).toEqual([codes[index], observationCount, regionCount]);
        const raw = expected.get(total.indicator.code)!;
        near(total.value, raw.value);
        expect([total.observations, total.regions]).toEqual([raw.observations, raw.regions]);
      });
      // Every rule took part, and some indicators had no observation (the per-value index outside its core values, say).
      expect(totals.filter((total) => total.value !== null).length).toBeGreaterThan(coreValueCode ? 0 : 8);
      if (coreValueCode) expect(totals.filter((total) => total.value === null).length).toBeGreaterThan(0);
    });

    it('answers indicators without observations with a null value and zero counts', async () => {
      const totals = await totalsOf({ period: { from: '2000-01-01', to: '2000-12-31' } });
      expect(totals.length).toBe((await rows('SELECT 1 FROM indicator')).length);
      expect(totals.every((total) => total.value === null && total.observations === 0 && total.regions === 0)).toBe(true);
    });

    it('keeps the order of the codes asked for', async () => {
      const codes = ['PENGADUAN_TEPAT_WAKTU', 'AGEN_PERUBAHAN', 'INDEKS_BERAKHLAK', 'AGEN_PERUBAHAN'];
      const totals = await totalsOf({ regionCode: '75', period }, codes);
      expect(totals.map((total) => total.indicator.code)).toEqual(codes);
      expect(totals[1]).toEqual(totals[3]);
      expect(await totalsOf({ period }, [])).toEqual([]);
    });

    it.each([
      { name: 'an unknown code', codes: ['INDEKS_BERAKHLAK', 'NOPE'], filter: { period }, argument: 'indicatorCodes[1]', message: /^indicatorCodes\[1\]: no indicator has code NOPE/ },
      { name: 'too many codes', codes: Array.from({ length: 501 }, () => 'INDEKS_BERAKHLAK'), filter: { period }, argument: 'indicatorCodes', message: /^indicatorCodes: takes at most 500 codes/ },
      { name: 'an inverted period', codes: undefined, filter: { period: { from: '2024-01-01', to: '2023-01-01' } }, argument: 'filter.period.to', message: /^filter\.period\.to: 2023-01-01 is before filter\.period\.from 2024-01-01/ },
      { name: 'an unknown region', codes: undefined, filter: { regionCode: '99', period }, argument: 'filter.regionCode', message: /^filter\.regionCode: no region has code 99/ },
      { name: 'an unknown core value', codes: undefined, filter: { period, coreValueCode: 'X' }, argument: 'filter.coreValueCode', message: /^filter\.coreValueCode: no core value has code X/ },
    ])('refuses $name as bad input naming the argument', async ({ codes, filter, argument, message }) => {
      const answer = await api.query(totalsQuery, { filter, codes });
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(answer.errors?.[0]?.message).toMatch(message);
    });

    it('requires a period, as a range open at either end', async () => {
      const answer = await api.query('{ indicatorTotals(filter: { regionCode: "75" }) { value } }');
      expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const open = await totalsOf({ regionCode: '75', period: { from: '2024-01-01' } }, ['AGEN_PERUBAHAN']);
      const aggregate = await data('{ indicatorAggregate(indicatorCode: "AGEN_PERUBAHAN", filter: { regionCode: "75", period: { from: "2024-01-01" } }) { edges { node { value } } } }');
      expect(open[0]!.value).toBe(aggregate.indicatorAggregate.edges[0].node.value);
    });
  });

  it.each([
    { name: 'an unknown indicator', query: '{ indicatorSeries(indicatorCode: "NOPE") { value } }', message: /^indicatorCode: no indicator has code NOPE/ },
    { name: 'an unknown region', query: '{ rollout(parentCode: "99") { totalCount } }', message: /^parentCode: no region has code 99/ },
    { name: 'an unknown program', query: '{ rollout(programCode: "NOPE") { totalCount } }', message: /^programCode: no program has code NOPE/ },
    { name: 'a city as parent', query: '{ rollout(parentCode: "13.77") { totalCount } }', message: /^parentCode: 13\.77 is a city, not a province/ },
    { name: 'an inverted range', query: '{ rollout(period: { from: "2024-01-01", to: "2023-01-01" }) { totalCount } }', message: /^period\.to: 2023-01-01 is before/ },
    { name: 'a period that does not start its quarter', query: '{ reportingCompleteness(period: { type: QUARTER, start: "2025-02-01" }) { expected } }', message: /^period\.start: 2025-02-01 is not the first day of a quarter/ },
    { name: 'an unknown core value', query: '{ indicatorAggregate(indicatorCode: "INDEKS_BERAKHLAK", filter: { coreValueCode: "X" }) { totalCount } }', message: /^filter\.coreValueCode: no core value has code X/ },
  ])('refuses $name as bad input naming the argument', async ({ query, message }) => {
    const answer = await api.query(query);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toMatch(message);
  });
});
