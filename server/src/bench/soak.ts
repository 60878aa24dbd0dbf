import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabaseIfMissing, startEmbedded, withDatabase } from '@berakhlak/db';
import { parse, validate } from 'graphql';
import pg from 'pg';
import ts from 'typescript';
import { DEMO_PASSWORD } from '../auth/demo-users.js';
import { bootstrapDatabase } from '../database/bootstrap.js';
import { openOrm } from '../database/orm.js';
import { buildApiSchema } from '../schema/build.js';
import { percentile, postJson } from './load-generator.js';
import { repoRoot } from './national-data.js';
import { type Started, startApi } from './processes.js';

/**
 * `pnpm bench`, the soak: the built API (server/dist/main.js, its production settings) on loopback
 * with the demo data, SOAK_CLIENTS (50) clients reading the dashboard and writing observations and
 * attendance for SOAK_SECONDS (600). Prints requests, errors, p50, p95 and the server's resident
 * memory per minute, checks that every acknowledged write is in the database afterwards, and
 * judges whether latency and memory stayed flat. Exits non-zero on an error or a lost write.
 */
const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 50);
/** Each client waits up to this long between its requests (a person reading a page), 0 for none. */
const THINK_MS = Number(process.env.SOAK_THINK_MS ?? 500);
/** Flat: the last full minute's p95 at most this many times the first's (or 50 ms above it), its RSS at most this share above it (or 64 MB). */
const P95_TOLERANCE = 1.5;
const RSS_TOLERANCE = 0.25;


interface Operation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/** Records a writer's acknowledged writes, key by key: the last acknowledged value of each key must be stored. */
interface Ledger {
  /** Writes acknowledged, some of them to the same key. */
  writes: number;
  observations: Map<string, { indicatorCode: string; regionCode: string; periodStart: string; value: number }>;
  attendance: Map<string, { sessionId: string; regionCode: string; participants: number }>;
}

