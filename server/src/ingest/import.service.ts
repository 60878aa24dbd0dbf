import { encodeCopyValue, papuaCrosswalk } from '@berakhlak/db';
import { once } from 'node:events';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { auditOn } from '../audit/audit.service.js';
import { forbidden } from '../auth/scope.js';
import { canReport, type Viewer } from '../auth/viewer.js';
import { today } from '../common/period.js';
import { importKinds, type ImportKindName } from './import-kinds.js';
import { type ImportCount, type ImportResult, ProblemList, type RowProblem } from './import-result.js';
import type { KindImporter } from './kind-importer.js';
import { attendanceImporter } from './kinds/attendance.import.js';
import { eventsImporter } from './kinds/events.import.js';
import { milestonesImporter } from './kinds/milestones.import.js';
import { observationsImporter } from './kinds/observations.import.js';
import { type FileRow, type ImportFormat, readRows, type ReadLimits } from './read-file.js';

const importers: Record<ImportKindName, KindImporter> = {
  observations: observationsImporter,
  attendance: attendanceImporter,
  events: eventsImporter,
  milestones: milestonesImporter,
};

export interface ImportLimits extends ReadLimits {
  /** Problems (and warnings) listed in a result; all are counted. */
  maxProblems: number;
}

export const defaultImportLimits: ImportLimits = { maxBytes: 256 * 1024 * 1024, maxRows: 2_000_000, maxProblems: 200 };

export interface ImportRequest {
  kind: ImportKindName;
  format: ImportFormat;
  /** The file's bytes as they arrive. */
  source: AsyncIterable<Buffer>;
  dryRun: boolean;
  /** Kept in the audit log. */
  fileName: string | null;
}

export interface ImportSettings {
  limits: ImportLimits;
  lockDays: number;
}

/** A pooled connection, taken for the whole import and given back (or discarded when broken) after. */
export interface ConnectionLease {
  client: pg.ClientBase;
  release(broken: boolean): void;
}

/**
 * One engine behind the command, the upload page and the HTTP endpoint. The file streams through
 * COPY into a temporary table; every row is judged in SQL; a clean file is applied as upserts on
 * the natural keys, audited as one entry, in the same transaction. Any problem, a dry run, or a
 * broken upload rolls everything back.
 */
export async function runImport(connect: () => Promise<ConnectionLease>, viewer: Viewer, request: ImportRequest, settings: ImportSettings): Promise<ImportResult> {
  if (!canReport(viewer)) throw forbidden(`your role ${viewer.role} reads but does not report, so it cannot import`, 'kind');
  const lease = await connect();
  const { client } = lease;
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await judgeAndApply(client, viewer, request, settings);
    await client.query(result.status === 'APPLIED' ? 'COMMIT' : 'ROLLBACK');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => (broken = true));
    throw error;
  } finally {
    lease.release(broken);
  }
}

async function judgeAndApply(client: pg.ClientBase, viewer: Viewer, request: ImportRequest, settings: ImportSettings): Promise<ImportResult> {
  const importer = importers[request.kind];
  const kind = importKinds[request.kind];
  await prepareSession(client, viewer, settings, kind.columns.map((column) => column.name));
  const readProblems = new ProblemList(settings.limits.maxProblems);
  const rows = await copyRows(client, readRows(request.source, request.format, kind, settings.limits, (problem) => readProblems.add(problem)));
  await client.query('ANALYZE import_raw');
  await client.query(`CREATE TEMP TABLE import_rows ON COMMIT DROP AS ${importer.resolve}`);
  await client.query('ANALYZE import_rows');
  for (const statement of importer.prepare ?? []) await client.query(statement);
  const problems = await collect(client, 'import_problem', importer.problems, settings.limits.maxProblems);
  const warnings = importer.warnings ? await collect(client, 'import_warning', importer.warnings, settings.limits.maxProblems) : { first: [], count: 0 };
  const base = {
    kind: request.kind, rows: rows + readProblems.count, warnings: warnings.first, warningCount: warnings.count,
    problems: readProblems.first(problems.first), problemCount: readProblems.count + problems.count,
  };
  if (base.problemCount > 0) return { ...base, status: 'INVALID', counts: [] };
  const counts = await plan(client, importer.plan);
  if (request.dryRun) return { ...base, status: 'DRY_RUN', counts };
  for (const statement of importer.apply) await client.query(statement);
  await auditOn(client, viewer, [{
    action: `import.${request.kind}`, entity: 'import', entityKey: request.fileName ?? `${request.kind}.${request.format}`,
    regionId: viewer.scope.root?.id ?? null, before: null, after: { rows: base.rows, counts, warnings: warnings.count },
  }]);
  return { ...base, status: 'APPLIED', counts };
}

