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
  };
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
