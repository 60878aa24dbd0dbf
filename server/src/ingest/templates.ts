import { importKinds, type ImportKindName } from './import-kinds.js';
import type { ImportFormat } from './read-file.js';

/** A file to fill in: the header and one example row, which a dry run accepts on the demo data. */
export function templateOf(kind: ImportKindName, format: ImportFormat): string {
  const { columns } = importKinds[kind];
  if (format === 'json') {
    const example = Object.fromEntries(columns.map((column) => [column.name, column.example === '' ? null : column.example]));
    return `${JSON.stringify([example], null, 2)}\n`;
  }
  return `${columns.map((column) => column.name).join(',')}\n${columns.map((column) => csvCell(column.example)).join(',')}\n`;
}

const csvCell = (value: string) => (/[",\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
