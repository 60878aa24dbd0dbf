import { getNamedType, isListType, isNonNullType } from 'graphql';
import { fieldCosts, MAX_COST, MAX_DEPTH } from '../../src/http/limits.js';
import { importKinds } from '../../src/ingest/import-kinds.js';
import {
  argumentsOf, badCursors, badUtf8, cursorPositions, type FuzzRequest, injections, isTextSlot, literal, operationOf, type Rng, type Role, type RootField,
  rootFields, setAt, slotsOf, type Slot, unicodes, wrongLiterals, wrongVariables,
} from './fuzz.js';

/**
 * The fuzz run's inputs, by category: each category a function of the seeded generator and of
 * what the test found in the data (real cursors, an event with sessions).
 */
export interface FuzzData {
  /** Cursors handed out by each list, to send to the others. */
  realCursors: string[];
  /** An event with sessions (for `event(id) { sessions { attendance } }`) and a session of it that has begun. */
  eventId: string;
  session: { code: string; number: number };
}

const queryRoles: Role[] = ['analyst', 'secretary', 'anonymous', 'administrator'];
// No administrator for mutations: a fuzzed updateUser could disable the accounts the run signs in with.
const mutationRoles: Role[] = ['secretary', 'analyst', 'anonymous'];
const roleOf = (root: 'query' | 'mutation', index: number): Role => (root === 'query' ? queryRoles[index % queryRoles.length]! : mutationRoles[index % mutationRoles.length]!);

const graphql = (category: string, label: string, role: Role, body: unknown, echoes: string[] = []): FuzzRequest => ({ category, label, role, body: JSON.stringify(body), echoes });

const slotName = (slot: Slot) => `${slot.field.name}(${slot.path.map((part) => (typeof part === 'number' ? `[${part}]` : part)).join('.').replace(/\.\[/g, '[')})`;

/** The operation with some arguments written inline as literals instead of variables. */
function operationWith(root: RootField, values: Record<string, unknown>, literals: Record<string, string>): string {
  const operation = operationOf(root, values);
  const inline = Object.entries(literals).map(([name, text]) => `${name}: ${text}`).join(', ');
  if (!inline) return operation;
  const call = new RegExp(`\\{ ${root.field.name}(\\(([^)]*)\\))?`);
  return operation.replace(call, (_match, _group, inner?: string) => `{ ${root.field.name}(${[inner, inline].filter(Boolean).join(', ')})`);
}

export function wrongTypes(rng: Rng): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  for (const root of rootFields()) {
    for (const argument of root.field.args) {
      for (const text of rng.pickSome(wrongLiterals(argument.type), 2)) {
        const values = argumentsOf(rng, root, null);
        delete values[argument.name];
        out.push(graphql('wrong type', `${root.field.name}(${argument.name}: ${text})`, roleOf(root.root, out.length), { query: operationWith(root, values, { [argument.name]: text }), variables: values }));
      }
      if (isNonNullType(argument.type) && argument.defaultValue === undefined) {
        const values = argumentsOf(rng, root, null);
        delete values[argument.name];
        out.push(graphql('wrong type', `${root.field.name} without ${argument.name}`, roleOf(root.root, out.length), { query: operationOf(root, { ...values, [argument.name]: null }), variables: values }));
      }
    }
    for (const slot of slotsOf(root)) {
      const value = rng.pick(wrongVariables(slot.type));
      out.push(graphql('wrong type', `${slotName(slot)} = ${JSON.stringify(value)}`, roleOf(root.root, out.length), { query: operationOf(root, argumentsOf(rng, root, String(slot.path[0]))), variables: setAt(argumentsOf(rng, root, String(slot.path[0])), slot.path, value) }));
    }
    out.push(graphql('wrong type', `${root.field.name}(notAnArgument: 1)`, roleOf(root.root, out.length), { query: operationWith(root, {}, { notAnArgument: '1' }) }));
  }
  return out;
}

