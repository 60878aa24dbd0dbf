import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiSchema } from '../src/schema/build.js';
import { type Client, startTestApi, type TestApi } from './support/api.js';
import { type TestDatabase, testDatabase } from './support/database.js';

/**
 * Every query and mutation, for every kind of caller, inside and outside the caller's scope.
 * The list of fields comes from the schema: a new root field without a case here fails the test.
 */
type Rule = 'PUBLIC' | 'SIGNED_IN' | 'REPORTER' | 'ADMINISTRATOR';
type Role = 'ADMINISTRATOR' | 'ANALYST' | 'SECRETARY' | 'DATA_TEAM';
type RegionKind = 'any' | 'province';
type Outcome = 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED';

interface Fixtures {
  eventOf: Record<string, number>;
  firstMilestoneOf: Record<string, string>;
  pastSessionId: number;
  spareTokenOf: Record<string, number>;
  analystId: string;
  nextEmail(): string;
}

interface Case {
  rule: Rule;
  /** Whether the answer depends on the region the arguments name, and of which kind. */
  scoped?: RegionKind;
  /**
   * What leaving the region out means to a caller limited to one region: refused, narrowed to its scope, or
   * one total, which the caller may read of the whole country and of the province around its scope alike.
   */
  national?: 'refused' | 'narrowed' | 'total';
  /** Whether the variables can break the figure down by region (`byRegion`): refused over an area beyond the scope. */
  breakdown?: boolean;
  /** Refused when the caller authenticates with an API token. */
  sessionOnly?: boolean;
  document: string;
  variables(region: string | null, fixtures: Fixtures, caller: string, byRegion: boolean): Record<string, unknown>;
}

const none = () => ({});
const signedIn = (document: string): Case => ({ rule: 'SIGNED_IN', document, variables: none });
const period = { from: '2022-01-01', to: '2024-12-31' };

