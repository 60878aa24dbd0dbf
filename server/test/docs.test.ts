import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../src/common/errors.js';
import { fieldCosts, MAX_COST, MAX_DEPTH } from '../src/http/limits.js';

const doc = await readFile(new URL('../../docs/api.md', import.meta.url), 'utf8');

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