/** A value set into one leaf of one argument, the others plausible, sent as variables. */
function slotRequest(rng: Rng, category: string, slot: Slot, value: unknown, index: number, echoes: string[] = []): FuzzRequest {
  const root = { root: slot.root, field: slot.field };
  const values = setAt(argumentsOf(rng, root, String(slot.path[0])), slot.path, value);
  const shown = typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…(${value.length})` : value) : Array.isArray(value) ? `[${value.length} items]` : JSON.stringify(value);
  return graphql(category, `${slotName(slot)} = ${shown}`, roleOf(slot.root, index), { query: operationOf(root, values), variables: values }, echoes);
}

export function injectionsIn(rng: Rng): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  for (const root of rootFields()) {
    for (const slot of slotsOf(root).filter(isTextSlot)) {
      for (const payload of rng.pickSome(injections, 3)) out.push(slotRequest(rng, 'injection', slot, payload, out.length, [payload]));
    }
    // Once per string argument also inside the document, where quoting is the parser's.
    for (const argument of root.field.args.filter((candidate) => getNamedType(candidate.type).name === 'String' && !isListType(isNonNullType(candidate.type) ? candidate.type.ofType : candidate.type))) {
      const payload = rng.pick(injections);
      const values = argumentsOf(rng, root, null);
      delete values[argument.name];
      out.push(graphql('injection', `${root.field.name}(${argument.name}: ${literal(payload)})`, roleOf(root.root, out.length), { query: operationWith(root, values, { [argument.name]: literal(payload) }), variables: values }, [payload]));
    }
  }
  return out;
}

export function unicodeIn(rng: Rng): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  for (const root of rootFields()) {
    for (const slot of slotsOf(root).filter(isTextSlot)) for (const text of rng.pickSome(unicodes, 2)) out.push(slotRequest(rng, 'unicode', slot, text, out.length, [text]));
  }
  return out;
}

export function hugeValues(rng: Rng): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  const ints = [2147483647, -2147483648, 0, -1];
  const floats = [1.7976931348623157e308, -1.7976931348623157e308, 5e-324, -0];
  const dates = ['0001-01-01', '9999-12-31', '1900-01-01', '2199-12-31'];
  const times = ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '1970-01-01T00:00:00Z'];
  const lists = new Set<string>();
  for (const root of rootFields()) {
    for (const slot of slotsOf(root)) {
      const name = getNamedType(slot.type).name;
      if (name === 'String' || name === 'ID') {
        const text = rng.pick(['A', 'é', '😀', '%', "'"]).repeat(rng.pick([10_000, 100_000, 300_000]));
        out.push(slotRequest(rng, 'huge value', slot, text, out.length, [text]));
      } else if (name === 'Int') out.push(slotRequest(rng, 'huge value', slot, rng.pick(ints), out.length));
      else if (name === 'Float') out.push(slotRequest(rng, 'huge value', slot, rng.pick(floats), out.length));
      else if (name === 'LocalDate') for (const date of dates) out.push(slotRequest(rng, 'huge value', slot, date, out.length));
      else if (name === 'DateTimeISO') for (const time of times) out.push(slotRequest(rng, 'huge value', slot, time, out.length));
      // A list argument as long as a body takes, and longer.
      const listAt = slot.path.indexOf(0);
      const listPath = slot.path.slice(0, listAt);
      if (listAt < 0 || lists.has(`${slot.field.name}:${listPath.join('.')}`)) continue;
      lists.add(`${slot.field.name}:${listPath.join('.')}`);
      let list: any = argumentsOf(rng, { root: slot.root, field: slot.field }, String(slot.path[0]));
      for (const part of listPath) list = list?.[part];
      if (!Array.isArray(list) || list.length === 0) continue;
      for (const length of [501, 20_000]) out.push(slotRequest(rng, 'huge value', { ...slot, path: listPath }, Array.from({ length }, () => list[0]), out.length));
    }
  }
  return out;
}

export function invalidCursors(rng: Rng, data: FuzzData): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  for (const position of cursorPositions({ event: { id: data.eventId } })) {
    for (const cursor of [...badCursors, ...rng.pickSome(data.realCursors, 3)]) {
      out.push(graphql('invalid cursor', `${position.name}(after: ${JSON.stringify(cursor.slice(0, 40))})`, queryRoles[out.length % queryRoles.length]!, position.build(cursor), [cursor]));
    }
  }
  return out;
}

/** Bytes that are not UTF-8 inside the JSON body: in a variable, in the document, as the whole body; and in headers. */
export function invalidUtf8(rng: Rng): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  const MARK = 'XMARKX';
  const raw = (label: string, role: Role, text: string, bytes: number[], contentType = 'application/json') => {
    const [before, after] = text.split(MARK) as [string, string];
    out.push({ category: 'invalid UTF-8', label, role, body: Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after ?? '')]), contentType, echoes: [] });
  };
  for (const root of rootFields()) {
    for (const slot of slotsOf(root).filter(isTextSlot)) {
      const values = setAt(argumentsOf(rng, root, String(slot.path[0])), slot.path, `a${MARK}b`);
      raw(`${slotName(slot)} holds bytes ${rng.pick(badUtf8).join(',')}`, roleOf(root.root, out.length), JSON.stringify({ query: operationOf(root, values), variables: values }), rng.pick(badUtf8));
    }
  }
  for (const bytes of badUtf8) {
    raw(`document holds bytes ${bytes.join(',')}`, queryRoles[out.length % 4]!, `{"query":"{ regions(search: \\"${MARK}\\") { totalCount } }"}`, bytes);
    raw(`document name holds bytes ${bytes.join(',')}`, queryRoles[out.length % 4]!, `{"query":"query A${MARK} { me { canReport } }"}`, bytes);
    raw(`operationName holds bytes ${bytes.join(',')}`, queryRoles[out.length % 4]!, `{"query":"query A { me { canReport } }","operationName":"A${MARK}"}`, bytes);
    raw(`the whole body is bytes ${bytes.join(',')}`, queryRoles[out.length % 4]!, MARK, bytes);
  }
  const utf16 = Buffer.from(JSON.stringify({ query: '{ me { canReport } }' }), 'utf16le');
  out.push({ category: 'invalid UTF-8', label: 'a UTF-16 body declared as such', role: 'analyst', body: utf16, contentType: 'application/json; charset=utf-16', echoes: [] });
  out.push({ category: 'invalid UTF-8', label: 'a UTF-16 body declared as UTF-8', role: 'secretary', body: utf16, echoes: [] });
  out.push({ category: 'invalid UTF-8', label: 'a Latin-1 body declared as such', role: 'analyst', body: Buffer.from('{"query":"{ regions(search: \\"Banggai Kepulauan é\\") { totalCount } }"}', 'latin1'), contentType: 'application/json; charset=iso-8859-1', echoes: [] });
  for (const header of ['berakhlak_session=%FF%FE', 'berakhlak_session=%', 'berakhlak_session=\u00ff\u00fe', `berakhlak_session=${'%E0%A4%A'.repeat(3)}`, 'berakhlak_session=x; berakhlak_session=%C0%80']) {
    out.push({ category: 'invalid UTF-8', label: `cookie ${header}`, role: 'anonymous', body: JSON.stringify({ query: '{ me { canReport } }' }), headers: { cookie: header }, echoes: [] });
  }
  for (const header of ['Bearer \u00ff\u00fe', 'Bearer bkt_%FF', 'Bearer', 'Basic YTpi', `Bearer ${'x'.repeat(8000)}`, 'Bearer bkt_\u00e9']) {
    out.push({ category: 'invalid UTF-8', label: `authorization ${header.slice(0, 30)}`, role: 'anonymous', body: JSON.stringify({ query: '{ regions { totalCount } }' }), headers: { authorization: header }, echoes: [] });
  }
  return out;
}

/** Random damage to valid documents, and requests that are not GraphQL requests. */
export function malformed(rng: Rng): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  const corpus = rootFields().map((root) => ({ root, query: operationOf(root, argumentsOf(rng, root, null)) }));
  const noise = '{}()[]:$@!"\\.,#=&|\n\u0000';
  for (let index = 0; index < 300; index += 1) {
    const { root, query } = rng.pick(corpus);
    const at = rng.integer(0, query.length - 1);
    const damage = rng.pick(['truncate', 'delete', 'insert', 'duplicate', 'swap'] as const);
    const damaged = {
      truncate: () => query.slice(0, at),
      delete: () => query.slice(0, at) + query.slice(at + rng.integer(1, 5)),
      insert: () => query.slice(0, at) + rng.pick([...noise]) + query.slice(at),
      duplicate: () => query.slice(0, at) + query.slice(at, at + rng.integer(1, 30)).repeat(rng.integer(2, 5)) + query.slice(at),
      swap: () => query.slice(0, at) + (query[at + 1] ?? '') + query[at] + query.slice(at + 2),
    }[damage]();
    out.push(graphql('malformed document', `${damage} at ${at} of ${root.field.name}`, roleOf(root.root, index), { query: damaged, variables: argumentsOf(rng, root, null) }));
  }
  const bodies: [string, string | Buffer, Partial<FuzzRequest>?][] = [
    ['body is not JSON', '{'], ['body is JSON null', 'null'], ['body is a JSON string', '"{ me { canReport } }"'], ['body is a number', '5'], ['body is empty', ''],
    ['empty object', '{}'], ['query null', '{"query":null}'], ['query empty', '{"query":""}'], ['query blank', '{"query":"   \\n\\t "}'], ['query only a comment', '{"query":"# nothing"}'],
    ['query a list', '{"query":["{ me { canReport } }"]}'], ['query an object', '{"query":{"me":true}}'], ['query a number', '{"query":5}'],
    ['variables a string', '{"query":"{ me { canReport } }","variables":"{}"}'], ['variables a list', '{"query":"{ me { canReport } }","variables":[]}'],
    ['operationName a number', '{"query":"{ me { canReport } }","operationName":5}'], ['unknown operationName', '{"query":"query A { me { canReport } }","operationName":"B"}'],
    ['two anonymous operations', '{"query":"{ me { canReport } } { me { isAdministrator } }"}'], ['two operations, none named', '{"query":"query A { me { canReport } } query B { me { canReport } }"}'],
    ['a subscription', '{"query":"subscription { me { canReport } }"}'], ['only a fragment', '{"query":"fragment F on Query { me { canReport } }"}'],
    ['an unknown directive', '{"query":"{ me @cached { canReport } }"}'], ['@skip without if', '{"query":"{ me @skip { canReport } }"}'], ['@include with an undeclared variable', '{"query":"{ me @include(if: $x) { canReport } }"}'],
    ['a schema definition', '{"query":"type Query { x: Int }"}'], ['an unused variable', '{"query":"query($x: Int) { me { canReport } }"}'], ['an unknown variable type', '{"query":"query($x: Nope) { me { canReport } }","variables":{"x":1}}'],
    ['extensions a string', '{"query":"{ me { canReport } }","extensions":"x"}'], ['persistedQuery a string', '{"query":"{ me { canReport } }","extensions":{"persistedQuery":"x"}}'],
    ['persistedQuery version 2', '{"extensions":{"persistedQuery":{"version":2,"sha256Hash":"ab"}}}'], ['persistedQuery hash of another query', '{"query":"{ me { canReport } }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"00"}}}'],
    ['persistedQuery hash that is not hex', `{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"${"'; DROP TABLE region; --"}"}}}`],
    ['a prototype key', '{"query":"{ me { canReport } }","variables":{"__proto__":{"admin":true}},"__proto__":{"x":1}}'],
    ['very many keys', `{${Array.from({ length: 5000 }, (_, index) => `"k${index}":1`).join(',')},"query":"{ me { canReport } }"}`],
  ];
  for (const [label, body, extra] of bodies) out.push({ category: 'malformed document', label, role: queryRoles[out.length % 4]!, body, echoes: [], ...extra });
  const other: Omit<FuzzRequest, 'category' | 'echoes'>[] = [
    { label: 'text/plain body', role: 'analyst', body: '{"query":"{ me { canReport } }"}', contentType: 'text/plain' },
    { label: 'no content type', role: 'secretary', body: '{"query":"{ me { canReport } }"}', contentType: null },
    { label: 'form body', role: 'analyst', body: 'query=%7B%20me%20%7B%20canReport%20%7D%20%7D', contentType: 'application/x-www-form-urlencoded' },
    { label: 'application/graphql', role: 'anonymous', body: '{ me { canReport } }', contentType: 'application/graphql' },
    { label: 'an unknown content encoding', role: 'analyst', body: '{"query":"{ me { canReport } }"}', headers: { 'content-encoding': 'bogus' } },
    { label: 'gzip declared, plain body', role: 'secretary', body: '{"query":"{ me { canReport } }"}', headers: { 'content-encoding': 'gzip' } },
    { label: 'PUT', role: 'analyst', method: 'PUT', body: '{"query":"{ me { canReport } }"}' },
    { label: 'DELETE', role: 'analyst', method: 'DELETE' },
    { label: 'a mutation by GET', role: 'secretary', method: 'GET', path: `/graphql?query=${encodeURIComponent('mutation { logout }')}`, headers: { 'apollo-require-preflight': 'true' } },
    { label: 'GET without the preflight header', role: 'analyst', method: 'GET', path: `/graphql?query=${encodeURIComponent('{ me { canReport } }')}` },
    { label: 'GET with broken variables', role: 'analyst', method: 'GET', path: `/graphql?query=${encodeURIComponent('{ me { canReport } }')}&variables=%7B`, headers: { 'apollo-require-preflight': 'true' } },
    { label: 'GET with a bad percent escape', role: 'analyst', method: 'GET', path: '/graphql?query=%E0%A4%A', headers: { 'apollo-require-preflight': 'true' } },
    { label: 'GET without a query', role: 'anonymous', method: 'GET', path: '/graphql', headers: { 'apollo-require-preflight': 'true' } },
  ];
  for (const request of other) out.push({ category: 'malformed document', echoes: [], ...request, body: request.method === 'GET' || request.method === 'DELETE' ? undefined : request.body });
  return out;
}

