import { Max, Min } from 'class-validator';
import { ArgsType, type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { badInput } from './errors.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

@ObjectType({ description: 'Where a page of a connection stands in the whole list.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of this page; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Page size: ${DEFAULT_PAGE_SIZE} by default, at most ${MAX_PAGE_SIZE}.` })
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (the `endCursor` of the previous page).' })
  after?: string | null;
}

export interface Connection<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

/** Builds a named connection type (with its edge type) for one node type. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string, description: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this item.' })
    cursor!: string;

    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description })
  class ConnectionClass implements Connection<T> {
    @Field(() => Int, { description: 'Number of items in the whole list, across all pages.' })
    totalCount!: number;

    @Field(() => [Edge], { description: 'The items of this page.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Paging information.' })
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}

export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): string | null {
  if (!cursor) return null;
  const text = cursorText(cursor);
  if (text === null) throw notACursor();
  return text;
}

const notACursor = () => badInput('after', 'is not a cursor of this list');

/** The longest cursor any list hands out is far shorter: a key of a few codes, an email or a date. */
const MAX_CURSOR_LENGTH = 1024;

/**
 * The text of a cursor as `encodeCursor` writes it: canonical base64url of UTF-8 text, short,
 * and text PostgreSQL can compare; null for anything else, which no list handed out.
 */
function cursorText(cursor: string): string | null {
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const bytes = Buffer.from(cursor, 'base64url');
  if (bytes.toString('base64url') !== cursor) return null;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return isStorableText(text) ? text : null;
  } catch {
    return null;
  }
}

/** What each element of a key cursor holds, checked before any of it reaches SQL. */
export type CursorPart = 'text' | 'int' | 'bigint' | 'date' | 'timestamp';
type PartValue<P extends CursorPart> = P extends 'int' ? number : string;

const partChecks: Record<CursorPart, (value: unknown) => boolean> = {
  text: (value) => typeof value === 'string' && isStorableText(value),
  // An integer column, or an offset into a list.
  int: (value) => Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= 2_147_483_647,
  // A bigint id, which MikroORM hands out as text.
  bigint: (value) => typeof value === 'string' && /^\d{1,18}$/.test(value),
  date: (value) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
  timestamp: (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value,
};

/**
 * Cursors of lists ordered by several columns carry every column of the sort key, as JSON; each
 * element must be what `parts` says, so a forged cursor is refused rather than sent to PostgreSQL.
 */
export function decodeKeyCursor<const P extends readonly CursorPart[]>(cursor: string | null | undefined, parts: P): { -readonly [I in keyof P]: PartValue<P[I]> } | null {
  const text = decodeCursor(cursor);
  if (text === null) return null;
  let key: unknown;
  try {
    key = JSON.parse(text);
  } catch {
    throw notACursor();
  }
  if (!Array.isArray(key) || key.length !== parts.length || !parts.every((part, index) => partChecks[part](key[index]))) throw notACursor();
  return key as { -readonly [I in keyof P]: PartValue<P[I]> };
}

/** Text PostgreSQL can hold: no NUL character, and no half of a UTF-16 surrogate pair (JSON's lone `\ud800`). */
export function isStorableText(text: string): boolean {
  return !/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/**
 * Turns rows fetched with one row beyond the page (limit first + 1) into a connection.
 * Rows must already be ordered by the key the cursor encodes.
 */
export function toConnection<T>(rows: T[], first: number, totalCount: number, keyOf: (row: T) => string): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return { totalCount, edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}
