import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEMO_PASSWORD } from '../auth/demo-users.js';
import { rollupDifferences } from '../analytics/rollup-check.js';
import { type Operation, recordPageOperations, tracedStatements, type Visit } from './capture.js';
import { probeFreshness } from './freshness.js';
import { drive, KeptConnection, type LoadFigures, postJson, residentMb } from './load-generator.js';
import { nationalDatabase } from './national-data.js';
import { startApi } from './processes.js';

/**
 * `pnpm bench`, national part: every GraphQL request the national, province and region pages send
 * (recorded from the real dashboard), driven over HTTP at 1, 8 and 32 clients against the API, and the
 * same statements through plain `pg` (the floor); then the freshness probe, the API's memory and a
 * check of every rollup against the raw rows.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 1.5);
const LEVELS = [1, 8, 32];
const POOL = 10;
const FLOOR_CLIENTS = 4;
const log = (message: string) => console.log(`[bench] ${message}`);

const visits = [
  { page: '/', who: 'analis@berakhlak.example' },
  { page: '/wilayah/75', who: 'analis@berakhlak.example' },
  { page: '/wilayah/75.71', who: 'analis@berakhlak.example' },
  { page: '/wilayah/75', who: 'sekda.gorontalo@berakhlak.example' },
  { page: '/wilayah/13.77', who: 'sekko.pariaman@berakhlak.example' },
];

async function main(): Promise<void> {
  const data = await nationalDatabase(log);
  log(data.loadSeconds === null ? 'national data set reused' : `national data set loaded in ${data.loadSeconds.toFixed(0)} s`);
  const scratch = await mkdtemp(path.join(tmpdir(), 'berakhlak-bench-queries-'));
  try {
    const { operations, floors, uncached } = await recordAndTrace(data.url, path.join(scratch, 'sql.jsonl'));
    log(`${operations.length} operations recorded from ${visits.length} page visits`);
    const api = await startApi(data.url, { RATE_LIMIT_TOKEN_PER_MINUTE: '0', RATE_LIMIT_ADDRESS_PER_MINUTE: '0' });
    const pool = new pg.Pool({ connectionString: data.url, max: POOL });
    try {
      const cookies = await signInAll(api.url);
      const ask = (operation: Operation) => post(api.url, operation, cookies.get(operation.who)!).then((answer) => answer.text);
      const rows = [];
      let peakMb = await residentMb(api.pid);
      const sampler = setInterval(() => void residentMb(api.pid).then((mb) => (peakMb = Math.max(peakMb, mb))), 200);
      const connections = Array.from({ length: Math.max(...LEVELS) }, () => new KeptConnection(new URL(api.url)));
      for (const [index, operation] of operations.entries()) {
        const request = KeptConnection.post(new URL(api.url), '/graphql', operation.body, { cookie: `berakhlak_session=${cookies.get(operation.who)}`, accept: DASHBOARD_ACCEPT });
        const floorAt = new Map<number, LoadFigures | null>();
        for (const clients of LEVELS) {
          const served = await drive(clients, SECONDS, (client) => connections[client]!.send(request).then(isGood));
          // More floor clients than FLOOR_CLIENTS only queue for the pool, and their long queues would outlast the level:
          // the floor is measured once per distinct client count.
          const floorClients = Math.min(clients, FLOOR_CLIENTS);
          if (!floorAt.has(floorClients)) floorAt.set(floorClients, await floor(floors[index]!, floorClients, pool));
          rows.push(row(operation, uncached[index]!, served, floorAt.get(floorClients)!));
        }
      }
      clearInterval(sampler);
      for (const connection of connections) connection.close();
      console.log(`\nDashboard queries on the national data set, ${SECONDS} s per level (ms; req/s over HTTP to the API; floor: the same SQL through pg, pool of ${POOL}, at most ${FLOOR_CLIENTS} clients)`);
      console.table(rows);
      const worst = rows.filter((entry) => entry.clients === 32).sort((a, b) => b.p95 - a.p95)[0]!;
      const lowestRatio = Math.min(...rows.filter((entry) => entry.clients === 32 && typeof entry.ratio === 'number').map((entry) => entry.ratio as number));
      console.log(`At 32 clients: worst p95 ${worst.p95} ms (${worst.query}), target at most 50; lowest API/floor ratio ${lowestRatio}, target at least 0.5`);
      console.log(`API resident memory: peak ${peakMb.toFixed(0)} MB under load (target below 512)`);

      const national = operations.find((operation) => operation.name === 'NationalOverview')!;
      const province = operations.find((operation) => operation.name === 'AreaFigures' && operation.page === '/wilayah/75' && operation.who === visits[1]!.who)!;
      const freshness = await probeFreshness(data.url, ask, [national, province]);
      console.log('\nFreshness: a write committed by another connection, until the cached page answer changes (target within 1,000 ms)');
      console.table(freshness.map((figure) => ({ ...figure, ms: Math.round(figure.ms) })));
    } finally {
      await pool.end();
      await api.stop();
    }
    await checkRollups(data.url);
  } finally {
    await rm(scratch, { recursive: true, force: true });
    await data.database.stop();
  }
}

/** The same statements through plain `pg`; the identity check every page makes reads no figures and has no floor. */
function floor(statements: string[], clients: number, pool: pg.Pool): Promise<LoadFigures | null> {
  if (!statements.length) return Promise.resolve(null);
  return drive(clients, SECONDS, () => Promise.all(statements.map((statement) => pool.query(statement))).then(() => true));
}