export function deepNesting(): FuzzRequest[] {
  // Variables as JSON text: JSON.stringify itself would overflow the stack on the deepest.
  const cases: [string, string, string?][] = [];
  for (const depth of [MAX_DEPTH + 1, 50, 1_000, 10_000]) cases.push([`parent × ${depth}`, `{ region(code: "75.71") { ${'parent { '.repeat(depth)}code${' }'.repeat(depth)} } }`]);
  for (const depth of [1_000, 30_000]) cases.push([`braces × ${depth}`, `{ me ${'{ user '.repeat(depth)}${'}'.repeat(depth + 1)} }`]);
  for (const depth of [100, 10_000]) cases.push([`list literal × ${depth}`, `{ regions(search: ${'['.repeat(depth)}"x"${']'.repeat(depth)}) { totalCount } }`]);
  for (const depth of [100, 10_000]) cases.push([`object literal × ${depth}`, `{ events(filter: ${'{ period: '.repeat(depth)}null${' }'.repeat(depth)}) { totalCount } }`]);
  for (const depth of [100, 5_000]) cases.push([`inline fragments × ${depth}`, `{ ${'... on Query { '.repeat(depth)}me { canReport }${' }'.repeat(depth)} }`]);
  for (const depth of [100, 10_000]) cases.push([`nested list variable × ${depth}`, 'query($groupBy: [IndicatorGroupBy!]!) { indicatorAggregate(indicatorCode: "INDEKS_BERAKHLAK", groupBy: $groupBy) { totalCount } }', `{"groupBy":${'['.repeat(depth)}"REGION"${']'.repeat(depth)}}`]);
  cases.push(['nested object variable', 'query($filter: EventFilter) { events(filter: $filter) { totalCount } }', `{"filter":${'{"period":'.repeat(10_000)}null${'}'.repeat(10_000)}}`]);
  cases.push(['introspection, fields within fields', '{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }']);
  cases.push(['introspection, ofType × 500', `{ __type(name: "Region") { fields { type { ${'ofType { '.repeat(500)}name${' }'.repeat(500)} } } } }`]);
  cases.push(['introspection of every type in full', '{ __schema { types { name fields(includeDeprecated: true) { name args { name type { name } } type { name ofType { name ofType { name } } } } inputFields { name } enumValues { name } } } }']);
  const chain = Array.from({ length: 500 }, (_, index) => `fragment F${index} on Region { code ${index < 499 ? `...F${index + 1}` : ''} }`).join('\n');
  cases.push(['a chain of 500 fragments', `{ region(code: "75") { ...F0 } }\n${chain}`]);
  cases.push(['fragments nested through fields', `{ region(code: "75.71") { ...P0 } }\n${Array.from({ length: 30 }, (_, index) => `fragment P${index} on Region { code ${index < 29 ? `parent { ...P${index + 1} }` : ''} }`).join('\n')}`]);
  return cases.map(([label, query, variables]) => ({
    category: 'deep nesting', label, role: queryRoles[cases.findIndex((entry) => entry[0] === label) % 4]!, echoes: [],
    body: `{"query":${JSON.stringify(query)}${variables ? `,"variables":${variables}` : ''}}`,
  }));
}

