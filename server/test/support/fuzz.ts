import { readFileSync } from 'node:fs';
import { random } from '@berakhlak/db';
import {
  buildSchema, getNamedType, type GraphQLField, type GraphQLInputType, type GraphQLNamedType, type GraphQLObjectType, type GraphQLOutputType,
  isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isObjectType,
} from 'graphql';

/**
 * Hostile requests for the GraphQL and import endpoints, generated from the printed schema
 * (server/schema.graphql) with a seeded generator: the same seed always gives the same requests.
 */
export const printedSchema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));

export type Role = 'analyst' | 'secretary' | 'administrator' | 'anonymous';

export interface FuzzRequest {
  category: string;
  /** What the request is, for a failure report. */
  label: string;
  role: Role;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** `/graphql` unless given, with its query string. */
  path?: string;
  body?: string | Buffer;
  contentType?: string | null;
  headers?: Record<string, string>;
  /** Values the answer may quote back (an unknown code, a title): not taken for leaked SQL. */
  echoes: string[];
}

/** The demo generator's seeded numbers, with a pick of several different items besides. */
export function seeded(seed: number) {
  const numbers = random(seed, 'fuzz');
  /** Up to `count` different items, in a seeded order. */
  const pickSome = <T>(items: readonly T[], count: number): T[] => {
    const rest = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && rest.length > 0) chosen.push(rest.splice(numbers.integer(0, rest.length - 1), 1)[0]!);
    return chosen;
  };
  return { next: numbers.next, integer: numbers.integer, chance: numbers.chance, pick: numbers.pick, pickSome };
}
export type Rng = ReturnType<typeof seeded>;

export const injections = [
  "' OR '1'='1", "'; DROP TABLE region; --", '" OR ""="', "1' AND pg_sleep(3) IS NULL --", "') UNION SELECT email, password_hash FROM app_user --",
  "' || (SELECT pg_sleep(3)) || '", '%', '_', '%_%', '\\', "\\'", '$1', '?', ':name', '{}', '[]', 'null', 'undefined', 'NaN', '-1', '1e309',
  '<script>alert(1)</script>', '{{7*7}}', '${7*7}', '../../../../etc/passwd', '%2e%2e%2f', '\r\nSet-Cookie: pwned=1', "COPY region TO PROGRAM 'id'",
  '$$ LANGUAGE plpgsql $$', '{"$ne": null}', '__proto__', 'constructor', '*/ SELECT 1 /*', ';--', "E'\\x00'",
];

export const unicodes = [
  '😀🇮🇩', 'ꦧꦶꦤ꧀ꦤꦼꦏ ꦠꦸꦁꦒꦭ꧀', '\u202Egnp.exe', '\u200B\u200C\u200D\uFEFF', `Z${'\u0336\u0321\u031B'.repeat(300)}`, '\uD800', '\uDC00', 'a\uD83D', '\uFFFF\uFFFE',
  '\u0000', 'a\u0000b', '\u0001\u001F\u007F\u0085', 'İıŞş', 'ß', '７５.７１', '٧٥', '\u00A0', 'ﷺ', '𝕳𝖊𝖑𝖑𝖔', '\t\n\r', ' 75 ', 'ǅ\u0130',
];

/** Byte sequences that are not UTF-8. */
export const badUtf8: readonly number[][] = [[0xff], [0xfe, 0xff], [0xc0, 0x80], [0xc3], [0x80], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe9]];

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
export const badCursors = [
  '', '!!!', 'not a cursor', '====', 'a', b64('\u0000'), b64('[]'), b64('[1]'), b64('[-1]'), b64('[1.5]'), b64('[1e400]'), b64('[2147483648]'),
  b64('[9007199254740993]'), b64('["x"]'), b64('[null]'), b64('[{}]'), b64('[[]]'), b64('["x", 1]'), b64('["2024-01-01T00:00:00.000Z", "x"]'),
  b64('["2024-01-01T00:00:00.000Z", 99999999999]'), b64('[1, "x"]'), b64('["x", "y", "z"]'), b64('{"a":1}'), b64('null'), b64('"x"'),
  b64("zz'; DROP TABLE region; --"), b64('\uFFFF'), Buffer.from([0xff, 0xfe, 0xc0, 0x80]).toString('base64url'), 'A'.repeat(100_000),
  b64('9'.repeat(30)), b64('-1'), b64('["9999-99-99", 1]'), b64('["", 0]'), b64('[true]'), b64('["a\u0000b"]'), b64('["2024-02-30", "1"]'),
];

