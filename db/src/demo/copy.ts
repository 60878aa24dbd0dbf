import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';

export type CopyValue = string | number | boolean | null;

/** One value in COPY's text format: `\N` for null, backslash escapes for tab, line breaks and backslash. */
export function encodeCopyValue(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** Streams rows into a table through COPY, batching lines so memory stays flat whatever the row count. */
export async function copyRows(client: pg.ClientBase, table: string, columns: string[], rows: Iterable<CopyValue[]>): Promise<number> {
  let count = 0;
  function* chunks(): Generator<string> {
    let buffer = '';
    for (const row of rows) {
      buffer += `${row.map(encodeCopyValue).join('\t')}\n`;
      count += 1;
      if (buffer.length > 1 << 16) {
        yield buffer;
        buffer = '';
      }
    }
    if (buffer) yield buffer;
  }
  const target = client.query(copyStreams.from(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(chunks()), target);
  return count;
}