/** Aliases, fragments and repeated fields that multiply the work of a small document. */
export function multipliers(): FuzzRequest[] {
  const cases: [string, string, Role?][] = [];
  const aliases = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${field}`).join(' ')} }`;
  for (const count of [1_000, 10_000]) cases.push([`${count} aliases of me`, aliases(count, 'me { canReport }')]);
  // Each priced field with arguments that make it work hardest, aliased as often as the cost limit
  // lets through (which must still answer in time) and once more (which must be refused).
  const priced: Record<string, [string, number]> = {
    'Query.indicatorAggregate': ['indicatorAggregate(indicatorCode: "INDEKS_BERAKHLAK", groupBy: [REGION, PERIOD, CORE_VALUE], first: 1) { totalCount }', 2],
    'Query.indicatorSeries': ['indicatorSeries(indicatorCode: "INDEKS_BERAKHLAK", periodType: MONTH) { value }', 1],
    'Query.indicatorTotals': ['indicatorTotals(filter: { period: { from: "2015-01-01", to: "2024-12-31" } }) { value }', 1],
    'Query.coverageSeries': ['coverageSeries(period: { from: "2015-01-01", to: "2024-12-31" }, periodType: MONTH) { reached }', 1],
    'Query.rollout': ['rollout(indicatorCode: "INDEKS_BERAKHLAK", period: { from: "2021-01-01", to: "2024-12-31" }, first: 1) { totalCount }', 1],
    'Query.stageDistribution': ['stageDistribution(level: REGENCY) { regionCount }', 1],
    'Query.reportingCompleteness': ['reportingCompleteness(period: { type: QUARTER, start: "2024-01-01" }) { expected }', 1],
    'Query.eventTrends': ['eventTrends(groupBy: [KIND, MODE], periodType: MONTH) { events }', 1],
  };
  for (const [field, [selection, below]] of Object.entries(priced)) {
    const { cost = 1, listSize = 1 } = fieldCosts[field] ?? {};
    const within = Math.floor(MAX_COST / (cost + listSize * below));
    // As the analyst, whose national scope lets every aggregate run.
    cases.push([`${field} aliased ${within} times, as the cost limit allows`, aliases(within, selection), 'analyst']);
    cases.push([`${field} aliased ${within + 1} times, past the cost limit`, aliases(within + 1, selection)]);
  }
  const doubling = (levels: number, leaf: string) =>
    `{ regions(first: 1) { edges { node { ...F0 } } } }\n${Array.from({ length: levels }, (_, index) => `fragment F${index} on Region { ...F${index + 1} ...F${index + 1} }`).join('\n')}\nfragment F${levels} on Region { ${leaf} }`;
  for (const levels of [10, 20, 30, 40]) {
    cases.push([`fragment spread doubled ${levels} times, __typename`, doubling(levels, '__typename')]);
    cases.push([`fragment spread doubled ${levels} times, code`, doubling(levels, 'code')]);
  }
  const aliased = (levels: number) =>
    `{ region(code: "75.71") { ...G0 } }\n${Array.from({ length: levels }, (_, index) => `fragment G${index} on Region { a: parent { ...G${index + 1} } b: parent { ...G${index + 1} } }`).join('\n')}\nfragment G${levels} on Region { code }`;
  for (const levels of [10, 25]) cases.push([`aliased fields doubled ${levels} times`, aliased(levels)]);
  cases.push(['one fragment spread 5,000 times', `{ region(code: "75") { ${'...R '.repeat(5_000)} } }\nfragment R on Region { code name }`]);
  cases.push(['one field 5,000 times', `{ me { ${'canReport '.repeat(5_000)}} }`]);
  cases.push(['one object field 2,000 times', `{ ${'me { canReport } '.repeat(2_000)}}`]);
  cases.push(['2,000 conflicting aliases', `{ ${Array.from({ length: 2_000 }, (_, index) => (index % 2 ? 'a: me { canReport }' : 'a: region(code: "75") { code }')).join(' ')} }`]);
  cases.push(['@skip on 5,000 fields', `{ me { ${'canReport @skip(if: false) '.repeat(5_000)}} }`]);
  cases.push(['a page of 200 regions with 200 children each', '{ regions(first: 200) { edges { node { children(first: 200) { edges { node { code milestones { reachedOn } } } } } } } }']);
  return cases.map(([label, query, role], index) => graphql('aliases and fragments', label, role ?? queryRoles[index % 4]!, { query }));
}

