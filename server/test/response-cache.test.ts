import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApi, type TestApi } from './support/api.js';
import { type TestDatabase, testDatabase } from './support/database.js';

const TREND = '{ indicatorSeries(indicatorCode: "AGEN_PERUBAHAN", regionCode: "75", period: { from: "2025-01-01", to: "2025-12-31" }) { periodStart value } }';

/** Answers kept per role and scope until data changes, and never for what is personal. */
describe('response cache', () => {
  let db: TestDatabase;
  let api: TestApi;
  let gorontalo: string;
  const ask = async (query: string, cookie = api.cookie, variables?: Record<string, unknown>) => {
    const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
    return { cache: response.headers.get('x-cache'), body: (await response.json()) as { data?: any; errors?: unknown[] } };
  };

  beforeAll(async () => {
    db = await testDatabase('demo');
    api = await startTestApi(await db.orm(), { responseCache: { maxBytes: 1 << 20, maxAgeMs: 60_000 }, periodLockDays: 100_000 });
    gorontalo = (await signIn(api.url, 'sekda.gorontalo@berakhlak.example')).split(';')[0]!;
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('serves the second identical read from the cache, and keeps each scope apart', async () => {
    const first = await ask(TREND);
    expect(first.cache).toBe('miss');
    expect(await ask(TREND)).toEqual({ cache: 'hit', body: first.body });
    // The secretary of Gorontalo may read it too, but never gets the analyst's kept answer.
    expect((await ask(TREND, gorontalo)).cache).toBe('miss');
    expect((await ask(TREND, gorontalo)).cache).toBe('hit');
    expect((await ask('{ regions(first: 5) { totalCount } }', gorontalo)).body.data.regions.totalCount).toBe(7);
  });

  it('never keeps what is personal, nor refusals', async () => {
    await ask('{ me { user { email } } }');
    expect((await ask('{ me { user { email } } }')).cache).toBeNull();
    const refused = '{ indicatorSeries(indicatorCode: "NO_SUCH", period: { from: "2025-01-01", to: "2025-12-31" }) { value } }';
    await ask(refused);
    expect((await ask(refused)).cache).toBe('miss');
    expect((await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: TREND }) })).headers.get('x-cache')).toBeNull();
  });

  it('forgets everything on a mutation through this server, before answering the next read', async () => {
    const before = (await ask(TREND)).body;
    const admin = (await signIn(api.url, 'admin@berakhlak.example')).split(';')[0]!;
    const current = before.data.indicatorSeries.find((point: { periodStart: string }) => point.periodStart === '2025-01-01')?.value ?? 0;
    const written = await ask('mutation ($input: [ObservationInput!]!) { reportObservations(input: $input) { value } }', admin, {
      input: [{ indicatorCode: 'AGEN_PERUBAHAN', regionCode: '75.71', periodStart: '2025-01-01', value: current + 4 }],
    });
    expect(written.body.errors).toBeUndefined();
    const after = await ask(TREND);
    expect(after.cache).toBe('miss');
    expect(after.body).not.toEqual(before);
  });

  it('forgets everything when another connection writes, through the database’s notice', async () => {
    await ask(TREND);
    expect((await ask(TREND)).cache).toBe('hit');
    await db.sql.query(`UPDATE observation SET value = value + 1 WHERE id = (SELECT o.id FROM observation o JOIN indicator i ON i.id = o.indicator_id
      JOIN region r ON r.id = o.region_id WHERE i.code = 'AGEN_PERUBAHAN' AND r.code = '75.71' AND o.period_start = '2025-01-01')`);
    const started = performance.now();
    let answer = await ask(TREND);
    while (answer.cache === 'hit' && performance.now() - started < 1000) answer = await ask(TREND);
    expect(answer.cache).toBe('miss');
  });
});
