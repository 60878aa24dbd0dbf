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

  it('sends a kept answer byte for byte as Apollo wrote it, with the same headers, in either media type', async () => {
    const headersOf = (response: Response) => Object.fromEntries([...response.headers].filter(([name]) => !['date', 'x-request-id', 'x-cache', 'content-length'].includes(name)));
    // A plain client gets JSON; the dashboard prefers the GraphQL media type.
    for (const [index, accept] of [undefined, 'application/graphql-response+json, application/json'].entries()) {
      const send = () => fetch(`${api.url}/graphql`, {
        // Named, as the dashboard names its operations, without an operationName beside it.
        method: 'POST', headers: { 'content-type': 'application/json', cookie: api.cookie, ...(accept ? { accept } : {}) }, body: JSON.stringify({ query: `query Trend ${TREND}`, variables: { unused: index } }),
      });
      const computed = await send();
      const kept = await send();
      expect([computed.headers.get('x-cache'), kept.headers.get('x-cache')]).toEqual(['miss', 'hit']);
      expect(await kept.text()).toBe(await computed.text());
      expect(headersOf(kept)).toEqual(headersOf(computed));
      expect(kept.headers.get('content-type')).toBe(accept ? 'application/graphql-response+json; charset=utf-8' : 'application/json; charset=utf-8');
    }
  });

  it('keeps a caller’s own answer for that caller only, and never what lists accounts, nor refusals', async () => {
    const ME = '{ me { user { email } scopeRegion { code } } }';
    expect((await ask(ME)).cache).toBe('miss');
    expect(await ask(ME)).toEqual({ cache: 'hit', body: { data: { me: { user: { email: 'analis@berakhlak.example' }, scopeRegion: null } } } });
    // A second analyst shares the analyst's figures, never its `me`.
    await db.sql.query(`INSERT INTO app_user (email, name, role, region_id, password_hash)
      SELECT 'analis2@berakhlak.example', 'Analis Dua', role, region_id, password_hash FROM app_user WHERE email = 'analis@berakhlak.example'`);
    const colleague = (await signIn(api.url, 'analis2@berakhlak.example')).split(';')[0]!;
    await ask(TREND);
    expect((await ask(TREND, colleague)).cache).toBe('hit');
    expect(await ask(ME, colleague)).toEqual({ cache: 'miss', body: { data: { me: { user: { email: 'analis2@berakhlak.example' }, scopeRegion: null } } } });
    expect((await ask(ME, colleague)).cache).toBe('hit');
    await ask('{ users(first: 5) { totalCount } }', colleague);
    expect((await ask('{ users(first: 5) { totalCount } }', colleague)).cache).toBeNull();
    const refused = '{ indicatorSeries(indicatorCode: "NO_SUCH", period: { from: "2025-01-01", to: "2025-12-31" }) { value } }';
    await ask(refused);
    expect((await ask(refused)).cache).toBe('miss');
    expect((await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: TREND }) })).headers.get('x-cache')).toBeNull();
  });

  it('forgets a caller’s own answer when their account changes, and not when a statement changed no account', async () => {
    const ME = '{ me { user { name } } }';
    await ask(TREND);
    await ask(ME);
    // What every sign-in does: sweep the user's expired sessions, usually none.
    await db.sql.query("DELETE FROM auth_session WHERE expires_at < '2000-01-01'");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await ask(TREND)).cache).toBe('hit');
    await db.sql.query("UPDATE app_user SET name = 'Analis Berganti Nama' WHERE email = 'analis@berakhlak.example'");
    const started = performance.now();
    let answer = await ask(ME);
    while (answer.cache === 'hit' && performance.now() - started < 1000) answer = await ask(ME);
    expect(answer.body.data.me.user.name).toBe('Analis Berganti Nama');
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
