import { JSONParser } from '@streamparser/json';
import { CsvError, parse as parseCsv } from 'csv-parse';
import { Readable, pipeline } from 'node:stream';
import { isStorableText } from '../common/connection.js';
import type { ImportColumn, ImportKind } from './import-kinds.js';
import { ImportRefusal, type RowProblem } from './import-result.js';

export type ImportFormat = 'csv' | 'json';

/** A data row of the file: its row (CSV, counted as a spreadsheet does, the header being row 1) or position (JSON, from 1), and its cells in the kind's column order. */
export interface FileRow {
  row: number;
  cells: (string | null)[];
}

export interface ReadLimits {
  maxBytes: number;
  maxRows: number;
}

/** Problems found while reading, before any row reaches the database. */
export type ProblemSink = (problem: RowProblem) => void;

/**
 * Reads a file as it arrives, one row at a time, so memory stays flat whatever its size.
 * Refuses the whole file (too large, not UTF-8, unreadable header) by throwing ImportRefusal.
 */
export async function* readRows(source: AsyncIterable<Buffer>, format: ImportFormat, kind: ImportKind, limits: ReadLimits, problem: ProblemSink): AsyncGenerator<FileRow> {
  const text = decodeUtf8(limitBytes(source, limits.maxBytes));
  const rows = format === 'csv' ? csvRows(text, kind, problem) : jsonRows(text, kind, problem);
  let count = 0;
  for await (const row of rows) {
    count += 1;
    if (count > limits.maxRows) throw new ImportRefusal('TOO_MANY_ROWS', `the file has more than ${limits.maxRows.toLocaleString('en')} rows, the most one import takes; split it`);
    yield row;
  }
}

async function* limitBytes(source: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > maxBytes) throw new ImportRefusal('FILE_TOO_LARGE', `the file is larger than ${formatBytes(maxBytes)}, the most one import takes; split it`);
    yield chunk;
  }
}

async function* decodeUtf8(source: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  try {
    for await (const chunk of source) {
      const text = decoder.decode(chunk, { stream: true });
      offset += chunk.length;
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (error) {
    if (error instanceof TypeError) throw new ImportRefusal('NOT_UTF8', `the file is not UTF-8 text (a bad byte within the first ${formatBytes(offset + 65536)}); save it as “CSV UTF-8” or JSON`);
    throw error;
  }
}

async function* csvRows(text: AsyncGenerator<string>, kind: ImportKind, problem: ProblemSink): AsyncGenerator<FileRow> {
  const { head, rest } = await peekFirstLine(text);
  const parser = pipeline(
    Readable.from(prepend(head, rest)),
    parseCsv({ delimiter: sniffDelimiter(head), bom: true, relax_column_count: true, trim: true, max_record_size: MAX_ROW_CHARACTERS }),
    () => {},
  );
  let layout: Layout | null = null;
  // Rows are counted as spreadsheets count them: the header is row 1, a cell spanning lines is one row.
  let row = 0;
  let records = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      if (record.length === 1 && record[0] === '') continue;
      if (layout === null) {
        layout = headerLayout(record, kind);
        continue;
      }
      records += 1;
      if (record.length !== layout.width) {
        problem({ row, column: null, reason: `has ${record.length} cells; the header has ${layout.width}` });
        continue;
      }
      const cells = layout.indexes.map((index) => (index < 0 || record[index] === '' ? null : record[index]!));
      if (storable(cells, row, kind, problem)) yield { row, cells };
    }
  } catch (error) {
    const csv = error as { code?: string; lines?: number };
    if (csv.code === 'CSV_MAX_RECORD_SIZE') throw rowTooLong(row + 1);
    // Not every code of csv-parse starts with CSV_ (INVALID_OPENING_QUOTE does not).
    if (error instanceof CsvError) {
      throw new ImportRefusal('UNREADABLE_FILE', `the CSV cannot be read near line ${csv.lines ?? '?'}: ${(error as Error).message}`);
    }
    throw error;
  }
  if (layout === null || records === 0) throw new ImportRefusal('EMPTY_FILE', 'the file has no data rows: it needs a header line and at least one row');
}

interface Layout {
  width: number;
  /** For each of the kind's columns, its position in the file, or -1 when the file leaves it out. */
  indexes: number[];
}