const cases: Record<string, Case> = {
  // Catalogue: any signed-in caller.
  indicator: signedIn('{ indicator(code: "INDEKS_BERAKHLAK") { code } }'),
  indicators: signedIn('{ indicators { totalCount } }'),
  milestones: signedIn('{ milestones { totalCount } }'),
  program: signedIn('{ program(code: "BERAKHLAK") { code } }'),
  programs: signedIn('{ programs { totalCount } }'),
  apiTokens: signedIn('{ apiTokens { totalCount } }'),
  me: { rule: 'PUBLIC', document: '{ me { user { email } } }', variables: none },
  // Records of a region.
  region: { rule: 'SIGNED_IN', scoped: 'any', document: 'query ($r: String!) { region(code: $r) { code headcount } }', variables: (r) => ({ r }) },
  regions: { rule: 'SIGNED_IN', scoped: 'province', national: 'narrowed', document: 'query ($r: String) { regions(parentCode: $r) { totalCount } }', variables: (r) => ({ r }) },
  regionMilestones: { rule: 'SIGNED_IN', scoped: 'any', national: 'narrowed', document: 'query ($r: String) { regionMilestones(regionCode: $r) { totalCount } }', variables: (r) => ({ r }) },
  observations: { rule: 'SIGNED_IN', scoped: 'any', national: 'narrowed', document: 'query ($r: String) { observations(filter: { regionCode: $r }) { totalCount } }', variables: (r) => ({ r }) },
  events: {
    rule: 'SIGNED_IN', scoped: 'any', national: 'narrowed',
    document: 'query ($r: String) { hosted: events(filter: { regionCode: $r }) { totalCount } attended: events(filter: { participatingRegionCode: $r }) { totalCount } }',
    variables: (r) => ({ r }),
  },
  event: { rule: 'SIGNED_IN', scoped: 'any', document: 'query ($id: ID!) { event(id: $id) { id participantCount } }', variables: (r, f) => ({ id: String(f.eventOf[r!]) }) },
  reportingStatus: { rule: 'SIGNED_IN', scoped: 'any', document: 'query ($r: String!) { reportingStatus(regionCode: $r) { missing } }', variables: (r) => ({ r }) },
  // Aggregates: naming no region means the whole country.
  indicatorAggregate: {
    rule: 'SIGNED_IN', scoped: 'any', national: 'total', breakdown: true,
    document: 'query ($r: String, $g: [IndicatorGroupBy!]!) { indicatorAggregate(indicatorCode: "INDEKS_BERAKHLAK", groupBy: $g, filter: { regionCode: $r }) { totalCount } }',
    variables: (r, _f, _c, byRegion) => ({ r, g: byRegion ? ['PERIOD', 'REGION'] : ['PERIOD'] }),
  },
  indicatorTotals: {
    rule: 'SIGNED_IN', scoped: 'any', national: 'total',
    document: 'query ($r: String, $p: DateRange!) { indicatorTotals(filter: { regionCode: $r, period: $p }) { indicator { code } value } }', variables: (r) => ({ r, p: period }),
  },
  indicatorSeries: { rule: 'SIGNED_IN', scoped: 'any', national: 'total', document: 'query ($r: String) { indicatorSeries(indicatorCode: "AGEN_PERUBAHAN", regionCode: $r) { value } }', variables: (r) => ({ r }) },
  coverageSeries: {
    rule: 'SIGNED_IN', scoped: 'any', national: 'total',
    document: 'query ($r: String, $p: DateRange!) { coverageSeries(regionCode: $r, period: $p) { reached } }', variables: (r) => ({ r, p: period }),
  },
  eventTrends: { rule: 'SIGNED_IN', scoped: 'any', national: 'refused', document: 'query ($r: String) { eventTrends(regionCode: $r) { events } }', variables: (r) => ({ r }) },
  reportingCompleteness: {
    rule: 'SIGNED_IN', scoped: 'any', national: 'refused',
    document: 'query ($r: String) { reportingCompleteness(parentCode: $r, period: { type: QUARTER, start: "2024-01-01" }) { expected } }', variables: (r) => ({ r }),
  },
  rollout: { rule: 'SIGNED_IN', scoped: 'province', national: 'refused', document: 'query ($r: String) { rollout(parentCode: $r) { totalCount } }', variables: (r) => ({ r }) },
  stageDistribution: { rule: 'SIGNED_IN', scoped: 'province', national: 'refused', document: 'query ($r: String) { stageDistribution(parentCode: $r) { regionCount } }', variables: (r) => ({ r }) },
  // Administration.
  users: { rule: 'ADMINISTRATOR', document: '{ users { totalCount } }', variables: none },
  auditLog: { rule: 'ADMINISTRATOR', document: '{ auditLog { totalCount } }', variables: none },
  createUser: {
    rule: 'ADMINISTRATOR', document: 'mutation ($e: String!) { createUser(input: { email: $e, name: "Baru", role: ANALYST }) { id } }',
    variables: (_r, f) => ({ e: f.nextEmail() }),
  },
  updateUser: {
    rule: 'ADMINISTRATOR', document: 'mutation ($id: ID!) { updateUser(id: $id, changes: { name: "Analis Kementerian" }) { id } }', variables: (_r, f) => ({ id: f.analystId }),
  },
  reopenPeriod: {
    rule: 'ADMINISTRATOR', document: 'mutation { reopenPeriod(input: { regionCode: "13.77", periodType: QUARTER, periodStart: "2024-01-01" }) { openUntil } }', variables: none,
  },
  setTarget: { rule: 'ADMINISTRATOR', document: 'mutation { setTarget(input: { indicatorCode: "AGEN_PERUBAHAN", value: 30 }) { value } }', variables: none },
  // Tokens.
  createApiToken: {
    rule: 'SIGNED_IN', scoped: 'any', national: 'narrowed', sessionOnly: true,
    document: 'mutation ($r: String) { createApiToken(input: { name: "matrix", regionCode: $r }) { token } }', variables: (r) => ({ r }),
  },
  revokeApiToken: { rule: 'SIGNED_IN', document: 'mutation ($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', variables: (_r, f, caller) => ({ id: String(f.spareTokenOf[caller] ?? 1) }) },
  // Reporting.
  reportObservations: {
    rule: 'REPORTER', scoped: 'any',
    document: 'mutation ($r: String!) { reportObservations(input: [{ indicatorCode: "AGEN_PERUBAHAN", regionCode: $r, periodStart: "2024-04-01", value: 12 }]) { value } }',
    variables: (r) => ({ r }),
  },
  recordMilestone: {
    rule: 'REPORTER', scoped: 'any',
    document: 'mutation ($r: String!, $d: LocalDate!) { recordMilestone(input: { regionCode: $r, milestoneCode: "SE_DISOSIALISASIKAN", reachedOn: $d }) { reachedOn } }',
    variables: (r, f) => ({ r, d: f.firstMilestoneOf[r!] }),
  },
  createEvent: {
    rule: 'REPORTER', scoped: 'any', national: 'refused',
    document: `mutation ($r: String) { createEvent(input: { programCode: "BERAKHLAK", title: "Sosialisasi", kind: SOCIALISATION, mode: OFFLINE, organiser: "Setda",
      hostRegionCode: $r, startsAt: "2025-02-03T01:00:00Z", endsAt: "2025-02-03T05:00:00Z" }) { id } }`,
    variables: (r) => ({ r }),
  },
  updateEvent: {
    rule: 'REPORTER', scoped: 'any',
    document: `mutation ($id: ID!, $r: String) { updateEvent(id: $id, input: { programCode: "BERAKHLAK", title: "Lokakarya", kind: WORKSHOP, mode: HYBRID, organiser: "Setda",
      hostRegionCode: $r, startsAt: "2024-05-01T00:00:00Z", endsAt: "2024-05-02T23:00:00Z", status: HELD }) { id } }`,
    variables: (r, f) => ({ id: String(f.eventOf[r!]), r }),
  },
  addSession: {
    rule: 'REPORTER', scoped: 'any',
    document: `mutation ($id: ID!) { addSession(input: { eventId: $id, topic: "Adaptif", mode: OFFLINE, startsAt: "2024-05-01T02:00:00Z", endsAt: "2024-05-01T04:00:00Z",
      speakers: [{ name: "Narasumber", role: "Widyaiswara" }] }) { id } }`,
    variables: (r, f) => ({ id: String(f.eventOf[r!]) }),
  },
  cancelEvent: { rule: 'REPORTER', scoped: 'any', document: 'mutation ($id: ID!) { cancelEvent(id: $id) { status } }', variables: (r, f) => ({ id: String(f.eventOf[`cancel:${r}`]) }) },
  setAttendance: {
    rule: 'REPORTER', scoped: 'any',
    document: 'mutation ($s: ID!, $r: String!) { setAttendance(input: { sessionId: $s, regionCode: $r, participants: 1 }) { participants } }',
    variables: (r, f) => ({ s: String(f.pastSessionId), r }),
  },
  // Sign-in last but one and sign-out last: sign-out ends the caller's session.
  login: { rule: 'PUBLIC', document: 'mutation { login(email: "analis@berakhlak.example", password: "berakhlak-demo") { user { email } } }', variables: none },
  logout: { rule: 'PUBLIC', document: 'mutation { logout }', variables: none },
};

