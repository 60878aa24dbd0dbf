import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readdir, readlink, realpath } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../support/product.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const mainJs = path.join(repoRoot, 'server/dist/main.js');

export const ADMIN = { email: 'admin@faults.example', password: 'fault-suite-password' };

/** The API's own connections are named so (application_name), which lets a test find them in pg_stat_activity. */
export const API_APPLICATION = 'berakhlak-api';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  running(): boolean;
}

/** The built start command, API only, on the given database: what a deployment runs. */
export async function startServer(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [mainJs], {
    env: {
      ...process.env, DATABASE_URL: databaseUrl, DEMO_DATA: 'none', SERVE_WEB: 'false', API_PORT: String(port),
      // Periods of the last years stay open for writing, whatever the day the suite runs.
      PERIOD_LOCK_DAYS: '1000', SHUTDOWN_GRACE_SECONDS: '10', ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => /press Ctrl-C/i.test(output) && (clearInterval(timer), resolve()), 50);
    void exited.then(({ code }) => (clearInterval(timer), reject(new Error(`the server exited with ${code} before it was ready:\n${output}`))));
  });
  return { url: `http://127.0.0.1:${port}`, child, output: () => output, exited, running: () => child.exitCode === null && child.signalCode === null };
}

/** The built start command as the README runs it, with its own embedded PostgreSQL in `dataDir`; API only. */
export async function startServerWithEmbeddedDatabase(dataDir: string, pgPort: number): Promise<ServerProcess> {
  // An empty DATABASE_URL counts as none.
  return startServer('', { DATA_DIR: dataDir, PG_PORT: String(pgPort) });
}

/** Processes working in `dir` (Linux): PostgreSQL's postmaster and every process it started run in their cluster's folder. */
export async function processesIn(dir: string): Promise<number[]> {
  const target = await realpath(dir);
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const cwds = await Promise.all(pids.map((pid) => readlink(`/proc/${pid}/cwd`).catch(() => null)));
  return pids.filter((_, at) => cwds[at] === target).map(Number);
}

/** Creates the administrator the suite signs in as, through the product's own command. */
export async function createAdmin(databaseUrl: string): Promise<void> {
  await promisify(execFile)(process.execPath, [path.join(repoRoot, 'server/dist/auth/create-admin.js'), ADMIN.email, 'Fault Suite'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, ADMIN_PASSWORD: ADMIN.password },
  });
}

export async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { user { email } } }', variables: ADMIN }),
  });
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith('berakhlak_session='));
  if (!cookie) throw new Error(`could not sign in: ${await response.text()}`);
  return cookie.split(';')[0]!;
}

export interface Answer {
  started: number;
  ms: number;
  /** 0 when no HTTP answer came (refused connection, timeout). */
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
  retryAfter: string | null;
  failure?: string;
}

/** One GraphQL request; a request that takes longer than `timeoutMs` counts as hung. */
export async function ask(url: string, query: string, variables: Record<string, unknown> = {}, cookie?: string, timeoutMs = 10_000): Promise<Answer> {
  const started = Date.now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json()) as Answer['body'];
    return { started, ms: Date.now() - started, status: response.status, body, retryAfter: response.headers.get('retry-after') };
  } catch (error) {
    return { started, ms: Date.now() - started, status: 0, body: null, retryAfter: null, failure: String((error as Error).cause ?? error) };
  }
}

export const succeeded = (answer: Answer) => answer.status === 200 && !answer.body?.errors && answer.body?.data != null;

/** The clear, retryable refusal the API owes its callers while the database is away. */
export const retryableRefusal = (answer: Answer) =>
  answer.status === 503 && answer.retryAfter !== null && answer.body?.errors?.[0]?.extensions?.code === 'SERVICE_UNAVAILABLE' && answer.body.errors[0].extensions.retryable === true;

export async function readiness(url: string): Promise<{ status: number; body: unknown } | null> {
  try {
    const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(5000) });
    return { status: response.status, body: await response.json() };
  } catch {
    return null;
  }
}

/** Polls until the condition holds; the time it took, or an error after `timeoutMs`. */
export async function waitFor(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 10_000, everyMs = 25): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await sleep(everyMs);
  }
  return Date.now() - started;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A request whose body is sent piece by piece, to be cut off or finished at a moment of the test's choosing. */
export function openUpload(url: string, pathAndQuery: string, headers: Record<string, string>) {
  const request = http.request(`${url}${pathAndQuery}`, { method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('response', (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
  });
  answer.catch(() => {});
  return { request, answer };
}

/** The API's sessions in PostgreSQL: what each is doing, and whether it waits on a lock. */
export async function apiBackends(sql: pg.Pool): Promise<{ pid: number; state: string | null; wait: string | null; query: string }[]> {
  const { rows } = await sql.query(
    'SELECT pid, state, wait_event_type AS wait, query FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()',
    [API_APPLICATION],
  );
  return rows;
}

/** Holds a row lock on one observation until released: a write that touches the row waits there, mid-transaction. */
export async function lockObservation(sql: pg.Pool, where: { indicator: string; region: string; period: string }): Promise<{ release(): Promise<void> }> {
  const client = await sql.connect();
  await client.query('BEGIN');
  const { rowCount } = await client.query(
    `SELECT o.id FROM observation o JOIN indicator i ON i.id = o.indicator_id JOIN region r ON r.id = o.region_id
     WHERE i.code = $1 AND r.code = $2 AND o.period_start = $3 FOR UPDATE OF o`,
    [where.indicator, where.region, where.period],
  );
  if (rowCount !== 1) throw new Error(`no observation to lock for ${JSON.stringify(where)}`);
  return {
    release: async () => {
      await client.query('ROLLBACK');
      client.release();
    },
  };
}

export { freePort };
