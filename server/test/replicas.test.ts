import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Started, startApi } from '../src/bench/processes.js';
import { signIn } from './support/api.js';
import { type TestDatabase, testDatabase } from './support/database.js';

type Replica = Started;

/** The built server, as a load balancer's replica would run it: its own process, the shared database. */
const startReplica = (databaseUrl: string) => startApi(databaseUrl, { DEMO_DATA: 'demo', PERIOD_LOCK_DAYS: '100000' });

const FIGURES = `{
  rollout(first: 100, period: { from: "2025-01-01", to: "2025-12-31" }, indicatorCode: "INDEKS_BERAKHLAK") { edges { node { region { code } coverage { reached } events indicatorValue rank } } }
  eventTrends(periodType: QUARTER) { periodStart events sessions participants }
  pariaman: indicatorSeries(indicatorCode: "AGEN_PERUBAHAN", regionCode: "13.77", period: { from: "2025-01-01", to: "2025-03-31" }) { periodStart value }
}`;
const REPORT = 'mutation ($input: [ObservationInput!]!) { reportObservations(input: $input) { value } }';

describe('two server processes on one database', () => {
  let db: TestDatabase;
  let first: Replica;
  let second: Replica;
  let cookie: string;
  const ask = async (replica: Replica, query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(`${replica.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
    return { cache: response.headers.get('x-cache'), body: (await response.json()) as { data?: any; errors?: unknown[] } };
  };

  beforeAll(async () => {
    db = await testDatabase('demo');
    [first, second] = await Promise.all([startReplica(db.url), startReplica(db.url)]);
    // Signed in through one, the session serves through the other: no server keeps it.
    cookie = (await signIn(first.url, 'admin@berakhlak.example')).split(';')[0]!;
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await db?.drop();
  });

  it('give the same answers, the second from its own cache', async () => {
    const [a, b] = await Promise.all([ask(first, FIGURES), ask(second, FIGURES)]);
    expect(a.body.errors).toBeUndefined();
    expect(b.body).toEqual(a.body);
    expect(a.body.data.rollout.edges).toHaveLength(38);
    expect((await ask(second, FIGURES)).cache).toBe('hit');
  });

  it('show a write through one in the other’s figures within a second, its cache cleared by the database’s notice', async () => {
    const before = await ask(second, FIGURES);
    expect((await ask(second, FIGURES)).cache).toBe('hit');
    const value = (before.body.data.pariaman[0]?.value ?? 0) + 3;
    const written = await ask(first, REPORT, { input: [{ indicatorCode: 'AGEN_PERUBAHAN', regionCode: '13.77', periodStart: '2025-01-01', value }] });
    expect(written.body.errors).toBeUndefined();
    const started = performance.now();
    let after = await ask(second, FIGURES);
    while (after.body.data.pariaman[0]?.value !== value && performance.now() - started < 1000) after = await ask(second, FIGURES);
    expect(after.body.data.pariaman).toEqual([{ periodStart: '2025-01-01', value }]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect((await ask(first, FIGURES)).body).toEqual(after.body);
  });

  it('agree after an attendance row written straight into the database', async () => {
    await ask(first, FIGURES);
    await ask(second, FIGURES);
    await db.sql.query(`UPDATE attendance SET participants = participants + 5 WHERE (session_id, region_id) =
      (SELECT a.session_id, a.region_id FROM attendance a JOIN session s ON s.id = a.session_id JOIN event e ON e.id = s.event_id
       WHERE e.status = 'HELD' AND s.starts_at >= '2025-01-01' ORDER BY a.session_id, a.region_id LIMIT 1)`);
    const expected = Number((await db.sql.query(`SELECT sum(a.participants) AS total FROM attendance a JOIN session s ON s.id = a.session_id
      JOIN event e ON e.id = s.event_id WHERE e.status <> 'CANCELLED'`)).rows[0].total);
    for (const replica of [first, second]) {
      const started = performance.now();
      let total = 0;
      while (total !== expected && performance.now() - started < 1000) {
        total = (await ask(replica, FIGURES)).body.data.eventTrends.reduce((sum: number, point: { participants: number }) => sum + point.participants, 0);
      }
      expect(total).toBe(expected);
    }
  });
});
