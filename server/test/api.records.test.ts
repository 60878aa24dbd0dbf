import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './support/api.js';
import { type TestDatabase, testDatabase } from './support/database.js';

const eventsQuery = `query Events($filter: EventFilter, $first: Int, $after: String) {
  events(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id startsAt hostRegion { code } } }
  }
}`;

interface EventsAnswer {
  events: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; startsAt: string; hostRegion: { code: string } | null } }[] };
}

describe('GraphQL API: records', () => {
  let db: TestDatabase;
  let api: TestApi;
  const count = async (text: string, values: unknown[] = []) => Number((await db.sql.query(text, values)).rows[0].count);

  beforeAll(async () => {
    db = await testDatabase('demo');
    api = await startTestApi(await db.orm());
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  it.each([
    { name: 'program', filter: { programCode: 'GIM' }, where: "program_id = (SELECT id FROM program WHERE code = 'GIM')" },
    { name: 'kinds', filter: { kinds: ['WORKSHOP', 'EVALUATION'] }, where: "kind IN ('WORKSHOP', 'EVALUATION')" },
    { name: 'modes', filter: { modes: ['HYBRID'] }, where: "mode = 'HYBRID'" },
    { name: 'statuses', filter: { statuses: ['CANCELLED'] }, where: "status = 'CANCELLED'" },
    { name: 'period', filter: { period: { from: '2022-03-01', to: '2022-03-31' } }, where: "starts_at >= '2022-03-01' AND starts_at < '2022-04-01'" },
    { name: 'text', filter: { search: 'evaluasi' }, where: "(title ILIKE '%evaluasi%' OR organiser ILIKE '%evaluasi%' OR venue ILIKE '%evaluasi%')" },
    { name: 'national', filter: { national: true }, where: 'host_region_id IS NULL' },
    {
      name: 'region with its regencies and cities',
      filter: { regionCode: '75' },
      where: "host_region_id IN (SELECT id FROM region WHERE code = '75' OR parent_id = (SELECT id FROM region WHERE code = '75'))",
    },
    { name: 'one city', filter: { regionCode: '13.77', kinds: ['WORKSHOP'] }, where: "host_region_id = (SELECT id FROM region WHERE code = '13.77') AND kind = 'WORKSHOP'" },
    {
      name: 'attending city, wherever hosted',
      filter: { participatingRegionCode: '13.77' },
      where: "id IN (SELECT s.event_id FROM session s JOIN attendance a ON a.session_id = s.id WHERE a.region_id = (SELECT id FROM region WHERE code = '13.77'))",
    },
    {
      name: 'attending province area, national events only',
      filter: { participatingRegionCode: '13', national: true },
      where: `host_region_id IS NULL AND id IN (SELECT s.event_id FROM session s JOIN attendance a ON a.session_id = s.id
              WHERE a.region_id IN (SELECT id FROM region WHERE code = '13' OR parent_id = (SELECT id FROM region WHERE code = '13')))`,
    },
    {
      name: 'attending one city and hosted in its province',
      filter: { participatingRegionCode: '13.77', regionCode: '13' },
      where: `host_region_id IN (SELECT id FROM region WHERE code = '13' OR parent_id = (SELECT id FROM region WHERE code = '13'))
              AND id IN (SELECT s.event_id FROM session s JOIN attendance a ON a.session_id = s.id WHERE a.region_id = (SELECT id FROM region WHERE code = '13.77'))`,
    },
  ])('filters events by $name like plain SQL does', async ({ filter, where }) => {
    const answer = await api.query<EventsAnswer>(eventsQuery, { filter, first: 5 });
    expect(answer.errors).toBeUndefined();
    const expected = await count(`SELECT count(*) FROM event WHERE ${where}`);
    expect(expected).toBeGreaterThan(0);
    expect(answer.data!.events.totalCount).toBe(expected);
  });

  it('walks every event of a province page by page, latest first, without duplicates or gaps', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const answer: { data?: EventsAnswer } = await api.query<EventsAnswer>(eventsQuery, { filter: { regionCode: '35' }, first: 37, after });
      ids.push(...answer.data!.events.edges.map((edge) => edge.node.id));
      if (!answer.data!.events.pageInfo.hasNextPage) break;
      after = answer.data!.events.pageInfo.endCursor;
    }
    const { rows } = await db.sql.query(
      `SELECT e.id::text AS id FROM event e WHERE e.host_region_id IN (SELECT id FROM region WHERE code = '35' OR parent_id = (SELECT id FROM region WHERE code = '35'))
       ORDER BY e.starts_at DESC, e.id DESC`,
    );
    expect(ids).toEqual(rows.map((row) => row.id));
  });

  it('walks the events a city attended page by page, the same rows as SQL, among them events hosted elsewhere', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const answer: { data?: EventsAnswer } = await api.query<EventsAnswer>(eventsQuery, { filter: { participatingRegionCode: '13.77' }, first: 7, after });
      ids.push(...answer.data!.events.edges.map((edge) => edge.node.id));
      if (!answer.data!.events.pageInfo.hasNextPage) break;
      after = answer.data!.events.pageInfo.endCursor;
    }
    const { rows } = await db.sql.query(
      `SELECT e.id::text AS id, e.host_region_id IS DISTINCT FROM (SELECT id FROM region WHERE code = '13.77') AS elsewhere FROM event e
       WHERE EXISTS (SELECT 1 FROM session s JOIN attendance a ON a.session_id = s.id WHERE s.event_id = e.id AND a.region_id = (SELECT id FROM region WHERE code = '13.77'))
       ORDER BY e.starts_at DESC, e.id DESC`,
    );
    expect(ids).toEqual(rows.map((row) => row.id));
    expect(rows.filter((row) => row.elsewhere).length).toBeGreaterThan(0);
  });

  it('answers an event with its program, host, values, sessions, speakers and attendance', async () => {
    const { rows } = await db.sql.query("SELECT id FROM event WHERE title = 'Workshop Penguatan Budaya Kerja BerAKHLAK' AND id <= 4");
    const answer = await api.query<{ event: any }>(
      `query($id: ID!) { event(id: $id) { title mode program { code } hostRegion { code } coreValues { code } participantCount regionCount
         sessions { topic speakers { position name role } attendance(first: 3) { totalCount edges { node { participants region { code } } } pageInfo { hasNextPage } } } } }`,
      { id: String(rows[0].id) },
    );
    const event = answer.data!.event;
    const byCode = await api.query<{ event: { id: string; title: string } }>('query($code: String!) { event(code: $code) { id title } }', { code: `KEG-${String(rows[0].id).padStart(6, '0')}` });
    expect(byCode.data!.event).toEqual({ id: String(rows[0].id), title: 'Workshop Penguatan Budaya Kerja BerAKHLAK' });
    expect(event).toMatchObject({ mode: 'ONLINE', program: { code: 'BERAKHLAK' }, hostRegion: { code: '75' }, regionCount: 7 });
    expect(event.coreValues).toHaveLength(7);
    const session = event.sessions[0];
    expect(session.speakers.map((speaker: { role: string }) => speaker.role)).toEqual(['Sekretaris Jenderal Kemendagri', 'Founder ESQ Leadership Center']);
    expect(session.attendance.totalCount).toBe(7);
    expect(session.attendance.edges.map((edge: any) => edge.node.region.code)).toEqual(['75', '75.01', '75.02']);
    const total = await db.sql.query('SELECT sum(a.participants)::int AS n FROM attendance a JOIN session s ON s.id = a.session_id WHERE s.event_id = $1', [rows[0].id]);
    expect(event.participantCount).toBe(total.rows[0].n);
  });

  it('pages through the hundreds of regions attending a national video conference', async () => {
    const { rows } = await db.sql.query('SELECT session_id, count(*)::int AS n FROM attendance GROUP BY session_id ORDER BY n DESC, session_id LIMIT 1');
    const { session_id: sessionId, n } = rows[0];
    const event = await db.sql.query('SELECT event_id FROM session WHERE id = $1', [sessionId]);
    const codes: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const answer: { data?: any } = await api.query(
        `query($id: ID!, $after: String) { event(id: $id) { sessions { id attendance(first: 100, after: $after) { totalCount edges { node { region { code } } } pageInfo { hasNextPage endCursor } } } } }`,
        { id: String(event.rows[0].event_id), after },
      );
      const session = answer.data!.event.sessions.find((candidate: { id: string }) => candidate.id === String(sessionId));
      expect(session.attendance.totalCount).toBe(n);
      codes.push(...session.attendance.edges.map((edge: any) => edge.node.region.code));
      if (!session.attendance.pageInfo.hasNextPage) break;
      after = session.attendance.pageInfo.endCursor;
    }
    expect(codes).toHaveLength(n);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(n);
  });

  it.each([
    { name: 'indicator', filter: { indicatorCode: 'PENGADUAN_TEPAT_WAKTU' }, where: "indicator_id = (SELECT id FROM indicator WHERE code = 'PENGADUAN_TEPAT_WAKTU')" },
    {
      name: 'region with descendants and period',
      filter: { regionCode: '13', period: { from: '2024-01-01', to: '2024-12-31' } },
      where: "region_id IN (SELECT id FROM region WHERE code = '13' OR parent_id = (SELECT id FROM region WHERE code = '13')) AND period_start BETWEEN '2024-01-01' AND '2024-12-31'",
    },
    { name: 'core value', filter: { indicatorCode: 'INDEKS_BERAKHLAK', coreValueCode: 'ADAPTIF' }, where: "core_value_id = (SELECT id FROM core_value WHERE code = 'ADAPTIF')" },
  ])('filters observations by $name like plain SQL does', async ({ filter, where }) => {
    const answer = await api.query<{ observations: { totalCount: number } }>('query($filter: ObservationFilter) { observations(filter: $filter, first: 1) { totalCount } }', { filter });
    expect(answer.errors).toBeUndefined();
    const expected = await count(`SELECT count(*) FROM observation WHERE ${where}`);
    expect(expected).toBeGreaterThan(0);
    expect(answer.data!.observations.totalCount).toBe(expected);
  });

  it('walks the observations of a city without duplicates or gaps', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const answer: { data?: any } = await api.query(
        'query($after: String) { observations(filter: { regionCode: "13.77" }, first: 40, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      ids.push(...answer.data!.observations.edges.map((edge: any) => edge.node.id));
      if (!answer.data!.observations.pageInfo.hasNextPage) break;
      after = answer.data!.observations.pageInfo.endCursor;
    }
    const { rows } = await db.sql.query("SELECT o.id::text AS id FROM observation o WHERE o.region_id = (SELECT id FROM region WHERE code = '13.77') ORDER BY o.period_start, o.id");
    expect(ids).toEqual(rows.map((row) => row.id));
  });

  it('answers indicators with their targets, and regions with ancestors, descendants, milestones and stage', async () => {
    const answer = await api.query<any>(`{
      indicators(first: 200) { totalCount edges { node { code nationalTarget targetFor(regionCode: "13.77") } } }
      province: region(code: "75") { ancestors { code } all: descendantCount cities: descendantCount(level: CITY) }
      city: region(code: "13.77") { ancestors { code } descendantCount milestones { milestone { position } reachedOn } stage { milestone { position } reachedOn } }
      milestones { totalCount edges { node { code position } } }
      regionMilestones(regionCode: "75", first: 100) { totalCount }
    }`);
    expect(answer.errors).toBeUndefined();
    const data = answer.data!;
    expect(data.indicators.totalCount).toBe(await count('SELECT count(*) FROM indicator'));
    expect(data.indicators.edges.find((edge: any) => edge.node.code === 'PENGADUAN_TEPAT_WAKTU').node).toMatchObject({ nationalTarget: 90, targetFor: 90 });
    expect(data.province).toEqual({ ancestors: [], all: 6, cities: 1 });
    expect(data.city.ancestors).toEqual([{ code: '13' }]);
    expect(data.city.descendantCount).toBe(0);
    const reached = await db.sql.query(
      `SELECT m.position, to_char(rm.reached_on, 'YYYY-MM-DD') AS day FROM region_milestone rm JOIN milestone m ON m.id = rm.milestone_id
       WHERE rm.region_id = (SELECT id FROM region WHERE code = '13.77') ORDER BY m.position`,
    );
    expect(data.city.milestones.map((row: any) => [row.milestone.position, row.reachedOn])).toEqual(reached.rows.map((row) => [row.position, row.day]));
    const last = reached.rows.at(-1);
    expect(data.city.stage).toEqual(last ? { milestone: { position: last.position }, reachedOn: last.day } : null);
    expect(data.milestones.totalCount).toBe(5);
    expect(data.regionMilestones.totalCount).toBe(
      await count("SELECT count(*) FROM region_milestone WHERE region_id IN (SELECT id FROM region WHERE code = '75' OR parent_id = (SELECT id FROM region WHERE code = '75'))"),
    );
  });

  it('counts a stage only for milestones reached in order', async () => {
    const region = await db.sql.query("SELECT id FROM region WHERE code = '75.03'");
    await db.sql.query('DELETE FROM region_milestone WHERE region_id = $1', [region.rows[0].id]);
    await db.sql.query(
      `INSERT INTO region_milestone (region_id, milestone_id, reached_on)
       SELECT $1, id, DATE '2023-01-01' + position FROM milestone WHERE position IN (1, 2, 4)`,
      [region.rows[0].id],
    );
    const answer = await api.query<any>('{ region(code: "75.03") { stage { milestone { position } reachedOn } } }');
    expect(answer.data!.region.stage).toEqual({ milestone: { position: 2 }, reachedOn: '2023-01-03' });
  });

  it.each([
    { name: 'an unknown region in a filter', query: '{ events(filter: { regionCode: "99.99" }) { totalCount } }', code: 'BAD_USER_INPUT', message: /^filter\.regionCode: no region has code 99\.99/ },
    {
      name: 'an unknown attending region', query: '{ events(filter: { participatingRegionCode: "99.99" }) { totalCount } }', code: 'BAD_USER_INPUT',
      message: /^filter\.participatingRegionCode: no region has code 99\.99/,
    },
    { name: 'an inverted date range', query: '{ events(filter: { period: { from: "2023-02-01", to: "2023-01-01" } }) { totalCount } }', code: 'BAD_USER_INPUT', message: /^filter\.period\.to: 2023-01-01 is before/ },
    { name: 'an unknown indicator in a filter', query: '{ observations(filter: { indicatorCode: "NOPE" }) { totalCount } }', code: 'BAD_USER_INPUT', message: /^filter\.indicatorCode: no indicator has code NOPE/ },
    { name: 'an unknown indicator', query: '{ indicator(code: "NOPE") { name } }', code: 'NOT_FOUND', message: /indicator NOPE not found/ },
    { name: 'an unknown event', query: '{ event(id: "999999") { title } }', code: 'NOT_FOUND', message: /event 999999 not found/ },
    { name: 'an unknown event code', query: '{ event(code: "TIDAK-ADA") { title } }', code: 'NOT_FOUND', message: /event TIDAK-ADA not found/ },
    { name: 'an event asked for by neither id nor code', query: '{ event { title } }', code: 'BAD_USER_INPUT', message: /^id: give either id or code/ },
    { name: 'an event asked for by both id and code', query: '{ event(id: "1", code: "KEG-000001") { title } }', code: 'BAD_USER_INPUT', message: /^code: give either id or code/ },
    { name: 'a foreign cursor', query: '{ events(after: "bm9wZQ") { totalCount } }', code: 'BAD_USER_INPUT', message: /^after: is not a cursor of this list/ },
    { name: 'a page size over the maximum', query: '{ observations(first: 201) { totalCount } }', code: 'BAD_USER_INPUT', message: /^first: first must not be greater than 200/ },
    { name: 'an invalid date', query: '{ events(filter: { period: { from: "2023-13-45" } }) { totalCount } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /2023-13-45/ },
  ])('refuses $name with a documented error code', async ({ query, code, message }) => {
    const answer = await api.query(query);
    expect(answer.errors?.[0]?.extensions?.code).toBe(code);
    expect(answer.errors?.[0]?.message).toMatch(message);
  });
});