interface Sample {
  operation: string;
  at: number;
  ms: number;
  error: string | null;
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'berakhlak-bench-soak-'));
  const cluster = await startEmbedded({ dataDir, port: await freePort(), database: 'postgres' });
  let server: Started | null = null;
  try {
    const url = withDatabase(cluster.url, 'bench_soak');
    await createDatabaseIfMissing(cluster.url, 'bench_soak');
    const orm = await openOrm(url);
    await bootstrapDatabase(orm, url, { dataset: 'demo', log: () => {} });
    await orm.close();

    server = await startApi(url, { DEMO_DATA: 'demo' });
    const api = server.url;

    const operations = await readOperations();
    const { readers, writers } = await prepareClients(api, url);
    console.log(`Soak: ${CLIENTS} clients (${writers.length} writing) for ${SECONDS} s against ${api} (server pid ${server.pid}), think time up to ${THINK_MS} ms; the API runs with its production settings (response cache, rate limits, statement timeout)`);

    const samples: Sample[] = [];
    const rss: { at: number; kb: number }[] = [];
    const started = performance.now();
    const deadline = started + SECONDS * 1000;
    const pid = server.pid;
    const sampler = setInterval(() => rss.push({ at: performance.now() - started, kb: residentKb(pid) }), 5_000);
    rss.push({ at: 0, kb: residentKb(pid) });
    const ledgers: Ledger[] = [];
    await Promise.all([
      ...readers.map((headers, index) => runClient(api, headers, deadline, started, samples, () => readOperation(operations, index))),
      ...writers.map((writer) => {
        const ledger: Ledger = { writes: 0, observations: new Map(), attendance: new Map() };
        ledgers.push(ledger);
        return runClient(api, writer.headers, deadline, started, samples, () => writeOperation(writer, ledger), (operation, data) => acknowledge(operation, data, ledger));
      }),
    ]);
    clearInterval(sampler);
    rss.push({ at: performance.now() - started, kb: residentKb(pid) });

    await server.stop();
    server = null;
    const verification = { ...(await verify(url, ledgers)), writes: ledgers.reduce((sum, ledger) => sum + ledger.writes, 0) };
    report(samples, rss, verification);
  } finally {
    if (server) await server.stop();
    await cluster.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The operations

/** The dashboard's own national overview and its options, read from web/src so they never drift from what the page sends. */
async function readOperations(): Promise<{ overview: string; options: string; province: string; events: string; status: string }> {
  const source = readFileSync(path.join(repoRoot, 'web/src/lib/overview/queries.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  const web = (await import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`)) as { NATIONAL_OVERVIEW_QUERY: string; OVERVIEW_OPTIONS_QUERY: string };
  const operations = {
    overview: web.NATIONAL_OVERVIEW_QUERY,
    options: web.OVERVIEW_OPTIONS_QUERY,
    province: `query Province($code: String!, $period: DateRange, $asOf: LocalDate) {
      region(code: $code) { code name headcount children(first: 50) { totalCount edges { node { code name level } } } }
      rollout(parentCode: $code, period: $period, indicatorCode: "INDEKS_BERAKHLAK", first: 50) { totalCount edges { node { rank region { code name } coverage { ratio } indicatorValue } } }
      stageDistribution(parentCode: $code, asOf: $asOf) { regionCount milestone { position } }
    }`,
    events: `query Events($period: DateRange, $after: String) {
      events(first: 20, after: $after, filter: { period: $period }) {
        totalCount pageInfo { endCursor }
        edges { node { code title startsAt hostRegion { name } sessions { topic attendance(first: 5) { totalCount edges { node { participants region { code } } } } } } }
      }
    }`,
    status: 'query Status($regionCode: String!) { reportingStatus(regionCode: $regionCode) { missing items { indicator { code } reported locked } } }',
  };
  const schema = await buildApiSchema();
  for (const [name, query] of Object.entries(operations)) {
    const errors = validate(schema, parse(query));
    if (errors.length > 0) throw new Error(`the soak's ${name} operation does not fit the schema: ${errors.map((error) => error.message).join('; ')}`);
  }
  return operations;
}

const YEARS = [2022, 2023, 2024, 2025];
const INDICATORS = ['INDEKS_BERAKHLAK', 'PENGADUAN_TEPAT_WAKTU', 'LAYANAN_ELEKTRONIK'];
const PROVINCES = ['11', '13', '31', '33', '35', '51', '64', '75', '94'];

/** Mostly the national overview, as people land on it; then the province pages, events and the filter options. */
function readOperation(operations: Awaited<ReturnType<typeof readOperations>>, client: number): Operation {
  const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;
  const year = pick(YEARS);
  const today = new Date().toISOString().slice(0, 10);
  const end = `${year}-12-31` < today ? `${year}-12-31` : today;
  const roll = Math.random();
  if (roll < 0.5) {
    return {
      name: 'overview', query: operations.overview,
      variables: {
        period: { from: `${year}-01-01`, to: `${year}-12-31` }, history: { from: '2021-07-01', to: `${year}-12-31` }, asOf: end,
        indicatorCode: pick(INDICATORS), indexCode: 'INDEKS_BERAKHLAK', programCode: client % 3 === 0 ? 'BERAKHLAK' : null,
        completenessPeriod: { type: 'QUARTER', start: `${year < Number(today.slice(0, 4)) ? year : year - 1}-10-01` },
      },
    };
  }
  if (roll < 0.65) return { name: 'options', query: operations.options, variables: { programCode: null } };
  if (roll < 0.85) return { name: 'province', query: operations.province, variables: { code: pick(PROVINCES), period: { from: `${year}-01-01`, to: `${year}-12-31` }, asOf: end } };
  return { name: 'events', query: operations.events, variables: { period: { from: `${year}-01-01`, to: `${year}-12-31` }, after: null } };
}

interface Writer {
  headers: Record<string, string>;
  /** Regions this writer alone writes, so the last value it was acknowledged for each key is the one stored. */
  regions: string[];
  indicators: { code: string; periodStart: string; min: number; max: number; whole: boolean }[];
  sessions: string[];
  statusRegion: string;
}

/** A report of one of its observations, an attendance figure, or a look at what its region still owes. */
function writeOperation(writer: Writer, _ledger: Ledger): Operation {
  const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;
  const roll = Math.random();
  if (roll < 0.45) {
    const indicator = pick(writer.indicators);
    const raw = indicator.min + Math.random() * (indicator.max - indicator.min);
    const value = indicator.whole ? Math.round(raw) : Math.round(raw * 10) / 10;
    return {
      name: 'reportObservations',
      query: 'mutation Report($input: [ObservationInput!]!) { reportObservations(input: $input) { id value } }',
      variables: { input: [{ indicatorCode: indicator.code, regionCode: pick(writer.regions), periodStart: indicator.periodStart, value }] },
    };
  }
  if (roll < 0.8) {
    return {
      name: 'setAttendance',
      query: 'mutation Attend($input: AttendanceInput!) { setAttendance(input: $input) { participants } }',
      variables: { input: { sessionId: pick(writer.sessions), regionCode: pick(writer.regions), participants: Math.floor(Math.random() * 10) } },
    };
  }
  return { name: 'reportingStatus', query: 'query Status($regionCode: String!) { reportingStatus(regionCode: $regionCode) { missing items { indicator { code } reported locked } } }', variables: { regionCode: writer.statusRegion } };
}

/** A write the server acknowledged: its key now holds this value. */
function acknowledge(operation: Operation, _data: unknown, ledger: Ledger): void {
  if (operation.name !== 'reportingStatus') ledger.writes += 1;
  if (operation.name === 'reportObservations') {
    const [row] = operation.variables.input as { indicatorCode: string; regionCode: string; periodStart: string; value: number }[];
    ledger.observations.set(`${row!.indicatorCode}|${row!.regionCode}|${row!.periodStart}`, { ...row! });
  } else if (operation.name === 'setAttendance') {
    const input = operation.variables.input as { sessionId: string; regionCode: string; participants: number };
    ledger.attendance.set(`${input.sessionId}|${input.regionCode}`, { ...input });
  }
}

// ---------------------------------------------------------------------------------------------
// The clients

/**
 * Sessions for the readers (analysts, some of them through API tokens, some administrators) and
 * the writers (the two demo secretaries and the administrator), each writer with regions of its own.
 */
async function prepareClients(api: string, url: string): Promise<{ readers: Record<string, string>[]; writers: Writer[] }> {
  const adminCookie = await signIn(api, 'admin@berakhlak.example');
  const indicators = (await graphql(api, { cookie: adminCookie }, '{ indicators(first: 100) { edges { node { code periodType minValue maxValue byCoreValue unit } } } }')) as {
    indicators: { edges: { node: { code: string; periodType: 'MONTH' | 'QUARTER' | 'YEAR'; minValue: number | null; maxValue: number | null; byCoreValue: boolean; unit: string } }[] };
  };
  const writable = indicators.indicators.edges.map(({ node }) => node).filter((indicator) => !indicator.byCoreValue).map((indicator) => ({
    code: indicator.code, periodStart: currentPeriodStart(indicator.periodType), min: indicator.minValue ?? 0,
    max: indicator.maxValue ?? (indicator.minValue ?? 0) + 100, whole: indicator.unit === 'COUNT',
  }));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const sessions = (await client.query(`SELECT s.id FROM session s JOIN event e ON e.id = s.event_id WHERE e.status <> 'CANCELLED' AND s.starts_at < now() ORDER BY s.id DESC LIMIT 40`)).rows.map((row) => String(row.id));
  const jatim = (await client.query("SELECT code FROM region WHERE parent_id = (SELECT id FROM region WHERE code = '35') ORDER BY code LIMIT 32")).rows.map((row) => row.code as string);
  await client.end();

  const writerCount = Math.max(1, Math.round(CLIENTS * 0.16));
  const layout: { email: string; regions: string[]; statusRegion: string }[] = [
    { email: 'sekda.gorontalo@berakhlak.example', regions: ['75', '75.01', '75.02'], statusRegion: '75' },
    { email: 'sekda.gorontalo@berakhlak.example', regions: ['75.03', '75.04'], statusRegion: '75.03' },
    { email: 'sekda.gorontalo@berakhlak.example', regions: ['75.05', '75.71'], statusRegion: '75.71' },
    { email: 'sekko.pariaman@berakhlak.example', regions: ['13.77'], statusRegion: '13.77' },
  ];
  for (let index = 0; layout.length < writerCount; index += 1) {
    layout.push({ email: 'admin@berakhlak.example', regions: jatim.filter((_code, position) => position % (writerCount - 4) === index), statusRegion: jatim[index]! });
  }
  const writers: Writer[] = [];
  for (const [index, { email, regions, statusRegion }] of layout.slice(0, writerCount).entries()) {
    writers.push({ headers: { cookie: await signIn(api, email) }, regions, indicators: writable, sessions: sessions.slice((index * 5) % sessions.length).concat(sessions).slice(0, 5), statusRegion });
  }
  const readers: Record<string, string>[] = [];
  for (let index = 0; index < CLIENTS - writers.length; index += 1) {
    if (index % 8 === 7) {
      readers.push({ cookie: await signIn(api, 'admin@berakhlak.example') });
    } else if (index % 4 === 1) {
      const cookie = await signIn(api, 'analis@berakhlak.example');
      const created = (await graphql(api, { cookie }, 'mutation ($input: ApiTokenInput!) { createApiToken(input: $input) { token } }', { input: { name: `soak ${index}` } })) as { createApiToken: { token: string } };
      readers.push({ authorization: `Bearer ${created.createApiToken.token}` });
    } else {
      readers.push({ cookie: await signIn(api, 'analis@berakhlak.example') });
    }
  }
  return { readers, writers };
}

async function runClient(
  api: string, headers: Record<string, string>, deadline: number, started: number, samples: Sample[], next: () => Operation,
  acknowledged?: (operation: Operation, data: unknown) => void,
): Promise<void> {
  // Clients start spread over the first seconds, as people arrive.
  await sleep(Math.random() * Math.min(THINK_MS, 2_000));
  while (performance.now() < deadline) {
    const operation = next();
    const begun = performance.now();
    let error: string | null = null;
    try {
      const response = await postJson(`${api}/graphql`, JSON.stringify({ query: operation.query, variables: operation.variables }), headers);
      const body = JSON.parse(response.text) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
      if (response.status !== 200 || body.errors?.length) error = `${operation.name}: ${response.status} ${body.errors?.map((entry) => `${entry.extensions?.code}: ${entry.message}`).join('; ')}`;
      else acknowledged?.(operation, body.data);
    } catch (cause) {
      error = `${operation.name}: ${cause instanceof Error ? cause.message : String(cause)}`;
    }
    samples.push({ operation: operation.name, at: begun - started, ms: performance.now() - begun, error });
    if (THINK_MS > 0) await sleep(Math.random() * THINK_MS);
  }
}

// ---------------------------------------------------------------------------------------------
// Verification and the report

async function verify(url: string, ledgers: Ledger[]): Promise<{ acknowledged: number; present: number; missing: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const missing: string[] = [];
  let acknowledged = 0;
  try {
    for (const ledger of ledgers) {
      for (const [key, expected] of ledger.observations) {
        acknowledged += 1;
        const { rows } = await client.query(
          `SELECT o.value FROM observation o JOIN indicator i ON i.id = o.indicator_id JOIN region r ON r.id = o.region_id
           WHERE i.code = $1 AND r.code = $2 AND o.period_start = $3 AND o.core_value_id IS NULL`,
          [expected.indicatorCode, expected.regionCode, expected.periodStart],
        );
        if (rows.length !== 1 || Math.abs(Number(rows[0].value) - expected.value) > 1e-9) missing.push(`observation ${key}: acknowledged ${expected.value}, stored ${rows.map((row) => row.value).join(', ') || 'nothing'}`);
      }
      for (const [key, expected] of ledger.attendance) {
        acknowledged += 1;
        const { rows } = await client.query('SELECT a.participants FROM attendance a JOIN region r ON r.id = a.region_id WHERE a.session_id = $1 AND r.code = $2', [Number(expected.sessionId), expected.regionCode]);
        if (rows.length !== 1 || rows[0].participants !== expected.participants) missing.push(`attendance ${key}: acknowledged ${expected.participants}, stored ${rows.map((row) => row.participants).join(', ') || 'nothing'}`);
      }
    }
  } finally {
    await client.end();
  }
  return { acknowledged, present: acknowledged - missing.length, missing };
}

function report(samples: Sample[], rss: { at: number; kb: number }[], verification: Awaited<ReturnType<typeof verify>> & { writes: number }): void {
  const minutes = Math.ceil(SECONDS / 60);
  const rows = Array.from({ length: minutes }, (_, minute) => {
    const own = samples.filter((sample) => Math.floor(sample.at / 60_000) === minute);
    const times = own.map((sample) => sample.ms).sort((a, b) => a - b);
    const memory = rss.filter((sample) => sample.at <= (minute + 1) * 60_000 + 2_500 && sample.at > minute * 60_000);
    const full = (minute + 1) * 60 <= SECONDS;
    return {
      minute: `${minute + 1}${full ? '' : ' (part)'}`, full, requests: own.length, 'req/s': (own.length / Math.min(60, SECONDS - minute * 60)).toFixed(1), errors: own.filter((sample) => sample.error).length,
      'p50 ms': Math.round(percentile(times, 0.5)), 'p95 ms': Math.round(percentile(times, 0.95)), 'max ms': Math.round(times.at(-1) ?? 0),
      'RSS MB': Math.round((memory.at(-1)?.kb ?? 0) / 1024), 'peak RSS MB': Math.round(Math.max(0, ...memory.map((sample) => sample.kb)) / 1024),
    };
  });
  console.log(`\nSoak: ${CLIENTS} clients for ${SECONDS} s, per minute (RSS: the API process, sampled every 5 s)`);
  console.table(rows.map(({ full: _full, ...row }) => row));
  const errors = samples.filter((sample) => sample.error);
  const kinds = new Map<string, number>();
  for (const sample of errors) kinds.set(sample.error!.slice(0, 160), (kinds.get(sample.error!.slice(0, 160)) ?? 0) + 1);
  for (const [kind, count] of [...kinds].slice(0, 10)) console.log(`  error ×${count}: ${kind}`);
  console.log('By operation, over the whole run');
  console.table(Object.fromEntries([...new Set(samples.map((sample) => sample.operation))].map((operation) => {
    const times = samples.filter((sample) => sample.operation === operation).map((sample) => sample.ms).sort((a, b) => a - b);
    return [operation, { requests: times.length, errors: samples.filter((sample) => sample.operation === operation && sample.error).length, 'p50 ms': Math.round(percentile(times, 0.5)), 'p95 ms': Math.round(percentile(times, 0.95)) }];
  })));
  console.log(`Requests: ${samples.length}, errors: ${errors.length}; writes acknowledged: ${verification.writes}, to ${verification.acknowledged} keys, whose last acknowledged value is stored for ${verification.present}`);
  for (const line of verification.missing.slice(0, 10)) console.log(`  lost: ${line}`);

  const fullRows = rows.filter((row) => row.full);
  const first = fullRows[0];
  const last = fullRows.at(-1);
  if (!first || !last) {
    console.log('Verdict: no full minute to compare; run with SOAK_SECONDS of 120 or more');
  } else {
    const p95Flat = last['p95 ms'] <= Math.max(first['p95 ms'] * P95_TOLERANCE, first['p95 ms'] + 50);
    const rssFlat = last['RSS MB'] <= Math.max(first['RSS MB'] * (1 + RSS_TOLERANCE), first['RSS MB'] + 64);
    console.log(
      `Verdict: p95 ${p95Flat ? 'flat' : 'NOT flat'} (minute ${last.minute} ${last['p95 ms']} ms against minute 1 ${first['p95 ms']} ms; flat within ×${P95_TOLERANCE} or +50 ms), ` +
      `memory ${rssFlat ? 'flat' : 'NOT flat'} (${last['RSS MB']} MB against ${first['RSS MB']} MB; flat within +${RSS_TOLERANCE * 100} % or +64 MB), ` +
      `${errors.length === 0 ? 'no errors' : `${errors.length} ERRORS`}, ${verification.missing.length === 0 ? 'every acknowledged write present' : `${verification.missing.length} WRITES LOST`}`,
    );
  }
  if (errors.length > 0 || verification.missing.length > 0) process.exitCode = 1;
}

// ---------------------------------------------------------------------------------------------
// Plumbing

function currentPeriodStart(type: 'MONTH' | 'QUARTER' | 'YEAR'): string {
  const today = new Date().toISOString().slice(0, 10);
  const month = Number(today.slice(5, 7));
  const first = type === 'MONTH' ? month : type === 'QUARTER' ? month - ((month - 1) % 3) : 1;
  return `${today.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
}

function residentKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

async function graphql(api: string, headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}): Promise<unknown> {
  const response = await fetch(`${api}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`${query.slice(0, 60)}: ${body.errors.map((error) => error.message).join('; ')}`);
  return body.data;
}

async function signIn(api: string, email: string): Promise<string> {
  const response = await fetch(`${api}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { user { email } } }', variables: { email, password: DEMO_PASSWORD } }),
  });
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith('berakhlak_session='));
  if (!cookie) throw new Error(`could not sign in as ${email}: ${await response.text()}`);
  return cookie.split(';')[0]!;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

await main();
