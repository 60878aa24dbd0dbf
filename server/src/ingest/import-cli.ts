import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { attachDatabase } from '@berakhlak/db';
import { scopeOf } from '../auth/authenticate.js';
import { Role } from '../auth/role.js';
import type { Viewer } from '../auth/viewer.js';
import { readSettings } from '../config.js';
import { bootstrapDatabase } from '../database/bootstrap.js';
import { openOrm } from '../database/orm.js';
import { leaseConnection } from './connection-lease.js';
import { isImportKind } from './import-kinds.js';
import { ImportRefusal, type ImportResult } from './import-result.js';
import { defaultImportLimits, runImport } from './import.service.js';

const USAGE = 'usage: pnpm run import <observations|attendance|events|milestones> <file.csv|file.json> --as <email> [--dry-run] [--json]';

/**
 * The command-line door of the importer: the same engine as the upload page and the HTTP endpoint,
 * run as a named user (their role, scope and name in the audit log), on the product's database,
 * whether or not the product is running.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { as: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, format: { type: 'string' } },
  });
  const [kind, file] = positionals;
  if (!kind || !file || !values.as || positionals.length > 2) throw new Error(USAGE);
  if (!isImportKind(kind)) throw new Error(`no import of ${kind}; ${USAGE}`);
  const format = values.format ?? (file.toLowerCase().endsWith('.json') ? 'json' : 'csv');
  if (format !== 'csv' && format !== 'json') throw new Error(`--format is csv or json, not ${format}`);

  const settings = readSettings();
  const database = await attachDatabase({ dataDir: settings.dataDir, port: settings.postgresPort, database: 'berakhlak' }, settings.databaseUrl);
  const orm = await openOrm(database.url);
  try {
    await bootstrapDatabase(orm, database.url, { dataset: null });
    const viewer = await importer(orm.em.fork(), values.as);
    const started = performance.now();
    const result = await runImport(() => leaseConnection(orm), viewer, {
      kind, format, source: createReadStream(file), dryRun: values['dry-run'], fileName: file.split('/').pop() ?? file,
    }, { limits: { ...defaultImportLimits, maxBytes: settings.importMaxBytes, maxRows: settings.importMaxRows }, lockDays: settings.periodLockDays });
    const seconds = (performance.now() - started) / 1000;
    console.log(values.json ? JSON.stringify({ ...result, seconds, peakMemoryMb: peakMemoryMb() }) : describe(result, seconds));
    if (result.status === 'INVALID') process.exitCode = 1;
  } finally {
    await orm.close();
    await database.stop();
  }
}

async function importer(em: ReturnType<Awaited<ReturnType<typeof openOrm>>['em']['fork']>, email: string): Promise<Viewer> {
  const rows: { id: number; email: string; name: string; role: Role; region_id: number | null }[] = await em.getConnection().execute(
    'SELECT id, email, name, role, region_id FROM app_user WHERE email = ? AND active',
    [email.toLowerCase()],
  );
  const user = rows[0];
  if (!user) throw new Error(`no active user has email ${email}; create one with pnpm admin:create`);
  return { userId: user.id, email: user.email, name: user.name, role: user.role, scope: await scopeOf(em, user.region_id), tokenId: null };
}

function describe(result: ImportResult, seconds: number): string {
  const lines = [`${result.kind}: ${result.rows.toLocaleString('en')} rows read, ${result.status} in ${seconds.toFixed(1)} s (${Math.round(result.rows / seconds).toLocaleString('en')} rows/s, peak memory ${peakMemoryMb()} MB)`];
  for (const count of result.counts) lines.push(`  ${count.entity}: ${count.inserted} inserted, ${count.updated} updated, ${count.unchanged} unchanged`);
  const list = (title: string, items: ImportResult['problems'], total: number) => {
    if (total === 0) return;
    lines.push(`${title} (${total}${total > items.length ? `, the first ${items.length} shown` : ''}):`);
    for (const item of items) lines.push(`  row ${item.row}${item.column ? `, ${item.column}` : ''}: ${item.reason}`);
  };
  list('warnings', result.warnings, result.warningCount);
  list('problems, so nothing was written', result.problems, result.problemCount);
  return lines.join('\n');
}

const peakMemoryMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

main().catch((error) => {
  const message = error instanceof ImportRefusal ? `the file was refused (${error.code}): ${error.message}` : error instanceof Error ? error.message : String(error);
  console.error(`[berakhlak] ${message}`);
  process.exitCode = 1;
});
