import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatasetName } from '@berakhlak/db';

/** Every setting of the start command, from the environment; documented in the README. */
export interface Settings {
  databaseUrl: string | undefined;
  dataDir: string;
  postgresPort: number;
  host: string;
  apiPort: number;
  webPort: number;
  /** Off where the dashboard runs as its own service (docker-compose). */
  serveWeb: boolean;
  dataset: DatasetName | null;
  seed: number | undefined;
  webEntry: string;
  /** Origins whose pages may send mutations besides the API's own: the dashboard's by default. */
  allowedOrigins: string[];
  /** Days after a period's end when it locks for reporting. */
  periodLockDays: number;
  /** Which peers' X-Forwarded-For the API believes: Express's `trust proxy` setting. */
  trustProxy: string;
  /** The largest file and the most rows one import takes. */
  importMaxBytes: number;
  importMaxRows: number;
  /** The longest one statement of a request may run; 0 for no limit. */
  statementTimeoutMs: number;
  /** Requests a minute per token or session, and per address without a valid credential; 0 turns one off. */
  rateLimits: { perCredential: number; perAddress: number };
  /** On SIGTERM: how long readiness says no while requests are still served, then how long requests in flight may take. */
  shutdownDelayMs: number;
  shutdownGraceMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  logFormat: 'json' | 'text';
  /** Memory for answers kept until data changes; 0 computes every answer. */
  responseCacheBytes: number;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, '.data')),
    postgresPort: port(env, 'PG_PORT', 54320),
    host: env.HOST ?? '127.0.0.1',
    apiPort: port(env, 'API_PORT', 4000),
    webPort: port(env, 'WEB_PORT', 3000),
    serveWeb: env.SERVE_WEB !== 'false',
    dataset: dataset(env.DEMO_DATA ?? 'demo'),
    seed: env.DEMO_SEED ? integer('DEMO_SEED', env.DEMO_SEED) : undefined,
    webEntry: path.join(repoRoot, 'web', 'build', 'index.js'),
    allowedOrigins: env.ALLOWED_ORIGINS ? env.ALLOWED_ORIGINS.split(',').map((origin) => origin.trim()) : [`http://${env.HOST ?? '127.0.0.1'}:${port(env, 'WEB_PORT', 3000)}`],
    periodLockDays: env.PERIOD_LOCK_DAYS ? integer('PERIOD_LOCK_DAYS', env.PERIOD_LOCK_DAYS) : 30,
    trustProxy: env.TRUST_PROXY ?? 'loopback',
    importMaxBytes: (env.IMPORT_MAX_MB ? integer('IMPORT_MAX_MB', env.IMPORT_MAX_MB) : 256) * 1024 * 1024,
    importMaxRows: env.IMPORT_MAX_ROWS ? integer('IMPORT_MAX_ROWS', env.IMPORT_MAX_ROWS) : 2_000_000,
    statementTimeoutMs: whole(env, 'STATEMENT_TIMEOUT_SECONDS', 30) * 1000,
    rateLimits: { perCredential: whole(env, 'RATE_LIMIT_TOKEN_PER_MINUTE', 6000), perAddress: whole(env, 'RATE_LIMIT_ADDRESS_PER_MINUTE', 600) },
    shutdownDelayMs: whole(env, 'SHUTDOWN_DELAY_SECONDS', 0) * 1000,
    shutdownGraceMs: whole(env, 'SHUTDOWN_GRACE_SECONDS', 10) * 1000,
    logLevel: oneOf(env, 'LOG_LEVEL', ['info', 'debug', 'warn', 'error'] as const),
    logFormat: oneOf(env, 'LOG_FORMAT', ['json', 'text'] as const),
    responseCacheBytes: whole(env, 'RESPONSE_CACHE_MB', 64) * 1024 * 1024,
  };
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  return value === undefined || value === '' ? fallback : integer(name, value);
}

/** The first choice is the default. */
function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, choices: readonly [T, ...T[]]): T {
  const value = env[name];
  if (value === undefined || value === '') return choices[0];
  if (!(choices as readonly string[]).includes(value)) throw new Error(`${name} must be one of ${choices.join(', ')}, not ${value}`);
  return value as T;
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = integer(name, value);
  if (parsed < 0 || parsed > 65535) throw new Error(`${name} must be a port number from 0 to 65535, not ${value}`);
  return parsed;
}

function integer(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number, not ${value}`);
  return Number(value);
}

function dataset(value: string): DatasetName | null {
  if (value === 'none') return null;
  if (value === 'demo' || value === 'national') return value;
  throw new Error(`DEMO_DATA must be demo, national or none, not ${value}`);
}
