import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabaseIfMissing, type DatasetName, startEmbedded, withDatabase } from '@berakhlak/db';
import pg from 'pg';
import { bootstrapDatabase } from '../database/bootstrap.js';
import { openOrm } from '../database/orm.js';

/**
 * `pnpm bench`: loads each data size (BENCH_SIZES, the demo one unless told) into a fresh database of a
 * throw-away embedded cluster and prints the time, the rows and the size on disk. The national size is
 * loaded once into the query benchmark's own cluster (`queries.ts`), which reports its load time then.
 */
const sizes = (process.env.BENCH_SIZES ?? 'demo').split(',') as DatasetName[];

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'berakhlak-bench-'));
  const cluster = await startEmbedded({ dataDir, port: 54399, database: 'postgres' });
  const results: Record<string, string | number>[] = [];
  try {
    for (const size of sizes) {
      const url = withDatabase(cluster.url, `bench_${size}`);
      await createDatabaseIfMissing(cluster.url, `bench_${size}`);
      const orm = await openOrm(url);
      const started = process.hrtime.bigint();
      let counts = '';
      await bootstrapDatabase(orm, url, { dataset: size, log: (message) => (counts = message) });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      await orm.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query('SELECT pg_size_pretty(pg_database_size(current_database())) AS size');
      await client.end();
      results.push({ size, seconds: seconds.toFixed(1), database: rows[0].size, rows: counts.replace(/^.*: /, '') });
      console.log(`${size}: ${seconds.toFixed(1)} s`);
    }
  } finally {
    await cluster.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  console.log('\nData set load (migrations, reference data, generated data through COPY, ANALYZE)');
  console.table(results);
}

await main();
