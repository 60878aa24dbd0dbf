import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../src/common/errors.js';
import { fieldCosts, MAX_COST, MAX_DEPTH } from '../src/http/limits.js';
import { importKinds } from '../src/ingest/import-kinds.js';
import type { RefusalCode } from '../src/ingest/import-result.js';

const doc = await readFile(new URL('../../docs/api.md', import.meta.url), 'utf8');
const importDoc = await readFile(new URL('../../docs/import.md', import.meta.url), 'utf8');

describe('docs/api.md', () => {
  it.each(Object.entries(fieldCosts))('documents the cost of %s', (field, { cost = 1, listSize }) => {
    const size = listSize === undefined ? '' : ` ${listSize}`;
    expect(doc).toContain(`| \`${field}\` | ${cost} |${size} |`);
  });

  it.each(Object.values(ErrorCode))('documents the error code %s', (code) => {
    expect(doc).toContain(`| \`${code}\` |`);
  });

  it('states the limits the server applies', () => {
    expect(doc).toContain(`| depth of fields (introspection excepted) | ${MAX_DEPTH} |`);
    expect(doc).toContain(`| query cost | ${MAX_COST.toLocaleString('en')} |`);
  });
});

describe('docs/import.md', () => {
  const columns = Object.values(importKinds).flatMap((kind) => kind.columns.map((column) => [kind.name, column.name, column] as const));

  it.each(columns)('documents the %s column %s as the importer reads it', (_kind, _name, column) => {
    expect(importDoc).toContain(`| \`${column.name}\` | ${column.required ? 'yes' : 'no'} | ${column.description.replace(/\|/g, '\\|')} |`);
  });

  const refusals: Record<RefusalCode, true> = {
    FILE_TOO_LARGE: true, TOO_MANY_ROWS: true, NOT_UTF8: true, UNREADABLE_FILE: true, BAD_HEADER: true, EMPTY_FILE: true, UNKNOWN_KIND: true, UNSUPPORTED_FORMAT: true,
  };
  it.each(Object.keys(refusals))('documents the refusal %s', (code) => {
    expect(importDoc).toContain(`\`${code}\``);
  });
});
