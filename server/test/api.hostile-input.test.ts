import 'reflect-metadata';
import { gzipSync } from 'node:zlib';
import { type OperationDefinitionNode, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_COST, measure } from '../src/http/limits.js';
import { buildApiSchema } from '../src/schema/build.js';
import { signIn, startTestApi, type TestApi } from './support/api.js';
import { type TestDatabase, testDatabase } from './support/database.js';
import { csv, upload } from './support/upload.js';

/** What the fuzz run (fuzz.test.ts) found, each case kept here on its own. */
const cursor = (key: unknown) => Buffer.from(typeof key === 'string' ? key : JSON.stringify(key), 'utf8').toString('base64url');

describe('GraphQL API: hostile input', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    db = await testDatabase('demo');
    api = await startTestApi(await db.orm());
    admin = await signIn(api.url, 'admin@berakhlak.example');
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: admin, ...headers }, body }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }));

  it.each([
    { list: 'regions', after: cursor('\u0000') },
    { list: 'programs', after: 'A'.repeat(2000) },
    { list: 'regionMilestones', after: cursor(['a\u0000b', 1]) },
    { list: 'events', after: cursor(['x', 1]) },
    { list: 'events', after: cursor(['2024-01-01T00:00:00.000Z', 'x']) },
    { list: 'events', after: cursor(['2024-01-01T00:00:00.000Z', 99999999999]) },
    { list: 'observations', after: cursor(['2024-02-30', '1']) },
    { list: 'observations', after: cursor([1, 'x']) },
    { list: 'indicators', after: cursor([2]) },
    { list: 'milestones', after: cursor([1e400]) },
    { list: 'apiTokens', after: cursor(['x']) },
    { list: 'auditLog', after: cursor('9'.repeat(30)) },
    { list: 'rollout', after: cursor([-5]) },
    { list: 'rollout', after: cursor([1.5]) },
    { list: 'indicatorAggregate(indicatorCode: "INDEKS_BERAKHLAK")', after: cursor(['x']) },
  ])('refuses a forged cursor of $list, $after, as not a cursor of the list', async ({ list, after }) => {
    const field = list.includes('(') ? list.replace(')', ', after: $after)') : `${list}(after: $after)`;
    const { status, body } = await post(JSON.stringify({ query: `query ($after: String) { ${field} { totalCount } }`, variables: { after } }));
    expect(status).toBe(200);
    expect(body.errors[0]).toMatchObject({ message: 'after: is not a cursor of this list', extensions: { code: 'BAD_USER_INPUT', argument: 'after' } });
  });

  it.each([
    { list: 'events', node: 'id' },
    { list: 'observations', node: 'id' },
    { list: 'rollout', node: 'region { code }' },
    { list: 'regionMilestones', node: 'region { code } milestone { code }' },
    { list: 'apiTokens', node: 'id' },
    { list: 'auditLog', node: 'id' },
  ])('still takes the cursors $list hands out', async ({ list, node }) => {
    const page = (first: number, after: string | null) => post(JSON.stringify({ query: `query ($after: String) { ${list}(first: ${first}, after: $after) { edges { cursor node { ${node} } } } }`, variables: { after } }));
    const whole = (await page(4, null)).body.data[list].edges;
    const second = await page(2, whole[1]?.cursor ?? null);
    expect(second.body.errors).toBeUndefined();
    expect(second.body.data[list].edges.map((edge: { node: unknown }) => edge.node)).toEqual(whole.slice(2).map((edge: { node: unknown }) => edge.node));
  });

  it.each([
    { name: 'a NUL in a variable', query: 'query ($s: String) { regions(search: $s) { totalCount } }', variables: { s: 'a\u0000b' }, argument: '$s' },
    { name: 'a NUL in a literal', query: '{ region(code: "\\u0000") { code } }', variables: {}, argument: 'code' },
    { name: 'a lone surrogate in an input', query: 'mutation ($input: ApiTokenInput!) { createApiToken(input: $input) { token } }', variables: { input: { name: 'a\uD83D' } }, argument: '$input.name' },
    { name: 'a NUL in a filter literal', query: '{ events(filter: { regionCode: "7\\u00005" }) { totalCount } }', variables: {}, argument: 'filter.regionCode' },
  ])('refuses $name before anything runs, naming it', async ({ query, variables, argument }) => {
    const { status, body } = await post(JSON.stringify({ query, variables }));
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument, problems: [{ argument, reason: expect.stringMatching(/NUL|surrogate/) }] });
    expect(api.logged).toEqual([]);
  });

  it.each(['apiTokens', 'auditLog'])('refuses a userId of %s that is no id', async (list) => {
    const { body } = await post(JSON.stringify({ query: `{ ${list}(userId: "\${7*7}") { totalCount } }` }));
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'userId' } });
  });

  it('takes dates from 1900 to 2199 and refuses the others, whose arithmetic broke', async () => {
    const status = (asOf: string) => post(JSON.stringify({ query: 'query ($asOf: LocalDate) { reportingStatus(regionCode: "75", asOf: $asOf) { asOf items { locksOn } } }', variables: { asOf } }));
    expect((await status('2199-12-31')).body.data.reportingStatus.asOf).toBe('2199-12-31');
    expect((await status('1900-01-01')).body.data.reportingStatus.asOf).toBe('1900-01-01');
    for (const day of ['0001-01-01', '9999-12-31', '0000-01-01']) {
      const refused = await status(day);
      expect(refused.status, day).toBe(400);
      expect(refused.body.errors[0].message).toContain(`${day} is not from 1900-01-01 to 2199-12-31`);
    }
    const literal = await post(JSON.stringify({ query: '{ eventTrends(period: { from: "0001-01-01", to: "9999-12-31" }) { events } }' }));
    expect(literal.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a coverage series of more than 120 periods, which took a minute', async () => {
    const series = (periodType: string, from: string, to: string) =>
      post(JSON.stringify({ query: `{ coverageSeries(period: { from: "${from}", to: "${to}" }, periodType: ${periodType}) { periodStart } }` }));
    expect((await series('MONTH', '2015-01-01', '2024-12-31')).body.data.coverageSeries).toHaveLength(120);
    expect((await series('MONTH', '2015-01-01', '2025-01-01')).body.errors[0]).toMatchObject({
      message: 'period: spans 121 periods of type MONTH, more than the 120 a series takes; choose a shorter period or a longer periodType',
      extensions: { code: 'BAD_USER_INPUT', argument: 'period' },
    });
    expect((await series('YEAR', '1900-01-01', '2019-12-31')).body.data.coverageSeries).toHaveLength(120);
  });

  it.each<{ name: string; body: string | Buffer; headers: Record<string, string>; status: number }>([
    { name: 'a subscription', body: '{"query":"subscription { me { canReport } }"}', headers: {}, status: 400 },
    { name: 'a persisted query of version 2', body: '{"extensions":{"persistedQuery":{"version":2,"sha256Hash":"ab"}}}', headers: {}, status: 400 },
    { name: 'a persisted query whose hash is not the query\'s', body: '{"query":"{ me { canReport } }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"00"}}}', headers: {}, status: 400 },
    { name: 'a body in Latin-1', body: Buffer.from('{"query":"{ me { canReport } }"}', 'latin1'), headers: { 'content-type': 'application/json; charset=iso-8859-1' }, status: 415 },
    { name: 'an unknown content encoding', body: '{"query":"{ me { canReport } }"}', headers: { 'content-encoding': 'bogus' }, status: 415 },
    { name: 'gzip declared, plain body', body: '{"query":"{ me { canReport } }"}', headers: { 'content-encoding': 'gzip' }, status: 400 },
  ])('answers $name with BAD_REQUEST, not an internal error', async ({ body, headers, status }) => {
    const answer = await post(body, headers);
    expect(answer.status).toBe(status);
    expect(answer.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(api.logged).toEqual([]);
  });

  it('still reads a gzipped body', async () => {
    const answer = await post(gzipSync('{"query":"{ me { canReport } }"}'), { 'content-encoding': 'gzip' });
    expect(answer.body).toEqual({ data: { me: { canReport: true } } });
  });

  it.each(['berakhlak_session=%FF%FE', 'berakhlak_session=%', 'berakhlak_session=%E0%A4%A'])('takes a session cookie that does not decode, %s, as no session', async (cookie) => {
    expect(await post('{"query":"{ me { canReport } }"}', { cookie })).toEqual({ status: 200, body: { data: { me: null } } });
  });

  describe('cost of aliases and fragments', () => {
    const price = async (query: string) => {
      const document = parse(query);
      return measure(await buildApiSchema(), document, document.definitions[0] as OperationDefinitionNode);
    };
    const doubling = (levels: number, leaf: string) =>
      `{ regions(first: 1) { edges { node { ...F0 } } } }\n${Array.from({ length: levels }, (_, index) => `fragment F${index} on Region { ...F${index + 1} ...F${index + 1} }`).join('\n')}\nfragment F${levels} on Region { ${leaf} }`;

    it('counts a fragment spread twice into one selection once, as it runs, in time linear in the document', async () => {
      const started = performance.now();
      expect(await price(doubling(40, 'code'))).toEqual({ cost: 4, depth: 4, complete: true });
      expect(performance.now() - started).toBeLessThan(2_000);
    });

    it('stops counting, and refuses, a document whose aliases double past the limit', async () => {
      const aliased = `{ region(code: "75.71") { ...G0 } }\n${Array.from({ length: 30 }, (_, index) => `fragment G${index} on Region { a: parent { ...G${index + 1} } b: parent { ...G${index + 1} } }`).join('\n')}\nfragment G30 on Region { code }`;
      expect((await price(aliased)).complete).toBe(false);
      const { status, body } = await post(JSON.stringify({ query: aliased }));
      expect(status).toBe(400);
      expect(body.errors[0]).toEqual({ message: `Query cost exceeds the limit of ${MAX_COST}: it has more than 100,000 fields and fragment spreads to count`, extensions: { code: 'COST_LIMIT_EXCEEDED', limit: MAX_COST } });
    });

    it('prices aggregates so that aliases cannot repeat one for minutes', async () => {
      const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: rollout { totalCount }`).join(' ')} }`;
      expect((await price(aliases(66))).cost).toBeLessThanOrEqual(MAX_COST);
      expect((await price(aliases(67))).cost).toBeGreaterThan(MAX_COST);
    });
  });
});