interface Caller {
  role: Role | null;
  /** Regions inside and outside the scope, by kind; null where the scope holds none of that kind. */
  inside: Record<RegionKind, string | null>;
  outside: Record<RegionKind, string>;
  /** The province around a city's or regency's scope: beyond the scope, but its totals are the caller's to compare with. */
  around: string | null;
  limited: boolean;
  token: boolean;
  /** The region a token caller's token is limited to. */
  tokenRegion?: string;
  client?: Client;
}

const national = { inside: { any: '13.77', province: '13' }, outside: { any: '75.71', province: '75' }, around: null, limited: false };
const gorontalo = { inside: { any: '75.71', province: '75' }, outside: { any: '13.77', province: '13' }, around: null, limited: true };
const pariaman = { inside: { any: '13.77', province: null }, outside: { any: '75.71', province: '75' }, around: '13', limited: true };
const callers: Record<string, Caller> = {
  anonymous: { role: null, ...national, token: false },
  administrator: { role: 'ADMINISTRATOR', ...national, token: false },
  analyst: { role: 'ANALYST', ...national, token: false },
  'secretary of Kota Pariaman': { role: 'SECRETARY', ...pariaman, token: false },
  'secretary of Gorontalo': { role: 'SECRETARY', ...gorontalo, token: false },
  'data team token': { role: 'DATA_TEAM', ...national, token: true },
  'data team token limited to Gorontalo': { role: 'DATA_TEAM', ...gorontalo, token: true, tokenRegion: '75' },
  'data team token limited to Kota Pariaman': { role: 'DATA_TEAM', ...pariaman, token: true, tokenRegion: '13.77' },
};

const roleAllows: Record<Rule, (role: Role) => boolean> = {
  PUBLIC: () => true,
  SIGNED_IN: () => true,
  REPORTER: (role) => role === 'ADMINISTRATOR' || role === 'SECRETARY',
  ADMINISTRATOR: (role) => role === 'ADMINISTRATOR',
};