export function batches(): FuzzRequest[] {
  const one = { query: '{ me { canReport } }' };
  const bodies: [string, unknown][] = [
    ['an empty batch', []], ['a batch of one', [one]], ['a batch of two', [one, one]], ['a batch of 1,000', Array.from({ length: 1_000 }, () => one)],
    ['a batch of 20 expensive queries', Array.from({ length: 20 }, () => ({ query: '{ rollout { totalCount } }' }))], ['a batch of nulls', [null, null]],
    ['a batch of batches', [[one], [one]]], ['a batch of a mutation', [{ query: 'mutation { logout }' }]], ['a batch of numbers', [1, 2, 3]],
  ];
  return bodies.map(([label, body], index) => graphql('batched operations', label, queryRoles[index % 4]!, body));
}

// ---------------------------------------------------------------------------------------------
// The import endpoint

const importRoles: Role[] = ['secretary', 'secretary', 'analyst', 'secretary', 'anonymous'];

function cell(value: string, separator = ','): string {
  return /["\r\n]/.test(value) || value.includes(separator) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A plausible value for each import column, so a row gets as far as its checks. */
function validCells(data: FuzzData): Record<string, string> {
  return {
    event_code: data.session.code, session_number: String(data.session.number), region_code: '75.71', participants: '3', indicator_code: 'INDEKS_BERAKHLAK',
    period_start: '2024-01-01', core_value_code: '', value: '50', program_code: 'BERAKHLAK', title: 'Fuzz', kind: 'WORKSHOP', mode: 'ONLINE', organiser: 'Fuzz',
    host_region_code: '75', starts_at: '2024-03-01 09:00', ends_at: '2024-03-01 12:00', venue: '', status: 'HELD', source_url: '', core_values: '',
    session_topic: 'Topik', session_mode: '', session_starts_at: '2024-03-01 09:00', session_ends_at: '2024-03-01 10:00', speakers: 'A (B)',
    milestone_code: 'SE_DISOSIALISASIKAN', reached_on: '2021-08-01',
  };
}

interface ImportFile {
  kind: string;
  format: 'csv' | 'json';
  body: string | Buffer;
}

const importRequest = (category: string, label: string, role: Role, file: ImportFile, dryRun: boolean, echoes: string[] = [], extra: Partial<FuzzRequest> = {}): FuzzRequest => ({
  category, label, role, path: `/import/${file.kind}${dryRun ? '?dryRun=true' : ''}`, body: file.body, contentType: file.format === 'csv' ? 'text/csv' : 'application/json', echoes, ...extra,
});

export function importInputs(rng: Rng, data: FuzzData): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  const valid = validCells(data);
  const role = () => importRoles[out.length % importRoles.length]!;
  for (const kind of Object.values(importKinds)) {
    const columns = kind.columns.map((column) => column.name);
    const row = (changes: Record<string, string>) => ({ ...Object.fromEntries(columns.map((name) => [name, valid[name] ?? ''])), ...changes });
    const csvFile = (rows: Record<string, string>[], separator = ',') => `${columns.join(separator)}\n${rows.map((values) => columns.map((name) => cell(values[name] ?? '', separator)).join(separator)).join('\n')}\n`;
    const file = (format: 'csv' | 'json', rows: Record<string, string>[]): ImportFile => ({ kind: kind.name, format, body: format === 'csv' ? csvFile(rows) : JSON.stringify(rows) });
    for (const column of columns) {
      for (const payload of [...rng.pickSome(injections, 2), rng.pick(unicodes)]) {
        const format = rng.pick(['csv', 'json'] as const);
        const category = injections.includes(payload) ? 'import: injection' : 'import: unicode';
        out.push(importRequest(category, `${kind.name} ${format} ${column} = ${JSON.stringify(payload.slice(0, 30))}`, role(), file(format, [row({ [column]: payload }), row({})]), rng.chance(0.85), [payload]));
      }
      const bytes = rng.pick(badUtf8);
      const text = csvFile([row({ [column]: 'XMARKX' })]).split('XMARKX');
      out.push(importRequest('import: invalid UTF-8', `${kind.name} ${column} holds bytes ${bytes.join(',')}`, role(), { kind: kind.name, format: 'csv', body: Buffer.concat([Buffer.from(text[0]!), Buffer.from(bytes), Buffer.from(text[1]!)]) }, true));
    }
    const header = columns.join(',');
    const line = columns.map((name) => cell(valid[name] ?? '')).join(',');
    const malformedFiles: [string, 'csv' | 'json', string | Buffer][] = [
      ['empty', 'csv', ''], ['a byte-order mark only', 'csv', '\uFEFF'], ['the header only', 'csv', `${header}\n`], ['an unknown column', 'csv', `${header},nope\n${line},x\n`],
      ['a column missing', 'csv', `${columns.slice(1).join(',')}\n${line}\n`], ['a column twice', 'csv', `${header},${columns[0]}\n${line},x\n`],
      ['a broken quote', 'csv', `${header}\n"${line}\n`], ['a quote inside a cell', 'csv', `${header}\nab"c${line}\n`], ['more cells', 'csv', `${header}\n${line},extra,extra\n`],
      ['fewer cells', 'csv', `${header}\n${line.split(',')[0]}\n`], ['5,000 columns', 'csv', `${Array.from({ length: 5_000 }, (_, index) => `c${index}`).join(',')}\n1\n`],
      ['carriage returns only', 'csv', `${header}\r${line}\r`], ['a NUL byte in a cell', 'csv', `${header}\n${line.replace(/^[^,]*/, 'a\u0000b')}\n`],
      ['a row longer than 64 kB', 'csv', `${header}\n${line.replace(/^[^,]*/, 'x'.repeat(70_000))}\n`], ['a header longer than 64 kB', 'csv', `${'h'.repeat(70_000)}\n${line}\n`],
      ['binary', 'csv', Buffer.from(Array.from({ length: 2_000 }, (_, index) => (index * 37) % 256))],
      ['JSON object', 'json', '{"rows": []}'], ['JSON numbers', 'json', '[1, 2]'], ['JSON lists', 'json', '[[], []]'], ['JSON null', 'json', 'null'], ['JSON string', 'json', '"x"'],
      ['JSON empty list', 'json', '[]'], ['JSON nested objects', 'json', JSON.stringify([{ ...row({}), [columns[0]!]: { nested: { deeper: 1 } } }])],
      ['JSON truncated', 'json', JSON.stringify([row({})]).slice(0, 20)], ['JSON nested 10,000 deep', 'json', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
      ['JSON object nested 10,000 deep', 'json', `[${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}]`],
      ['JSON prototype keys', 'json', `[{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, ${JSON.stringify(row({})).slice(1)}]`],
      ['JSON huge numbers', 'json', JSON.stringify([row({})]).replace(/"(3|50|1)"/g, '1e400')], ['JSON duplicate keys', 'json', `[{${JSON.stringify(row({})).slice(1, -1)},${JSON.stringify(row({})).slice(1, -1)}}]`],
      ['JSON unknown key', 'json', JSON.stringify([{ ...row({}), nope: 1 }])], ['JSON with a NUL escape', 'json', JSON.stringify([row({ [columns[0]!]: 'a\u0000b' })])],
      ['JSON with a lone surrogate escape', 'json', JSON.stringify([row({ [columns[0]!]: '\uD800' })])],
      ['semicolons and commas mixed', 'csv', `${columns.join(';')}\n${line}\n`],
    ];
    for (const [label, format, body] of malformedFiles) out.push(importRequest('import: malformed file', `${kind.name}: ${label}`, role(), { kind: kind.name, format, body }, rng.chance(0.7)));
    out.push(importRequest('import: huge file', `${kind.name}: 2,001 rows`, 'secretary', { kind: kind.name, format: 'csv', body: csvFile(Array.from({ length: 2_001 }, () => row({}))) }, true));
    out.push(importRequest('import: huge file', `${kind.name}: a file over the size limit`, 'secretary', { kind: kind.name, format: 'csv', body: `${header}\n${`${line}\n`.repeat(Math.ceil(600 * 1024 / (line.length + 1)))}` }, true));
    out.push(importRequest('import: huge file', `${kind.name}: 60 kB in one cell`, 'secretary', { kind: kind.name, format: 'csv', body: csvFile([row({ [rng.pick(columns)]: 'é'.repeat(30_000) })]) }, true));
    out.push(importRequest('import: huge file', `${kind.name}: 1,500 rows with problems`, 'secretary', { kind: kind.name, format: 'json', body: JSON.stringify(Array.from({ length: 1_500 }, (_, index) => row({ [columns[index % columns.length]!]: `bad ${index}` }))) }, true));
  }
  const sample: ImportFile = { kind: 'attendance', format: 'csv', body: `event_code,session_number,region_code,participants\n${data.session.code},${data.session.number},75.71,2\n` };
  for (const kind of ['unknown', 'ATTENDANCE', 'attendance.csv', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(3_000), '%00', '%FF', 'templates', '__proto__', 'constructor']) {
    out.push(importRequest('import: wrong kind or format', `kind ${kind.slice(0, 30)}`, role(), { ...sample, kind }, true));
  }
  for (const contentType of [null, 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'text/csv; charset=utf-16', 'image/png', 'text/csv; charset=latin1']) {
    out.push(importRequest('import: wrong kind or format', `content type ${contentType}`, role(), sample, true, [], { contentType }));
  }
  for (const query of ['format=xml', 'format=csv&format=json', 'dryRun=maybe', `fileName=${'x'.repeat(5_000)}`, 'fileName=%FF%FE', 'fileName=..%2F..%2Fetc%2Fpasswd', 'dryRun[]=true', 'format[a]=csv']) {
    out.push(importRequest('import: wrong kind or format', `query ${query.slice(0, 40)}`, role(), sample, true, [], { path: `/import/attendance?${query}` }));
  }
  for (const method of ['GET', 'PUT', 'DELETE'] as const) {
    out.push(importRequest('import: wrong kind or format', `${method} /import/attendance`, role(), sample, true, [], { method, body: method === 'PUT' ? sample.body : undefined }));
  }
  for (const template of ['attendance.csv', 'events.json', 'nope.csv', 'attendance.xml', '..%2F..%2Fpackage.json', '%FF.csv', 'attendance']) {
    out.push({ category: 'import: wrong kind or format', label: `template ${template}`, role: role(), method: 'GET', path: `/import/templates/${template}`, echoes: [] });
  }
  return out;
}