async function prepareSession(client: pg.ClientBase, viewer: Viewer, settings: ImportSettings, columns: string[]): Promise<void> {
  // Sorting a million rows for the duplicate checks fits in memory rather than spilling to disk.
  await client.query("SET LOCAL work_mem = '128MB'");
  // A runaway check must not hold its connection and locks indefinitely.
  await client.query("SET LOCAL statement_timeout = '5min'");
  await client.query(
    `CREATE TEMP TABLE import_context ON COMMIT DROP AS SELECT $1::int[] AS scope, $2::text AS scope_name, $3::date AS today, $4::int AS lock_days, $5::text AS reporter`,
    [viewer.scope.areaIds, viewer.scope.describe(), today(), settings.lockDays, viewer.email],
  );
  await client.query(
    'CREATE TEMP TABLE import_crosswalk ON COMMIT DROP AS SELECT * FROM unnest($1::text[], $2::text[]) AS c(old_code, new_code)',
    [[...papuaCrosswalk.keys()], [...papuaCrosswalk.values()]],
  );
  await client.query(`CREATE TEMP TABLE import_raw (row int NOT NULL, ${columns.map((name) => `${name} text`).join(', ')}) ON COMMIT DROP`);
}

/** Streams the rows into import_raw with COPY, waiting on the connection so a fast reader never runs ahead of the database. */
async function copyRows(client: pg.ClientBase, rows: AsyncIterable<FileRow>): Promise<number> {
  const copy = client.query(copyStreams.from('COPY import_raw FROM STDIN'));
  const finished = once(copy, 'finish');
  let count = 0;
  let buffer = '';
  try {
    for await (const row of rows) {
      buffer += `${row.row}\t${row.cells.map(encodeCopyValue).join('\t')}\n`;
      count += 1;
      if (buffer.length >= 1 << 16) {
        if (!copy.write(buffer)) await once(copy, 'drain');
        buffer = '';
      }
    }
    copy.end(buffer);
    await finished;
  } catch (error) {
    copy.destroy(error as Error);
    await finished.catch(() => {});
    throw error;
  }
  return count;
}

async function collect(client: pg.ClientBase, table: string, select: string, limit: number): Promise<{ first: RowProblem[]; count: number }> {
  await client.query(`CREATE TEMP TABLE ${table} ON COMMIT DROP AS ${select}`);
  const [first, total] = await Promise.all([
    // A reason quotes the cell; a cell of thousands of characters is cut short in the answer.
    client.query<{ row: number; col: string | null; reason: string }>(`SELECT row, col, left(reason, 400) AS reason FROM ${table} ORDER BY row, col LIMIT $1`, [limit]),
    client.query<{ count: string }>(`SELECT count(*) FROM ${table}`),
  ]);
  return { first: first.rows.map((problem) => ({ row: problem.row, column: problem.col, reason: problem.reason })), count: Number(total.rows[0]!.count) };
}

async function plan(client: pg.ClientBase, select: string): Promise<ImportCount[]> {
  const { rows } = await client.query<{ entity: string; inserted: string; updated: string; unchanged: string }>(select);
  return rows.map((row) => ({ entity: row.entity, inserted: Number(row.inserted), updated: Number(row.updated), unchanged: Number(row.unchanged) }));
}