type Area = 'inside' | 'outside' | 'around' | 'national';
type Variant = Area | `${Area} by region` | 'unscoped';

function expected(field: Case, caller: Caller, variant: Variant): Outcome {
  if (caller.role === null) return field.rule === 'PUBLIC' ? 'allowed' : 'UNAUTHENTICATED';
  if (!roleAllows[field.rule](caller.role)) return 'FORBIDDEN';
  if (field.sessionOnly && caller.token) return 'FORBIDDEN';
  if (!caller.limited) return 'allowed';
  // Beyond a limited caller's scope: only one total of the areas around it, never broken down into regions.
  if (variant === 'outside' || (variant.endsWith(' by region') && variant !== 'inside by region')) return 'FORBIDDEN';
  if (variant === 'around') return field.national === 'total' ? 'allowed' : 'FORBIDDEN';
  if (variant === 'national') return field.national === 'refused' ? 'FORBIDDEN' : 'allowed';
  return 'allowed';
}

function variants(field: Case, caller: Caller): { variant: Variant; region: string | null }[] {
  if (!field.scoped) return [{ variant: 'unscoped', region: null }];
  const inside = caller.inside[field.scoped];
  const areas: { variant: Area; region: string | null }[] = [
    ...(inside ? [{ variant: 'inside' as const, region: inside }] : []),
    { variant: 'outside', region: caller.outside[field.scoped] },
    ...(caller.around ? [{ variant: 'around' as const, region: caller.around }] : []),
    ...(field.national ? [{ variant: 'national' as const, region: null }] : []),
  ];
  return [...areas, ...(field.breakdown ? areas.map(({ variant, region }) => ({ variant: `${variant} by region` as const, region })) : [])];
}