/**
 * The pages' requests, recorded through the dashboard against an API that traces its SQL and keeps no
 * cache; each request is then sent again alone to learn its statements and its uncached time.
 */
async function recordAndTrace(databaseUrl: string, traceFile: string) {
  const api = await startApi(databaseUrl, { SQL_TRACE_FILE: traceFile, RESPONSE_CACHE_MB: '0', RATE_LIMIT_TOKEN_PER_MINUTE: '0', RATE_LIMIT_ADDRESS_PER_MINUTE: '0' });
  try {
    const cookies = await signInAll(api.url);
    const pageVisits: Visit[] = visits.map((visit) => ({ ...visit, cookie: `berakhlak_session=${cookies.get(visit.who)}` }));
    const operations = await recordPageOperations(api.url, Number(process.env.BENCH_WEB_PORT ?? 3097), pageVisits);
    let offset = (await tracedStatements(traceFile, 0)).offset;
    const floors: string[][] = [];
    const uncached: number[] = [];
    for (const operation of operations) {
      const times: number[] = [];
      for (let run = 0; run < 5; run += 1) {
        const started = performance.now();
        const answer = await post(api.url, operation, cookies.get(operation.who)!);
        times.push(performance.now() - started);
        if (!answer.good) throw new Error(`${operation.page} ${operation.name} as ${operation.who} failed: ${answer.text.slice(0, 300)}`);
        const traced = await tracedStatements(traceFile, offset);
        offset = traced.offset;
        if (run === 0) floors.push(traced.statements);
      }
      uncached.push(times.sort((a, b) => a - b)[2]!);
    }
    return { operations, floors, uncached };
  } finally {
    await api.stop();
  }
}

async function signInAll(apiUrl: string): Promise<Map<string, string>> {
  const cookies = new Map<string, string>();
  for (const who of new Set(visits.map((visit) => visit.who))) {
    const response = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }', variables: { e: who, p: DEMO_PASSWORD } }),
    });
    const session = response.headers.getSetCookie().map((cookie) => /^berakhlak_session=([^;]+)/.exec(cookie)?.[1]).find(Boolean);
    if (!session) throw new Error(`could not sign in as ${who}: ${await response.text()}`);
    cookies.set(who, session);
  }
  return cookies;
}

async function post(apiUrl: string, operation: Operation, session: string): Promise<{ good: boolean; text: string }> {
  const { status, text } = await postJson(`${apiUrl}/graphql`, operation.body, { cookie: `berakhlak_session=${session}`, accept: DASHBOARD_ACCEPT });
  return { good: status === 200 && !text.includes('"errors"'), text };
}

/** Requests are sent as the dashboard sends them, media type preference included. */
const DASHBOARD_ACCEPT = 'application/graphql-response+json, application/json';

const isGood = ({ status, body }: { status: number; body: Buffer }) => status === 200 && !body.includes('"errors"');

function row(operation: Operation, uncachedMs: number, served: LoadFigures, floor: LoadFigures | null) {
  const { regionCode } = (JSON.parse(operation.body) as { variables?: { regionCode?: string | null } }).variables ?? {};
  const area = regionCode === undefined ? '' : ` [${regionCode ?? 'national'}]`;
  return {
    query: `${operation.page} ${operation.name}${area} (${operation.who.split('@')[0]})`,
    clients: served.clients,
    p50: round(served.p50), p95: round(served.p95), p99: round(served.p99),
    'req/s': Math.round(served.perSecond), errors: served.errors,
    'floor req/s': floor ? Math.round(floor.perSecond) : 'n/a',
    ratio: floor ? Math.round((served.perSecond / floor.perSecond) * 100) / 100 : 'n/a',
    'uncached ms': round(uncachedMs),
  };
}

const round = (value: number) => Math.round(value * 10) / 10;

async function checkRollups(databaseUrl: string): Promise<void> {
  // Two checks at a time: one per core.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const started = performance.now();
  const differences = await rollupDifferences(pool);
  await pool.end();
  const differing = Object.entries(differences).filter(([, rows]) => rows.length);
  console.log(`\nRollups against the raw rows (${((performance.now() - started) / 1000).toFixed(0)} s): ${differing.length ? `DIFFERENT in ${differing.map(([name]) => name).join(', ')}` : 'identical'}`);
  if (differing.length) {
    console.log(differences);
    process.exitCode = 1;
  }
}

await main();
