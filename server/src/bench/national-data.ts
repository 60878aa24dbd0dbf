import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DatabaseHandle, openDatabase } from '@berakhlak/db';
import pg from 'pg';
import { bootstrapDatabase } from '../database/bootstrap.js';
import { openOrm } from '../database/orm.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface BenchDatabase {
  url: string;
  /** Seconds spent loading the data set; null when an earlier run's was reused. */
  loadSeconds: number | null;
  database: DatabaseHandle;
}

/**
 * The `national` data set in an embedded cluster kept between runs (BENCH_DATA_DIR, `.data/bench`),
 * loaded on the first run only: later runs apply new migrations and reuse it.
 */
export async function nationalDatabase(log: (message: string) => void): Promise<BenchDatabase> {
  const dataDir = path.resolve(process.env.BENCH_DATA_DIR ?? path.join(repoRoot, '.data', 'bench'));
  const database = await openDatabase({ dataDir, port: Number(process.env.BENCH_PG_PORT ?? 54397), database: 'berakhlak' }, process.env.BENCH_DATABASE_URL);
  const loaded = await alreadyLoaded(database.url);
  const orm = await openOrm(database.url);
  const started = performance.now();
  if (!loaded) log(`loading the national data set into ${dataDir} (once; later runs reuse it)`);
  await bootstrapDatabase(orm, database.url, { dataset: 'national', log });
  await orm.close();
  return { url: database.url, loadSeconds: loaded ? null : (performance.now() - started) / 1000, database };
}

async function alreadyLoaded(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT to_regclass('dataset_load') IS NOT NULL AS present");
    if (!rows[0].present) return false;
    return (await client.query("SELECT 1 FROM dataset_load WHERE name = 'national'")).rowCount === 1;
  } finally {
    await client.end();
  }
}

export { repoRoot };
