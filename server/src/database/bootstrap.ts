import { type DatasetName, DEFAULT_SEED, loadDemoData, loadReferenceDataOnce } from '@berakhlak/db';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { ensureDemoUsers } from '../auth/demo-users.js';
import { migrate } from './orm.js';

export interface BootstrapOptions {
  /** Generated data set to load on the first start; none outside demo mode. */
  dataset: DatasetName | null;
  seed?: number;
  log?: (message: string) => void;
}

/** Brings a database to the current schema, and loads reference and demo data (with its demo accounts) once. */
export async function bootstrapDatabase(orm: MikroORM, url: string, options: BootstrapOptions): Promise<void> {
  const log = options.log ?? (() => {});
  let started = Date.now();
  await migrate(orm);
  log(`schema migrated in ${Date.now() - started} ms`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    started = Date.now();
    const loaded = await loadReferenceDataOnce(client);
    log(loaded ? `reference data loaded in ${Date.now() - started} ms` : 'reference data already loaded');
    if (!options.dataset) return;
    started = Date.now();
    const result = await loadDemoData(client, options.dataset, options.seed ?? DEFAULT_SEED);
    if (result.loaded) {
      await client.query('ANALYZE');
      log(`${result.dataset} data (seed ${result.seed}) loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(result.counts)}`);
    } else {
      log(`${result.dataset} data already loaded (seed ${result.seed})`);
    }
    await ensureDemoUsers(orm.em.fork());
  } finally {
    await client.end();
  }
}
