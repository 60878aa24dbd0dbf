import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './support/api.js';
import { type TestDatabase, testDatabase } from './support/database.js';

/** Query factories, one per operation, so each case states only its variables. */
const regionsQuery = `query Regions($level: RegionLevel, $parentCode: String, $search: String, $first: Int, $after: String) {
  regions(level: $level, parentCode: $parentCode, search: $search, first: $first, after: $after) {
    totalCount
    edges { cursor node { code name level } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const regionQuery = `query Region($code: String!) {
  region(code: $code) {
    code name level headcount ownHeadcount
    parent { code name }
    regencies: children(level: REGENCY) { totalCount }
    cities: children(level: CITY) { totalCount }
    children(first: 3) { totalCount edges { node { code } } pageInfo { hasNextPage endCursor } }
  }
}`;

interface RegionsAnswer {
  regions: { totalCount: number; edges: { cursor: string; node: { code: string; name: string; level: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

describe('GraphQL API: regions and programs', () => {
  let db: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    db = await testDatabase('demo');
    api = await startTestApi(await db.orm());
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  it.each([
    { filter: { level: 'PROVINCE' }, totalCount: 38, first: '11' },
    { filter: { level: 'REGENCY' }, totalCount: 416, first: '11.01' },
    { filter: { level: 'CITY' }, totalCount: 98, first: '11.71' },
    { filter: { parentCode: '75' }, totalCount: 6, first: '75.01' },
    { filter: { parentCode: '75', level: 'CITY' }, totalCount: 1, first: '75.71' },
    { filter: { search: 'pariaman' }, totalCount: 2, first: '13.05' },
    { filter: {}, totalCount: 552, first: '11' },
  ])('lists regions filtered by $filter', async ({ filter, totalCount, first }) => {
    const answer = await api.query<RegionsAnswer>(regionsQuery, { ...filter, first: 5 });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.regions.totalCount).toBe(totalCount);
    expect(answer.data!.regions.edges[0]!.node.code).toBe(first);
  });

  it('pages through all 38 provinces with cursors, in code order, without gaps or repeats', async () => {
    const codes: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const answer: { data?: RegionsAnswer } = await api.query<RegionsAnswer>(regionsQuery, { level: 'PROVINCE', first: 10, after });
      const { edges, pageInfo } = answer.data!.regions;
      codes.push(...edges.map((edge) => edge.node.code));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(codes).toHaveLength(38);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(38);
    expect(codes.slice(-4)).toEqual(['93', '94', '95', '96']);
  });

  it('answers a region with its parent, children and headcounts', async () => {
    const province = await api.query<{ region: Record<string, any> }>(regionQuery, { code: '75' });
    expect(province.errors).toBeUndefined();
    const gorontalo = province.data!.region;
    expect(gorontalo).toMatchObject({ code: '75', name: 'Gorontalo', level: 'PROVINCE', parent: null, headcount: 32_725, regencies: { totalCount: 5 }, cities: { totalCount: 1 } });
    expect(gorontalo.ownHeadcount).toBeLessThan(gorontalo.headcount);
    expect(gorontalo.children).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: true } });
    expect(gorontalo.children.edges.map((edge: { node: { code: string } }) => edge.node.code)).toEqual(['75.01', '75.02', '75.03']);

    const city = await api.query<{ region: Record<string, any> }>(regionQuery, { code: '13.77' });
    expect(city.data!.region).toMatchObject({ name: 'Kota Pariaman', level: 'CITY', parent: { code: '13', name: 'Sumatera Barat' }, children: { totalCount: 0 } });
    expect(city.data!.region.headcount).toBe(city.data!.region.ownHeadcount);
  });

  it('answers the national overview query of the dashboard with 38 provinces and 514 regencies and cities', async () => {
    const answer = await api.query<{ regions: { edges: { node: { headcount: number; regencies: { totalCount: number }; cities: { totalCount: number } } }[] } }>(
      `{ regions(level: PROVINCE, first: 100) { totalCount edges { node { code name headcount regencies: children(level: REGENCY) { totalCount } cities: children(level: CITY) { totalCount } } } } }`,
    );
    const provinces = answer.data!.regions.edges.map((edge) => edge.node);
    expect(provinces).toHaveLength(38);
    expect(provinces.reduce((sum, node) => sum + node.regencies.totalCount, 0)).toBe(416);
    expect(provinces.reduce((sum, node) => sum + node.cities.totalCount, 0)).toBe(98);
    expect(provinces.reduce((sum, node) => sum + node.headcount, 0)).toBe(3_732_415);
  });

  it('answers the programs with their values and behaviours in official order', async () => {
    const answer = await api.query<{ program: { name: string; coreValues: { code: string; behaviours: { position: number }[] }[] }; programs: { totalCount: number } }>(
      '{ program(code: "BERAKHLAK") { name coreValues { code behaviours { position } } } programs { totalCount } }',
    );
    expect(answer.data!.programs.totalCount).toBe(2);
    const values = answer.data!.program.coreValues;
    expect(values.map((value) => value.code)).toEqual(['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF']);
    expect(values.flatMap((value) => value.behaviours.map((behaviour) => behaviour.position))).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });

  it.each([
    { name: 'an unknown region code', query: '{ region(code: "99.99") { name } }', code: 'NOT_FOUND', message: /region 99\.99 not found/ },
    { name: 'an unknown program code', query: '{ program(code: "NOPE") { name } }', code: 'NOT_FOUND', message: /program NOPE not found/ },
    { name: 'an unknown parent province', query: '{ regions(parentCode: "99") { totalCount } }', code: 'BAD_USER_INPUT', message: /^parentCode: no province has code 99/ },
    { name: 'a malformed parent code', query: '{ regions(parentCode: "7") { totalCount } }', code: 'BAD_USER_INPUT', message: /^(parentCode|first): /},
    { name: 'a page larger than the maximum', query: '{ regions(first: 500) { totalCount } }', code: 'BAD_USER_INPUT', message: /^(parentCode|first): /},
    { name: 'an unknown level', query: '{ regions(level: DISTRICT) { totalCount } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /DISTRICT/ },
    { name: 'a syntax error', query: '{ regions(', code: 'GRAPHQL_PARSE_FAILED', message: /Syntax Error/ },
  ])('refuses $name with a stable error code', async ({ query, code, message }) => {
    const answer = await api.query(query);
    expect(answer.errors?.[0]?.extensions?.code).toBe(code);
    expect(answer.errors?.[0]?.message).toMatch(message);
    expect(JSON.stringify(answer)).not.toMatch(/stack|at .*\.js|SELECT/);
  });

  it('names the argument that failed validation', async () => {
    const answer = await api.query('{ regions(first: 500) { totalCount } }');
    expect(answer.errors?.[0]?.extensions).toMatchObject({ argument: 'first', problems: [{ argument: 'first', reason: expect.stringMatching(/must not be greater than 200/) }] });
  });

  it('serves a health endpoint that checks the database', async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
  });
});
