import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApi, type TestApi } from './support/api.js';
import { type TestDatabase, testDatabase } from './support/database.js';
import { type FuzzRequest, type Role, seeded } from './support/fuzz.js';
import {
  batches, deepNesting, type FuzzData, hugeValues, importInputs, injectionsIn, invalidCursors, invalidUtf8, malformed, multipliers, unicodeIn, wrongTypes,
} from './support/fuzz-cases.js';

/**
 * A seeded fuzz run over the GraphQL endpoint and the import endpoint, as an analyst, a secretary,
 * an administrator (reads only) and anonymously. Every answer must be JSON with a documented
 * status and code, quote no stack trace or SQL, and come in time; the server must be up after.
 * FUZZ_SEED picks other inputs; the same seed always sends the same ones.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20210727);
/**
 * The slowest answer the run accepts: above it, a small request made the server work too long.
 * A query at the cost limit takes a few seconds alone; other test files share the 2 cores.
 */
const SLOW_MS = 30_000;

const apiDoc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
const importDoc = readFileSync(new URL('../../docs/import.md', import.meta.url), 'utf8');

const section = (text: string, heading: string) => {
  const start = text.indexOf(`\n${heading}\n`);
  const end = text.indexOf('\n## ', start + heading.length + 2);
  return text.slice(start, end < 0 ? undefined : end);
};

/** The codes of the error table in docs/api.md. */
const graphqlCodes = new Set([...section(apiDoc, '## Errors').matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]!));
/** The HTTP statuses docs/api.md gives GraphQL answers (its section on statuses). */
const graphqlStatuses = new Set([...section(apiDoc, '## Errors').matchAll(/HTTP (\d{3})/g)].map((match) => Number(match[1])));
/** Status -> codes (or result statuses) of the answer table of docs/import.md. */
const importAnswers = new Map<number, Set<string>>();
for (const [, status, first] of section(importDoc, '### The HTTP endpoint').matchAll(/^\| `(\d{3})`([^|]*)\|/gm)) {
  const codes = importAnswers.get(Number(status)) ?? new Set<string>();
  for (const [, code] of first!.matchAll(/`([A-Z][A-Z0-9_]{2,})`/g)) codes.add(code!);
  importAnswers.set(Number(status), codes);
}

