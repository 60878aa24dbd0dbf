import { createHash } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { type OperationDefinitionNode, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ormOptions } from '../src/database/orm.js';
import { MAX_COST, MAX_DEPTH, measure } from '../src/http/limits.js';
import { buildApiSchema } from '../src/schema/build.js';
import { startTestApi, type TestApi } from './support/api.js';
import { type TestDatabase, testDatabase } from './support/database.js';

const eventPage = (first: number) => `{
  events(first: ${first}, filter: { period: { from: "2022-01-01", to: "2022-12-31" } }) {
    totalCount
    edges { node {
      title program { code } hostRegion { code name parent { code } } coreValues { code } participantCount regionCount
      sessions { topic speakers { name role } attendance(first: 5) { totalCount edges { node { participants region { code parent { code } } } } } }
    } }
  }
}`;

describe('GraphQL API: limits and batching', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let api: TestApi;
  const statements: string[] = [];

  beforeAll(async () => {
    db = await testDatabase('demo');
    orm = await MikroORM.init(ormOptions(db.url, { debug: ['query'], logger: (message) => statements.push(message) }));
    api = await startTestApi(orm);
  });
  afterAll(async () => {
    await api.close();
    await orm.close();
    await db.drop();
  });

  async function statementsFor(query: string): Promise<number> {
    statements.length = 0;
    const answer = await api.query(query);
    expect(answer.errors).toBeUndefined();
    return queries().length;
  }

  /** Statements other than the session lookup every signed-in request makes. */
  function queries(): string[] {
    return statements.filter((line) => line.includes('[query]') && !line.includes('auth_session'));
  }

  it('answers a page of events with sessions, attendance and regions in a fixed number of statements, whatever its size', async () => {
    // One statement per list and loader, plus up to three waves of regions (hosts, their provinces,
    // attending regions); a small page may find some regions already loaded and skip a wave.
    const bound = 13;
    const counts = [];
    for (const size of [1, 10, 50, 100]) counts.push(await statementsFor(eventPage(size)));
    expect(Math.max(...counts)).toBeLessThanOrEqual(bound);
    expect(counts.at(-1)).toBe(bound);
  });

  it.each([
    { name: 'national overview', query: '{ regions(level: PROVINCE, first: 100) { totalCount edges { node { code name headcount regencies: children(level: REGENCY) { totalCount } cities: children(level: CITY) { totalCount } } } } }' },
    { name: 'province page', query: '{ rollout(parentCode: "75", indicatorCode: "INDEKS_BERAKHLAK") { edges { node { region { code name } stage { milestone { code } reachedOn } coverage { ratio } indicatorValue target rank } } } stageDistribution(parentCode: "75") { regionCount } }' },
    { name: 'a page of 50 events with details', query: eventPage(50) },
    { name: 'GraphiQL schema introspection', query: '{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name ofType { name ofType { name } } } } } } } } } }' },
  ])('lets the $name query through', async ({ query }) => {
    const answer = await api.query(query);
    expect(answer.errors).toBeUndefined();
  });

  it('prices the dashboard overview and a detailed page of events as docs/api.md says', async () => {
    const price = (query: string) => {
      const document = parse(query);
      return measure(schema, document, document.definitions[0] as OperationDefinitionNode).cost;
    };
    const schema = await buildApiSchema();
    expect(price('{ regions(level: PROVINCE, first: 100) { totalCount edges { node { code name headcount regencies: children(level: REGENCY) { totalCount } cities: children(level: CITY) { totalCount } } } } }')).toBe(803);
    expect(price(eventPage(50))).toBeGreaterThan(14_000);
    expect(price(eventPage(50))).toBeLessThan(16_000);
  });

  it('refuses a query deeper than the limit before running it, saying the limit and the depth', async () => {
    statements.length = 0;
    const nested = `{ region(code: "75") { ${'parent { '.repeat(MAX_DEPTH)}code${' }'.repeat(MAX_DEPTH)} } }`;
    const answer = await api.query(nested);
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]).toEqual({
      message: `Query depth ${MAX_DEPTH + 2} exceeds the limit of ${MAX_DEPTH}`,
      extensions: { code: 'DEPTH_LIMIT_EXCEEDED', depth: MAX_DEPTH + 2, limit: MAX_DEPTH },
    });
    expect(queries()).toEqual([]);
  });

  it('refuses a query whose cost multiplies past the limit, counting fragments and variables', async () => {
    statements.length = 0;
    const answer = await api.query(
      `query($n: Int) { regions(first: $n) { edges { node { ...Wide } } } }
       fragment Wide on Region { children(first: 200) { edges { node { code name headcount milestones { reachedOn } } } } }`,
      { n: 200 },
    );
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: MAX_COST });
    expect(Number(answer.errors?.[0]?.extensions?.cost)).toBeGreaterThan(MAX_COST);
    expect(answer.errors?.[0]?.message).toMatch(/^Query cost \d+ exceeds the limit of 100000$/);
    expect(queries()).toEqual([]);
  });

  it('refuses a body over 256 kB with a JSON error', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ programs { totalCount } }', variables: { padding: 'x'.repeat(300_000) } }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ errors: [{ message: 'Request body larger than 256kb', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  });

  it('supports automatic persisted queries', async () => {
    const query = '{ programs { totalCount } }';
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const send = (body: object) =>
      fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: api.cookie }, body: JSON.stringify(body) }).then((response) => response.json() as Promise<any>);
    expect((await send({ extensions: { persistedQuery } })).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(await send({ query, extensions: { persistedQuery } })).toEqual({ data: { programs: { totalCount: 2 } } });
    expect(await send({ extensions: { persistedQuery } })).toEqual({ data: { programs: { totalCount: 2 } } });
    const viaGet = await fetch(`${api.url}/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery }))}`, { headers: { 'apollo-require-preflight': 'true', cookie: api.cookie } });
    expect(await viaGet.json()).toEqual({ data: { programs: { totalCount: 2 } } });
  });

  it('never shows a stack trace or SQL, even for a failure inside a resolver', async () => {
    await db.sql.query('ALTER TABLE speaker RENAME TO speaker_moved');
    try {
      const answer = await api.query('{ events(first: 1) { edges { node { sessions { speakers { name } } } } } }');
      expect(answer.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(JSON.stringify(answer)).not.toMatch(/speaker_moved|select|stack|\.ts:|\.js:/i);
      expect(api.logged.length).toBeGreaterThan(0);
    } finally {
      await db.sql.query('ALTER TABLE speaker_moved RENAME TO speaker');
    }
  });
});
