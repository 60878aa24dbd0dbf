import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createDatabaseIfMissing, startEmbedded, withDatabase } from '@berakhlak/db';
import pg from 'pg';
import { bootstrapDatabase } from '../database/bootstrap.js';
import { openOrm } from '../database/orm.js';
import type { ImportResult } from '../ingest/import-result.js';

/**
 * The import rate: BENCH_IMPORT_ROWS (1,000,000) attendance rows for the demo data's sessions,
 * imported through the command line twice (the second time changes nothing), in a process of its
 * own so its peak memory is the importer's alone.
 */
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const cli = fileURLToPath(new URL('../ingest/import-cli.js', import.meta.url));

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'berakhlak-bench-import-'));
  const cluster = await startEmbedded({ dataDir, port: 54398, database: 'postgres' });
  try {
    const url = withDatabase(cluster.url, 'bench_import');
    await createDatabaseIfMissing(cluster.url, 'bench_import');
    const orm = await openOrm(url);
    await bootstrapDatabase(orm, url, { dataset: 'demo', log: () => {} });
    await orm.close();
    const file = path.join(dataDir, 'attendance.csv');
    await writeAttendance(url, file, ROWS);
    const size = (await stat(file)).size;
    const runs = [];
    for (const run of ['first import', 'same file again']) {
      const started = performance.now();
      const { result, seconds, peakMemoryMb } = await importFile(url, file);
      const wall = (performance.now() - started) / 1000;
      const [count] = result.counts;
      runs.push({
        run, rows: result.rows, status: result.status, 'import s': seconds.toFixed(1), 'command s': wall.toFixed(1), 'rows/s': Math.round(result.rows / seconds),
        'peak MB': peakMemoryMb, inserted: count?.inserted, updated: count?.updated, unchanged: count?.unchanged,
      });
    }
    console.log(`\nImport of ${ROWS.toLocaleString('en')} attendance rows (${(size / 1048576).toFixed(1)} MB CSV) through pnpm run import (import s: the engine; command s: the whole process); target under 60 s and 300 MB`);
    console.table(runs);
  } finally {
    await cluster.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Every region for each held session that has begun, until the rows are enough; a few participants each. */
async function writeAttendance(url: string, file: string, rows: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const sessions = (await client.query(`SELECT e.code, s.number FROM session s JOIN event e ON e.id = s.event_id
    WHERE e.status = 'HELD' AND s.starts_at < now() ORDER BY s.id`)).rows as { code: string; number: number }[];
  const regions = (await client.query('SELECT code, headcount FROM region ORDER BY code')).rows as { code: string; headcount: number }[];
  await client.end();
  if (sessions.length * regions.length < rows) throw new Error(`the demo data holds only ${sessions.length * regions.length} session-region pairs`);
  const out = createWriteStream(file);
  out.write('event_code,session_number,region_code,participants\n');
  let written = 0;
  for (const session of sessions) {
    let chunk = '';
    for (const region of regions) {
      if (written === rows) break;
      chunk += `${session.code},${session.number},${region.code},${Math.min(region.headcount, (written * 7) % 250)}\n`;
      written += 1;
    }
    if (!out.write(chunk)) await once(out, 'drain');
    if (written === rows) break;
  }
  out.end();
  await once(out, 'finish');
}

async function importFile(url: string, file: string): Promise<{ result: ImportResult; seconds: number; peakMemoryMb: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, [cli, 'attendance', file, '--as', 'admin@berakhlak.example', '--json'], {
    env: { ...process.env, DATABASE_URL: url },
    maxBuffer: 16 * 1024 * 1024,
  });
  const answer = JSON.parse(stdout.trim().split('\n').pop()!) as ImportResult & { seconds: number; peakMemoryMb: number };
  return { result: answer, seconds: answer.seconds, peakMemoryMb: answer.peakMemoryMb };
}

await main();
