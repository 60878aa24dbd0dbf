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
  return cursor ? Buffer.from(cursor, 'base64url').toString('utf8') : null;
}

/** Cursors of lists ordered by several columns carry every column of the sort key, as JSON. */
export function decodeKeyCursor<K extends (string | number)[]>(cursor: string | null | undefined, length: number): K | null {
  const text = decodeCursor(cursor);
  if (text === null) return null;
  try {
    const key = JSON.parse(text);
    if (Array.isArray(key) && key.length === length) return key as K;
  } catch {
    // reported below, like any cursor this list did not hand out
  }
  throw badInput('after', 'is not a cursor of this list');
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
