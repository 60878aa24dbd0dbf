import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/database/orm.js';
import { buildApiSchema } from '../src/schema/build.js';
import { printApiSchema } from '../src/schema/printed.js';
import { type TestDatabase, testDatabase } from './support/database.js';

describe('database schema', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await testDatabase('empty');
  });
  afterAll(() => db.drop());

  it('applies every migration to an empty database', async () => {
    const orm = await db.orm();
    await migrate(orm);
    const applied = await db.sql.query('SELECT name FROM schema_migration ORDER BY name');
    expect(applied.rows.map((row) => row.name)).toEqual((await orm.getMigrator().getExecutedMigrations()).map((row) => row.name));
    const tables = await db.sql.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
    expect(tables.rows.map((row) => row.table_name)).toEqual(expect.arrayContaining([
      'attendance', 'behaviour', 'core_value', 'event', 'event_core_value', 'indicator', 'milestone', 'observation',
      'program', 'region', 'region_milestone', 'session', 'speaker', 'target',
    ]));
  });

  it('leaves nothing for a new migration: the entities and the committed migrations agree', async () => {
    const orm = await db.orm();
    await migrate(orm);
    const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });
});

describe('GraphQL schema', () => {
  it('matches the committed server/schema.graphql (run `pnpm --filter @berakhlak/server schema:print` after a change)', async () => {
    const committed = await readFile(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(printApiSchema(await buildApiSchema())).toBe(committed);
  });

  it('describes every type and field', async () => {
    const schema = await buildApiSchema();
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Boolean', 'Float', 'ID'].includes(type.name)) continue;
      if (!type.description) undocumented.push(type.name);
      if ('getFields' in type) {
        for (const field of Object.values(type.getFields())) if (!field.description) undocumented.push(`${type.name}.${field.name}`);
      }
    }
    expect(undocumented).toEqual(['Query', 'Mutation']);
  });
});