function headerLayout(header: string[], kind: ImportKind): Layout {
  const names = header.map((name) => name.trim().toLowerCase());
  const known = new Set(kind.columns.map((column) => column.name));
  const unknown = names.filter((name) => !known.has(name));
  const missing = kind.columns.filter((column) => column.required && !names.includes(column.name)).map((column) => column.name);
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  const faults = [
    unknown.length > 0 ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map(quote).join(', ')}` : null,
    missing.length > 0 ? `missing column${missing.length > 1 ? 's' : ''} ${missing.map(quote).join(', ')}` : null,
    repeated.length > 0 ? `repeated column ${repeated.map(quote).join(', ')}` : null,
  ].filter((fault) => fault !== null);
  if (faults.length > 0) {
    throw new ImportRefusal('BAD_HEADER', `line 1, the header: ${faults.join('; ')}. The columns of ${kind.name} are ${columnList(kind.columns)}`);
  }
  return { width: header.length, indexes: kind.columns.map((column) => names.indexOf(column.name)) };
}

async function* jsonRows(text: AsyncGenerator<string>, kind: ImportKind, problem: ProblemSink): AsyncGenerator<FileRow> {
  const parser = new JSONParser({ paths: ['$.*'], keepStack: false });
  const found: unknown[] = [];
  let failure: Error | null = null;
  parser.onValue = ({ value }) => found.push(value);
  parser.onError = (error) => (failure = error);
  let started = false;
  let position = 0;
  // The parser holds a row until it ends: one endless row must not fill the memory.
  let sinceLastRow = 0;
  for await (const chunk of text) {
    if (!started && chunk.trim() !== '') {
      if (!chunk.trimStart().replace(/^\uFEFF/, '').startsWith('[')) throw new ImportRefusal('UNREADABLE_FILE', 'a JSON import is an array of objects, one per row: it must start with [');
      started = true;
    }
    parser.write(chunk.replace(/^\uFEFF/, ''));
    if (failure) throw new ImportRefusal('UNREADABLE_FILE', `the JSON cannot be read after row ${position}: ${(failure as Error).message}`);
    sinceLastRow = found.length > 0 ? 0 : sinceLastRow + chunk.length;
    if (sinceLastRow > MAX_ROW_CHARACTERS) throw rowTooLong(position + 1);
    for (const value of found.splice(0)) {
      position += 1;
      const row = jsonRow(value, position, kind, problem);
      if (row) yield row;
    }
  }
  if (position === 0) throw new ImportRefusal('EMPTY_FILE', 'the file has no rows: it needs an array with at least one row');
  if (!parser.isEnded) throw new ImportRefusal('UNREADABLE_FILE', `the JSON ends early, after row ${position}`);
}

function jsonRow(value: unknown, row: number, kind: ImportKind, problem: ProblemSink): FileRow | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problem({ row, column: null, reason: 'is not an object of column names and values' });
    return null;
  }
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !kind.columns.some((column) => column.name === key));
  if (unknown.length > 0) {
    problem({ row, column: unknown[0]!, reason: `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map(quote).join(', ')}; the fields of ${kind.name} are ${columnList(kind.columns)}` });
    return null;
  }
  const cells: (string | null)[] = [];
  for (const column of kind.columns) {
    const cell = jsonCell(record[column.name]);
    if (cell === undefined) {
      problem({ row, column: column.name, reason: 'must be text, a number, true or false, a list of texts, or null' });
      return null;
    }
    cells.push(cell);
  }
  return storable(cells, row, kind, problem) ? { row, cells } : null;
}

/** Whether PostgreSQL can hold every cell; a NUL character (or, from JSON, half a surrogate pair) is a problem of its row, not a broken COPY. */
function storable(cells: (string | null)[], row: number, kind: ImportKind, problem: ProblemSink): boolean {
  const index = cells.findIndex((cell) => cell !== null && !isStorableText(cell));
  if (index < 0) return true;
  const nul = cells[index]!.includes('\u0000');
  problem({ row, column: kind.columns[index]!.name, reason: nul ? 'holds the NUL character (U+0000), which text cannot hold' : 'holds half of a UTF-16 surrogate pair, which is not text' });
  return false;
}

/** JSON cells become the text a CSV cell would hold; lists (speakers, core values) join with `|`. */
function jsonCell(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.length === 0 ? null : value.join('|');
  return undefined;
}

async function peekFirstLine(text: AsyncGenerator<string>): Promise<{ head: string; rest: AsyncGenerator<string> }> {
  let head = '';
  while (!head.includes('\n')) {
    const next = await text.next();
    if (next.done) break;
    head += next.value;
  }
  return { head, rest: text };
}

async function* prepend(head: string, rest: AsyncGenerator<string>): AsyncGenerator<string> {
  if (head) yield head;
  yield* rest;
}

/** Spreadsheets set to Indonesian export with semicolons (the comma being the decimal mark). */
function sniffDelimiter(head: string): ',' | ';' {
  const header = head.split('\n', 1)[0]!;
  return count(header, ';') > count(header, ',') ? ';' : ',';
}

/** The longest row read: far above any real row, far below what would strain the memory. */
const MAX_ROW_CHARACTERS = 64 * 1024;
const rowTooLong = (row: number) => new ImportRefusal('UNREADABLE_FILE', `row ${row} is longer than ${MAX_ROW_CHARACTERS / 1024} kB; is the file cut or its quotes unbalanced?`);

const count = (text: string, character: string) => text.split(character).length - 1;
const quote = (name: string) => `“${name}”`;
const columnList = (columns: readonly ImportColumn[]) => columns.map((column) => column.name + (column.required ? '' : ' (optional)')).join(', ');

function formatBytes(bytes: number): string {
  return bytes >= 1 << 20 ? `${Math.round(bytes / (1 << 20))} MB` : `${Math.round(bytes / 1024)} kB`;
}
