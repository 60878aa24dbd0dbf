import 'reflect-metadata';
import { readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbedded } from '@berakhlak/db';
import { MikroORM } from '@mikro-orm/postgresql';
import { migrate, ormOptions } from './orm.js';

/**
 * Developer command: diffs the entities against a fresh database migrated to the last
 * committed migration and writes the difference as a new migration in db/src/migrations.
 */
const migrationsDir = fileURLToPath(new URL('../../../db/src/migrations/', import.meta.url));

async function main(): Promise<void> {
  const database = await startEmbedded({ dataDir: path.join(tmpdir(), `berakhlak-migration-${process.pid}`), port: 54329, database: 'migration', fast: true });
  const orm = await MikroORM.init(ormOptions(database.url, {}));
  try {
    await migrate(orm);
    const migrator = orm.getMigrator();
    (orm.config.get('migrations') as { path?: string; emit?: string }).path = migrationsDir;
    (orm.config.get('migrations') as { path?: string; emit?: string }).emit = 'ts';
    const result = await migrator.createMigration(migrationsDir, false, false, process.argv[2]);
    console.log(result.fileName ? `written ${result.fileName}` : 'no schema change to migrate');
    await writeIndex();
  } finally {
    await orm.close();
    await database.stop();
  }
}

/** The migrations are listed in code, so the compiled server needs no file discovery at run time. */
async function writeIndex(): Promise<void> {
  const files = (await readdir(migrationsDir)).filter((file) => /^Migration\d+.*\.ts$/.test(file)).sort();
  const names = files.map((file) => file.replace(/\.ts$/, ''));
  const imports = names.map((name) => `import { ${className(name)} } from './${name}.js';`).join('\n');
  const list = names.map((name) => `  { name: '${name}', class: ${className(name)} },`).join('\n');
  await writeFile(path.join(migrationsDir, 'index.ts'), `${imports}\n\nexport const migrations = [\n${list}\n];\n`);
}

function className(fileName: string): string {
  return fileName.replace(/[^A-Za-z0-9_]/g, '_');
}

await main();