describe('import endpoint: hostile files', () => {
  let db: TestDatabase;
  let api: TestApi;
  let secretary: string;
  const HEADER = 'event_code,session_number,region_code,participants';

  beforeAll(async () => {
    db = await testDatabase('demo');
    api = await startTestApi(await db.orm());
    secretary = await signIn(api.url, 'sekda.gorontalo@berakhlak.example');
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  it('refuses a quote inside an unquoted cell as unreadable, where it used to hang without an answer', async () => {
    const answer = await upload(api.url, 'attendance', csv(HEADER, 'ab"c,1,75.71,3'), { dryRun: true, headers: { cookie: secretary } });
    expect(answer).toMatchObject({ status: 400, error: { code: 'UNREADABLE_FILE' } });
  });

  it.each([
    { format: 'csv' as const, body: csv(HEADER, 'KEG-1,1,75.71,3', 'KEG-\u00001,1,75.71,3'), reason: 'holds the NUL character (U+0000), which text cannot hold' },
    { format: 'json' as const, body: JSON.stringify([{ event_code: 'KEG-1', session_number: 1, region_code: '75.71', participants: 3 }, { event_code: 'KEG-\uD800', session_number: 1, region_code: '75.71', participants: 3 }]), reason: 'holds half of a UTF-16 surrogate pair, which is not text' },
  ])('makes a $format cell PostgreSQL cannot hold a problem of its row, where it used to hang the COPY', async ({ format, body, reason }) => {
    const answer = await upload(api.url, 'attendance', body, { format, dryRun: true, headers: { cookie: secretary } });
    expect(answer.status).toBe(422);
    expect(answer.result!.problems).toContainEqual({ row: format === 'csv' ? 3 : 2, column: 'event_code', reason });
  });

  it('answers a path that does not decode, and a method other than POST, with JSON refusals', async () => {
    const undecodable = await fetch(`${api.url}/import/%FF`, { method: 'POST', headers: { 'content-type': 'text/csv', cookie: secretary }, body: 'x' });
    expect(undecodable.status).toBe(400);
    expect(await undecodable.json()).toEqual({ error: { code: 'BAD_REQUEST', message: "Failed to decode param '%FF'" } });
    const get = await fetch(`${api.url}/import/attendance`);
    expect(get.status).toBe(404);
    expect(await get.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
