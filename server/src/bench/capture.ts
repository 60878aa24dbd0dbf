import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startWeb } from './processes.js';

/** One GraphQL request a dashboard page sent, as the page sent it, and who sent it. */
export interface Operation {
  page: string;
  who: string;
  name: string;
  body: string;
}

export interface Visit {
  page: string;
  who: string;
  cookie: string;
}

/**
 * Opens each page in the real dashboard, pointed at a relay that records every GraphQL request
 * it makes to the API: the benchmark then replays exactly what the pages ask, nothing written by hand.
 */
export async function recordPageOperations(apiUrl: string, webPort: number, visits: Visit[]): Promise<Operation[]> {
  const recorded: { cookie: string; body: string }[] = [];
  const relay = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    recorded.push({ cookie: String(request.headers.cookie ?? ''), body });
    const answer = await fetch(`${apiUrl}${request.url}`, { method: request.method, headers: forwardable(request.headers), body: request.method === 'POST' ? body : undefined });
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const web = await startWeb(`http://127.0.0.1:${(relay.address() as AddressInfo).port}`, webPort);
  const operations: Operation[] = [];
  try {
    for (const visit of visits) {
      recorded.length = 0;
      const response = await fetch(`${web.url}${visit.page}`, { headers: { cookie: visit.cookie }, redirect: 'manual' });
      if (response.status !== 200) throw new Error(`${visit.page} as ${visit.who} answered ${response.status}`);
      await response.text();
      for (const { body } of recorded) {
        const name = (JSON.parse(body) as { operationName?: string; query: string }).operationName ?? operationNameOf(body);
        if (!operations.some((known) => known.who === visit.who && known.body === body)) operations.push({ page: visit.page, who: visit.who, name, body });
      }
    }
  } finally {
    await web.stop();
    relay.close();
  }
  return operations;
}

function operationNameOf(body: string): string {
  const query = (JSON.parse(body) as { query: string }).query;
  return /\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'anonymous';
}

function forwardable(headers: http.IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || ['host', 'connection', 'content-length'].includes(name)) continue;
    kept[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return kept;
}

/** The statements an SQL trace file gained since `offset`, without those that find the caller and its scope. */
export async function tracedStatements(file: string, offset: number): Promise<{ statements: string[]; offset: number }> {
  const size = (await stat(file).catch(() => ({ size: 0 }))).size;
  if (size <= offset) return { statements: [], offset };
  const text = (await readFile(file)).subarray(offset, size).toString('utf8');
  const statements = text.split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { sql: string }).sql)
    .filter((sql) => !sql.startsWith('/* caller */') && !/^(begin|commit|rollback|savepoint|release)/i.test(sql.trim()));
  return { statements, offset: size };
}