// ---------------------------------------------------------------------------------------------
// Values from the schema

/** Plausible values by argument or input field name, so a request gets past the arguments not under test. */
const validByName: Record<string, unknown> = {
  regionCode: '75.71', parentCode: '75', hostRegionCode: '75.71', indicatorCode: 'INDEKS_BERAKHLAK', programCode: 'BERAKHLAK', coreValueCode: null,
  milestoneCode: 'SE_DISOSIALISASIKAN', email: 'fuzz@example.org', password: 'fuzz-password', from: '2024-01-01', to: '2024-12-31', start: '2024-01-01',
  periodStart: '2024-01-01', asOf: '2024-06-30', reachedOn: '2024-01-15', startsAt: '2024-03-01T02:00:00Z', endsAt: '2024-03-01T05:00:00Z', first: 3,
  value: 50, participants: 1, days: 7, graceDays: 30, expiresInDays: 30, id: '1', eventId: '1', sessionId: '1', userId: '1', name: 'Fuzz', title: 'Fuzz',
  organiser: 'Fuzz', topic: 'Fuzz', role: 'Fuzz', venue: 'Fuzz', sourceUrl: 'https://example.org/', search: 'Goron', entity: 'observation', action: 'observation.report',
};
const validByField: Record<string, unknown> = {
  'Query.region.code': '75', 'Query.program.code': 'BERAKHLAK', 'Query.indicator.code': 'INDEKS_BERAKHLAK', 'Query.event.code': null, 'Query.reportingStatus.regionCode': '75',
  'Query.rollout.parentCode': null, 'Query.event.id': null, 'Mutation.login.email': 'nobody@example.org', 'Mutation.createApiToken.input': { name: 'fuzz' },
};

function scalarValue(name: string): unknown {
  switch (name) {
    case 'Int': return 1;
    case 'Float': return 1.5;
    case 'Boolean': return true;
    case 'ID': return '1';
    case 'LocalDate': return '2024-01-01';
    case 'DateTimeISO': return '2024-01-01T00:00:00Z';
    case 'JSON': return {};
    default: return 'fuzz';
  }
}

/** A valid-looking value of an input type; `name` is the argument or field holding it. */
export function validOf(type: GraphQLInputType, name: string, depth = 0): unknown {
  if (isNonNullType(type)) return validOf(type.ofType, name, depth);
  if (isListType(type)) return [validOf(type.ofType, name, depth)];
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name);
    return values.includes('QUARTER') ? 'QUARTER' : values[0];
  }
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    if (depth > 3) return value;
    for (const field of Object.values(type.getFields())) {
      const own = validByName[field.name];
      value[field.name] = own !== undefined && isLeafType(getNamedType(field.type)) ? own : validOf(field.type, field.name, depth + 1);
      if (value[field.name] === null && isNonNullType(field.type)) value[field.name] = validOf(field.type, '', depth + 1);
    }
    return value;
  }
  const own = validByName[name];
  return own !== undefined && own !== null ? own : scalarValue(type.name);
}

/** One leaf of an argument: a path into the variables and the type found there. */
export interface Slot {
  root: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  path: (string | number)[];
  type: GraphQLInputType;
}

export interface RootField {
  root: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

/** Every root field but `logout`, which would end the session of the role sending it. */
export function rootFields(): RootField[] {
  const fields: RootField[] = [];
  for (const [root, type] of [['query', printedSchema.getQueryType()], ['mutation', printedSchema.getMutationType()]] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) if (field.name !== 'logout') fields.push({ root, field });
  }
  return fields;
}

export function slotsOf({ root, field }: RootField): Slot[] {
  const slots: Slot[] = [];
  const walk = (type: GraphQLInputType, path: (string | number)[], depth: number) => {
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) return walk(inner.ofType, [...path, 0], depth);
    if (isInputObjectType(inner)) {
      if (depth < 4) for (const child of Object.values(inner.getFields())) walk(child.type, [...path, child.name], depth + 1);
      return;
    }
    slots.push({ root, field, path, type });
  };
  for (const argument of field.args) walk(argument.type, [argument.name], 0);
  return slots;
}

export const isTextSlot = (slot: Slot) => ['String', 'ID', 'LocalDate', 'DateTimeISO'].includes(getNamedType(slot.type).name);