const STACK = /\n\s+at |\bat (?:async )?[\w$.<>]+ \((?:file:|node:|\/)|node:internal|node_modules|\/work\/|\.(?:ts|js|mjs):\d+:\d+/;
const SQL = /syntax error at or near|relation "|column "|violates (?:foreign key|check|not-null|unique)|duplicate key value|invalid input syntax for|invalid byte sequence|out of range for type|value too long for type|operator does not exist|DriverException|QueryFailed|"[a-z]\d"\.|\b(?:select|insert into|delete from)\b.{0,120}\b(?:from|values|where)\b|\bupdate\b \S+ \bset\b/is;

interface Answer {
  request: FuzzRequest;
  status: number;
  outcome: string;
  ms: number;
  problems: string[];
}

describe('fuzz: GraphQL and import endpoints', () => {
  let db: TestDatabase;
  let api: TestApi;
  const credentials: Record<Role, Record<string, string>> = { analyst: {}, secretary: {}, administrator: {}, anonymous: {} };
  let data: FuzzData;

  beforeAll(async () => {
    db = await testDatabase('demo');
    api = await startTestApi(await db.orm(), { periodLockDays: 4000, importLimits: { maxBytes: 512 * 1024, maxRows: 2_000 } });
    credentials.analyst = { cookie: api.cookie };
    credentials.secretary = { cookie: await signIn(api.url, 'sekda.gorontalo@berakhlak.example') };
    credentials.administrator = { cookie: await signIn(api.url, 'admin@berakhlak.example') };
    const realCursors: string[] = [];
    for (const list of ['regions', 'events', 'programs', 'indicators', 'milestones', 'observations', 'regionMilestones', 'rollout', 'apiTokens', 'auditLog', 'users']) {
      const answer = await fetch(`${api.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', ...credentials.administrator }, body: JSON.stringify({ query: `{ ${list}(first: 2) { edges { cursor } } }` }),
      }).then((response) => response.json() as Promise<any>);
      realCursors.push(...(answer.data?.[list]?.edges ?? []).map((edge: { cursor: string }) => edge.cursor));
    }
    const event = await db.sql.query('SELECT e.id, e.code, s.number FROM event e JOIN session s ON s.event_id = e.id WHERE s.starts_at < now() ORDER BY e.id LIMIT 1');
    data = { realCursors, eventId: String(event.rows[0].id), session: { code: event.rows[0].code, number: event.rows[0].number } };
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  async function send(request: FuzzRequest): Promise<Answer> {
    const contentType = request.contentType === undefined ? 'application/json' : request.contentType;
    const headers = { ...(contentType === null ? {} : { 'content-type': contentType }), ...credentials[request.role], ...request.headers };
    const started = performance.now();
    let status = 0;
    let text = '';
    let type = '';
    try {
      const response = await fetch(`${api.url}${request.path ?? '/graphql'}`, { method: request.method ?? 'POST', headers, body: request.body, signal: AbortSignal.timeout(60_000) });
      status = response.status;
      type = response.headers.get('content-type') ?? '';
      text = await response.text();
    } catch (error) {
      text = String(error);
    }
    const ms = performance.now() - started;
    return { request, status, ms, ...judge(request, status, type, text, ms) };
  }

  /** The outcome of one answer (status and code) and everything wrong with it. */
  function judge(request: FuzzRequest, status: number, type: string, text: string, ms: number): { outcome: string; problems: string[] } {
    const problems: string[] = [];
    if (status === 0) return { outcome: 'no answer', problems: [`no answer: ${text}`] };
    // A template is the one answer that is a file rather than JSON.
    if (request.path?.startsWith('/import/templates/') && status === 200) {
      if (!/^(text\/csv|application\/json)/.test(type) || !/^[a-z_,]+\n|^\[/.test(text)) problems.push(`template of type ${type}: ${text.slice(0, 100)}`);
      return { outcome: '200 template', problems };
    }
    if (!type.startsWith('application/json')) problems.push(`content type ${type}`);
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      return { outcome: `${status} not JSON`, problems: [...problems, `not JSON: ${text.slice(0, 200)}`] };
    }
    let quoted = text;
    for (const echo of request.echoes) if (echo) quoted = quoted.split(JSON.stringify(echo).slice(1, -1)).join('').split(echo).join('');
    if (STACK.test(quoted)) problems.push(`stack trace: ${quoted.match(STACK)![0]}`);
    if (SQL.test(quoted)) problems.push(`SQL: ${quoted.match(SQL)![0].slice(0, 200)}`);
    if (ms > SLOW_MS) problems.push(`answered after ${Math.round(ms)} ms`);

    if (request.path?.startsWith('/import')) {
      const code: string = body.error?.code ?? body.status ?? '?';
      if (!importAnswers.get(status)?.has(code)) problems.push(`undocumented import answer ${status} ${code}: ${text.slice(0, 300)}`);
      return { outcome: `${status} ${code}`, problems };
    }
    const errors: any[] | undefined = body.errors;
    const code: string = errors?.[0]?.extensions?.code ?? (body.data ? 'data' : '?');
    if (!graphqlStatuses.has(status)) problems.push(`undocumented status ${status}`);
    if (status !== 200 && !errors?.length) problems.push(`status ${status} without errors`);
    if (!errors?.length && !body.data) problems.push('neither data nor errors');
    for (const error of errors ?? []) {
      const own = error?.extensions?.code;
      if (!graphqlCodes.has(own)) problems.push(`undocumented code ${own}: ${error?.message}`);
      // Documented, but never the answer to anything a client sends.
      if (own === 'INTERNAL_SERVER_ERROR') problems.push(`internal error at ${JSON.stringify(error.path)}`);
    }
    return { outcome: `${status} ${code}`, problems };
  }

  async function sendAll(requests: FuzzRequest[], concurrency: number): Promise<Answer[]> {
    const answers: Answer[] = new Array(requests.length);
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const index = next++;
        answers[index] = await send(requests[index]!);
        if (process.env.FUZZ_TRACE) console.log(index, requests[index]!.label.slice(0, 80), answers[index]!.outcome, Math.round(answers[index]!.ms));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return answers;
  }

  it('answers every malformed, mistyped, huge, hostile or multiplying request with a documented refusal or data, and stays up', async () => {
    const rng = seeded(SEED);
    const graphql = [
      ...malformed(rng), ...wrongTypes(rng), ...hugeValues(rng), ...injectionsIn(rng), ...unicodeIn(rng), ...invalidUtf8(rng), ...invalidCursors(rng, data),
      ...deepNesting(), ...multipliers(), ...batches(),
    ];
    const imports = importInputs(rng, data);
    const started = performance.now();
    // FUZZ_ONLY=<text> sends only the categories whose name holds it.
    const only = (requests: FuzzRequest[]) => requests.filter((request) => !process.env.FUZZ_ONLY || request.category.includes(process.env.FUZZ_ONLY));
    const answers = [...(await sendAll(only(graphql), 4)), ...(await sendAll(only(imports), 1))];
    const seconds = (performance.now() - started) / 1000;

    console.log(`fuzz seed ${SEED}: ${answers.length} inputs in ${seconds.toFixed(1)} s\n${table(answers)}`);

    const failures = answers.filter((answer) => answer.problems.length > 0).map((answer) => `[${answer.request.category}] ${answer.request.label} as ${answer.request.role}: ${answer.outcome}: ${answer.problems.join('; ')}`);
    // FUZZ_REPORT=<file> keeps every failure, beyond the first 40 the assertion shows.
    if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, [...failures, ...api.logged.map((entry) => JSON.stringify(entry, (_key, value) => (value instanceof Error ? `${value.name}: ${value.message}` : value)))].join('\n'));
    expect(failures.slice(0, 40), `${failures.length} of ${answers.length} answers failed`).toEqual([]);
    expect(api.logged.map((entry) => (entry as { message: string }).message)).toEqual([]);

    // Still up, and still answering each role properly.
    expect(await (await fetch(`${api.url}/health/live`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${api.url}/health/ready`)).json()).toMatchObject({ status: 'ok', database: 'up' });
    for (const role of ['analyst', 'secretary', 'administrator'] as const) {
      const answer = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...credentials[role] }, body: JSON.stringify({ query: '{ regions(first: 1) { totalCount } }' }) });
      expect((await answer.json()) as object).toMatchObject({ data: { regions: { totalCount: expect.any(Number) } } });
    }
  }, 300_000);
});

/** Inputs and outcomes per category, the failures and the slowest answer. */
function table(answers: Answer[]): string {
  const categories = [...new Set(answers.map((answer) => answer.request.category))];
  const rows = categories.map((category) => {
    const own = answers.filter((answer) => answer.request.category === category);
    const outcomes = new Map<string, number>();
    for (const answer of own) outcomes.set(answer.outcome, (outcomes.get(answer.outcome) ?? 0) + 1);
    const listed = [...outcomes].sort((a, b) => b[1] - a[1]).map(([outcome, count]) => `${outcome} ${count}`).join(' · ');
    return [category, String(own.length), String(own.filter((answer) => answer.problems.length).length), String(Math.round(Math.max(...own.map((answer) => answer.ms)))), listed];
  });
  rows.push(['total', String(answers.length), String(answers.filter((answer) => answer.problems.length).length), String(Math.round(Math.max(...answers.map((answer) => answer.ms)))), '']);
  const header = ['category', 'inputs', 'failed', 'slowest ms', 'outcomes (HTTP status, then code, result or data)'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((text, column) => (column === 0 || column === 4 ? text.padEnd(widths[column]!) : text.padStart(widths[column]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
