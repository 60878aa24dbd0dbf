import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createDatabaseIfMissing, withDatabase } from '@berakhlak/db';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { inject } from 'vitest';
import { openOrm } from '../../src/database/orm.js';

export interface TestDatabase {
  url: string;
  name: string;
  sql: pg.Pool;
  orm(): Promise<MikroORM>;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file: a clone of the demo template, or empty.
 * Cloning takes a fraction of a second, so no test re-creates the schema.
 */
export async function testDatabase(from: 'demo' | 'empty' = 'demo'): Promise<TestDatabase> {
  const clusterUrl = inject('clusterUrl');
  const name = `test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await createDatabaseIfMissing(clusterUrl, name, from === 'demo' ? 'template_demo' : 'template0');
  const url = withDatabase(clusterUrl, name);
  const sql = new pg.Pool({ connectionString: url, max: 4 });
  let orm: MikroORM | undefined;
  return {
    url,
    name,
    sql,
    orm: async () => (orm ??= await openOrm(url)),
    drop: async () => {
      await orm?.close();
      await sql.end();
      const admin = new pg.Client({ connectionString: withDatabase(clusterUrl, 'postgres') });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Runs a statement and returns the PostgreSQL error it raises, or null. */
export async function rejection(sql: pg.Pool, text: string, values: unknown[] = []): Promise<pg.DatabaseError | null> {
  try {
    await sql.query(text, values);
    return null;
  } catch (error) {
    if (error instanceof pg.DatabaseError) return error;
    throw error;
  }
}