/** The arguments of a root field as variables: required ones and the one under test always, the others by chance. */
export function argumentsOf(rng: Rng, { root, field }: RootField, keep: string | null): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const argument of field.args) {
    const required = isNonNullType(argument.type) && argument.defaultValue === undefined;
    if (!required && argument.name !== keep && !rng.chance(0.4)) continue;
    const special = validByField[`${root === 'query' ? 'Query' : 'Mutation'}.${field.name}.${argument.name}`];
    values[argument.name] = special !== undefined ? (special ?? validOf(argument.type, '')) : validOf(argument.type, argument.name);
  }
  return values;
}

export function setAt(values: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(values);
  let node: any = copy;
  for (const [index, key] of path.entries()) {
    if (index === path.length - 1) node[key] = value;
    else node = node[key] ??= typeof path[index + 1] === 'number' ? [] : {};
  }
  return copy;
}

/** A small selection of the fields of an output type: its leaves, a connection's page, one nested object. */
export function selectionOf(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return '';
  const fields = named.getFields();
  if (named.name.endsWith('Connection')) {
    const node = getNamedType(fields.edges!.type) as GraphQLObjectType;
    return `{ totalCount pageInfo { hasNextPage endCursor } edges { cursor node ${selectionOf(node.getFields().node!.type, depth + 1)} } }`;
  }
  const callable = Object.values(fields).filter((field) => field.args.every((argument) => !isNonNullType(argument.type) || argument.defaultValue !== undefined));
  const leaves = callable.filter((field) => isLeafType(getNamedType(field.type))).slice(0, 5).map((field) => field.name);
  const nested = depth < 1 ? callable.find((field) => isObjectType(getNamedType(field.type)) && !getNamedType(field.type).name.endsWith('Connection')) : undefined;
  return `{ __typename ${leaves.join(' ')} ${nested ? `${nested.name} ${selectionOf(nested.type, depth + 1)}` : ''} }`;
}