describe('access matrix: every query and mutation, every role, inside and outside scope', () => {
  let db: TestDatabase;
  let api: TestApi;
  let fixtures: Fixtures;
  const results: { field: string; caller: string; variant: Variant; expected: Outcome; got: string }[] = [];

  beforeAll(async () => {
    db = await testDatabase('demo');
    // No period locks here: the matrix is about who may write, locks have their own tests.
    api = await startTestApi(await db.orm(), { periodLockDays: 100_000 });
    fixtures = await prepare(db, api);
    for (const [name, caller] of Object.entries(callers)) caller.client = await clientOf(name, caller, api);
    for (const field of Object.keys(cases)) {
      const rule = cases[field]!;
      for (const [name, caller] of Object.entries(callers)) {
        for (const { variant, region } of variants(rule, caller)) {
          const answer = await caller.client!.query(rule.document, rule.variables(region, fixtures, name, variant.endsWith(' by region')));
          const got = answer.errors ? String(answer.errors[0]?.extensions?.code) : 'allowed';
          results.push({ field, caller: name, variant, expected: expected(rule, caller, variant), got: got === 'allowed' ? got : `${got}: ${answer.errors![0]!.message}` });
        }
      }
    }
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('has a case for every root field of the schema, and no case for a field that is gone', async () => {
    const schema = await buildApiSchema();
    const fields = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) => Object.keys(type.getFields()));
    expect(fields.filter((field) => !(field in cases)).sort()).toEqual([]);
    expect(Object.keys(cases).filter((field) => !fields.includes(field)).sort()).toEqual([]);
  });

  it('allows or refuses each call as the rules say', () => {
    const wrong = results.filter((result) => !result.got.startsWith(result.expected));
    const serverErrors = api.logged.map((entry) => String((entry as { details?: { error?: unknown } }).details?.error));
    expect(wrong, serverErrors.join('\n')).toEqual([]);
    expect(results.length).toBeGreaterThan(Object.keys(cases).length * Object.keys(callers).length);
  });

  it('gives a caller limited to a city the totals of its province and of the country, never broken down into regions', () => {
    for (const caller of ['secretary of Kota Pariaman', 'data team token limited to Kota Pariaman']) {
      const beyond = results.filter((result) => result.caller === caller && /^(around|national)/.test(result.variant));
      const got = (field: string, variant: Variant) => beyond.find((result) => result.field === field && result.variant === variant)?.got.split(':')[0];
      for (const field of ['indicatorAggregate', 'indicatorTotals', 'indicatorSeries', 'coverageSeries']) {
        expect([got(field, 'around'), got(field, 'national')], `${caller}: ${field}`).toEqual(['allowed', 'allowed']);
      }
      expect([got('indicatorAggregate', 'around by region'), got('indicatorAggregate', 'national by region')]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      for (const field of ['rollout', 'stageDistribution', 'eventTrends', 'reportingCompleteness', 'events', 'observations', 'region', 'regionMilestones']) {
        expect(got(field, 'around'), `${caller}: ${field}`).toBe('FORBIDDEN');
      }
    }
  });

  it('refuses a limited caller outside its scope with FORBIDDEN, never with an empty answer', () => {
    const outside = results.filter((result) => result.variant === 'outside' && callers[result.caller]!.limited && result.expected === 'FORBIDDEN');
    expect(outside.length).toBeGreaterThan(30);
    expect(outside.every((result) => result.got.startsWith('FORBIDDEN'))).toBe(true);
  });
});

async function prepare(db: TestDatabase, api: TestApi): Promise<Fixtures> {
  const eventOf: Record<string, number> = {};
  for (const code of ['13.77', '13', '75.71', '75']) {
    for (const key of [code, `cancel:${code}`]) {
      const { rows } = await db.sql.query(
        `INSERT INTO event (code, program_id, title, kind, organiser, host_region_id, mode, starts_at, ends_at, status)
         SELECT 'MATRIKS-' || $2, p.id, 'Matriks', 'WORKSHOP', 'Setda', r.id, 'OFFLINE', '2024-05-01T00:00:00Z', '2024-05-02T23:00:00Z', 'HELD'
         FROM program p, region r WHERE p.code = 'BERAKHLAK' AND r.code = $1 RETURNING id`,
        [code, key],
      );
      eventOf[key] = rows[0].id;
    }
  }
  const firstMilestoneOf: Record<string, string> = {};
  for (const code of ['13.77', '75.71', '13', '75']) {
    const { rows } = await db.sql.query(
      `SELECT to_char(rm.reached_on, 'YYYY-MM-DD') AS day FROM region_milestone rm JOIN milestone m ON m.id = rm.milestone_id JOIN region r ON r.id = rm.region_id
       WHERE m.position = 1 AND r.code = $1`,
      [code],
    );
    firstMilestoneOf[code] = rows[0]?.day ?? '2022-01-03';
  }
  const { rows: sessions } = await db.sql.query("SELECT s.id FROM session s JOIN event e ON e.id = s.event_id WHERE e.status = 'HELD' AND s.starts_at < now() ORDER BY s.id LIMIT 1");
  let emails = 0;
  const { rows: analyst } = await db.sql.query("SELECT id FROM app_user WHERE email = 'analis@berakhlak.example'");
  return { analystId: String(analyst[0].id), eventOf, firstMilestoneOf, pastSessionId: sessions[0].id, spareTokenOf: await spareTokens(api), nextEmail: () => `baru${++emails}@berakhlak.example` };
}

const emailOf: Record<string, string> = {
  administrator: 'admin@berakhlak.example',
  analyst: 'analis@berakhlak.example',
  'secretary of Kota Pariaman': 'sekko.pariaman@berakhlak.example',
  'secretary of Gorontalo': 'sekda.gorontalo@berakhlak.example',
  'data team token': 'data@berakhlak.example',
  'data team token limited to Gorontalo': 'data@berakhlak.example',
  'data team token limited to Kota Pariaman': 'data@berakhlak.example',
};

/** A token of each caller's user that the caller may revoke without losing its own access. */
async function spareTokens(api: TestApi): Promise<Record<string, number>> {
  const spare: Record<string, number> = {};
  for (const [caller, email] of Object.entries(emailOf)) {
    const answer = await (await api.as(email)).query<{ createApiToken: { apiToken: { id: string } } }>('mutation { createApiToken(input: { name: "spare" }) { apiToken { id } } }');
    spare[caller] = Number(answer.data!.createApiToken.apiToken.id);
  }
  return spare;
}

async function clientOf(name: string, caller: Caller, api: TestApi): Promise<Client> {
  if (caller.role === null) return api.anonymous;
  const session = await api.as(emailOf[name]!);
  if (!caller.token) return session;
  const regionCode = caller.tokenRegion ?? null;
  const answer = await session.query<{ createApiToken: { token: string } }>('mutation ($r: String) { createApiToken(input: { name: "matrix caller", regionCode: $r }) { token } }', { r: regionCode });
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return api.with({ authorization: `Bearer ${answer.data!.createApiToken.token}` });
}