/** The operation for a root field with the given arguments passed as variables. */
export function operationOf({ root, field }: RootField, values: Record<string, unknown>): string {
  const used = field.args.filter((argument) => argument.name in values);
  const declarations = used.map((argument) => `$${argument.name}: ${String(argument.type)}`).join(', ');
  const passed = used.map((argument) => `${argument.name}: $${argument.name}`).join(', ');
  return `${root} Fuzz${declarations ? `(${declarations})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selectionOf(field.type)} }`;
}

/** A GraphQL literal of a JSON value (enum values given as `{ enum: NAME }`). */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object') {
    if ('enum' in value) return String((value as { enum: string }).enum);
    return `{ ${Object.entries(value).map(([key, inner]) => `${key}: ${literal(inner)}`).join(', ')} }`;
  }
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** Values of the wrong type for an input type, as GraphQL literals. */
export function wrongLiterals(type: GraphQLInputType): string[] {
  const nullable = isNonNullType(type) ? ['null'] : [];
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [...nullable, '{ a: 1 }', '[[[1]]]', '[null]', 'NOT_A_VALUE'];
  if (isInputObjectType(inner)) return [...nullable, '5', '"x"', '{ notAField: 1 }', '{}', '[{ notAField: 1 }]'];
  if (isEnumType(inner)) return [...nullable, `"${inner.getValues()[0]!.name}"`, 'NOT_A_VALUE', '1', 'true'];
  switch (inner.name) {
    case 'Int': return [...nullable, '"1"', '1.5', 'true', '2147483648', '-2147483649', '{ a: 1 }', 'ONE'];
    case 'Float': return [...nullable, '"1.5"', 'true', '1e400', 'NaN', '[1.5]'];
    case 'Boolean': return [...nullable, '"true"', '1', 'yes'];
    case 'ID': return [...nullable, 'true', '1.5', '{ id: 1 }', '[1]'];
    case 'LocalDate': return [...nullable, '"2024-13-01"', '"2024-02-30"', '"24-01-01"', '"2024-01-01T00:00:00Z"', '20240101', '"0000-01-01"', '"-001-01-01"', '"2024-1-1"'];
    case 'DateTimeISO': return [...nullable, '"2024-01-01"', '"yesterday"', '"2024-01-01T25:00:00Z"', '0', '"2024-02-30T00:00:00Z"'];
    default: return [...nullable, '5', 'true', '{ a: "b" }', 'AN_ENUM', '1.5'];
  }
}

/** Values of the wrong type for an input type, as JSON variables. */
export function wrongVariables(type: GraphQLInputType): unknown[] {
  const nullable = isNonNullType(type) ? [null] : [];
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [...nullable, {}, [[[]]], [null], 'x'];
  if (isInputObjectType(inner)) return [...nullable, 'x', [], { notAField: 1 }, 5];
  if (isEnumType(inner)) return [...nullable, 'NOT_A_VALUE', 5, { value: 'x' }];
  switch (inner.name) {
    case 'Int': return [...nullable, '1', 1.5, 2 ** 31, true, [], {}];
    case 'Float': return [...nullable, 'x', true, [1], {}];
    case 'Boolean': return [...nullable, 'true', 0, []];
    case 'LocalDate': return [...nullable, '2024-02-30', 20240101, '2024-01-01T00:00:00Z', ''];
    case 'DateTimeISO': return [...nullable, '2024-01-01', 'yesterday', 1_700_000_000_000];
    default: return [...nullable, 5, true, {}, ['x']];
  }
}

/**
 * The connection fields taking `after`, each with the query that reaches it: a root field
 * itself, or a nested one reached through root fields whose arguments need no more than
 * plausible values (`region(code) { children }`, `events { ... sessions { attendance } }`).
 */
export function cursorPositions(known: Record<string, Record<string, unknown>> = {}): { name: string; build: (cursor: string) => { query: string; variables: Record<string, unknown> } }[] {
  const query = printedSchema.getQueryType()!;
  // The shortest way to each connection field wins.
  const found = new Map<string, { length: number; position: ReturnType<typeof cursorPositions>[number] }>();
  const visit = (type: GraphQLObjectType, prefix: string[], depth: number, rootArgs: Record<string, unknown>) => {
    for (const field of Object.values(type.getFields())) {
      const after = field.args.find((argument) => argument.name === 'after');
      const named = getNamedType(field.type);
      const key = `${type.name}.${field.name}`;
      const args = field.args.filter((argument) => argument.name !== 'after' && isNonNullType(argument.type) && argument.defaultValue === undefined);
      const fixed = depth === 0 && known[field.name] ? known[field.name]! :
        Object.fromEntries(args.map((argument) => [argument.name, validByField[`Query.${field.name}.${argument.name}`] ?? validOf(argument.type, argument.name)]));
      const fixedText = Object.entries(fixed).map(([name, value]) => `${name}: ${enumLiteral(field, name, value)}`);
      if (after && (found.get(key)?.length ?? Infinity) > prefix.length) {
        found.set(key, { length: prefix.length, position: {
          name: key,
          build: (cursor) => ({
            query: `query Fuzz($after: String) { ${prefix.join(' { ')}${prefix.length ? ' { ' : ''}${field.name}(${[...fixedText, 'first: 2', 'after: $after'].join(', ')}) { totalCount edges { cursor } }${' }'.repeat(prefix.length)} }`,
            variables: { ...rootArgs, after: cursor },
          }),
        } });
      }
      if (depth >= 4 || !isObjectType(named) || named.name === type.name) continue;
      const head = `${field.name}${fixedText.length || after ? `(${[...fixedText, ...(after ? ['first: 1'] : [])].join(', ')})` : ''}`;
      if (named.name.endsWith('Connection')) {
        const node = getNamedType((getNamedType(named.getFields().edges!.type) as GraphQLObjectType).getFields().node!.type) as GraphQLObjectType;
        visit(node, [...prefix, head, 'edges', 'node'], depth + 1, rootArgs);
      } else {
        visit(named, [...prefix, head], depth + 1, rootArgs);
      }
    }
  };
  visit(query, [], 0, {});
  return [...found.values()].map((entry) => entry.position);
}

function enumLiteral(field: GraphQLField<unknown, unknown>, name: string, value: unknown): string {
  const argument = field.args.find((candidate) => candidate.name === name)!;
  const toLiteral = (type: GraphQLInputType, inner: unknown): string => {
    if (isNonNullType(type)) return toLiteral(type.ofType, inner);
    if (isListType(type)) return `[${(inner as unknown[]).map((item) => toLiteral(type.ofType, item)).join(', ')}]`;
    if (isEnumType(type)) return String(inner);
    if (isInputObjectType(type)) {
      return `{ ${Object.entries(inner as Record<string, unknown>).map(([key, item]) => `${key}: ${toLiteral(type.getFields()[key]!.type, item)}`).join(', ')} }`;
    }
    return literal(inner);
  };
  return toLiteral(argument.type, value);
}

export function typeOf(name: string): GraphQLNamedType {
  return printedSchema.getType(name)!;
}
