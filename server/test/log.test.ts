import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, redact } from '../src/common/log.js';
import { createApiServer, listen, type ApiServer } from '../src/http/app.js';
import { type TestDatabase, testDatabase } from './support/database.js';

const PASSWORD = 'berakhlak-demo';

describe('logs', () => {
  it('blanks secret fields and secrets inside text, errors included', () => {
    const token = 'bkt_Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4OTA';
    const session = 'c2Vzc2lvbi1zZWNyZXQtdmFsdWU';
    const error = Object.assign(new Error(`login failed for password=${PASSWORD} with Authorization: Bearer ${token}`), { code: 'X1' });
    const value = redact({
      password: PASSWORD,
      headers: { authorization: `Bearer ${token}`, cookie: `berakhlak_session=${session}`, 'content-type': 'application/json' },
      nested: [{ apiToken: token, note: `cookie berakhlak_session=${session}; lang=id` }],
      url: `postgres://postgres:${PASSWORD}@127.0.0.1:5432/berakhlak`,
      error,
      count: 3,
    });
    const text = JSON.stringify(value);
    for (const secret of [PASSWORD, token, session]) expect(text).not.toContain(secret);
    expect(value).toMatchObject({
      password: '[redacted]',
      headers: { authorization: '[redacted]', cookie: '[redacted]', 'content-type': 'application/json' },
      nested: [{ apiToken: '[redacted]', note: 'cookie berakhlak_session=[redacted]; lang=id' }],
      url: 'postgres://postgres:[redacted]@127.0.0.1:5432/berakhlak',
      error: { name: 'Error', code: 'X1', message: 'login failed for password=[redacted] with Authorization: Bearer [redacted]' },
      count: 3,
    });
  });

  it('writes one JSON object per line with time, level, message and fields; drops lines below its level', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', write: (line) => lines.push(line) });
    log('hello', { rows: 3, token: 'x' });
    log('quiet', undefined, 'debug');
    log('broken', new Error('boom'), 'error');
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { time: expect.any(String), level: 'info', msg: 'hello', rows: 3, token: '[redacted]' },
      { time: expect.any(String), level: 'error', msg: 'broken', error: expect.objectContaining({ name: 'Error', message: 'boom' }) },
    ]);
  });

  describe('of a running API', () => {
    let db: TestDatabase;
    let api: ApiServer;
    let url: string;
    const lines: string[] = [];

    beforeAll(async () => {
      db = await testDatabase('demo');
      api = await createApiServer(await db.orm(), createLogger({ level: 'debug', write: (line) => lines.push(line) }), { requestLog: true });
      url = `http://127.0.0.1:${await listen(api.server, 0, '127.0.0.1')}`;
    });
    afterAll(async () => {
      await api?.close();
      await db?.drop();
    });

    const post = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

    it('never holds a password, token or cookie, and ties each line to its request id', async () => {
      const login = await post({ query: 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { user { email } } }', variables: { email: 'data@berakhlak.example', password: PASSWORD } }, { 'x-request-id': 'sign-in-1' });
      const cookie = login.headers.getSetCookie().find((header) => header.startsWith('berakhlak_session='))!.split(';')[0]!;
      const session = cookie.split('=')[1]!;
      const created = (await (await post({ query: 'mutation { createApiToken(input: { name: "log test" }) { token } }' }, { cookie })).json()) as { data: { createApiToken: { token: string } } };
      const token = created.data.createApiToken.token;
      await post({ query: '{ regions(first: 1) { totalCount } }' }, { authorization: `Bearer ${token}`, 'x-request-id': 'with-token' });
      await post({ query: 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { user { email } } }', variables: { email: 'data@berakhlak.example', password: `${PASSWORD}-wrong` } });
      // An unexpected failure inside a resolver is logged with its error, still without secrets.
      await db.sql.query('ALTER TABLE region RENAME TO region_moved');
      try {
        await post({ query: '{ regions(first: 1) { totalCount } }' }, { authorization: `Bearer ${token}`, cookie, 'x-request-id': 'failing' });
      } finally {
        await db.sql.query('ALTER TABLE region_moved RENAME TO region');
      }
      await fetch(`${url}/import/attendance?fileName=x.csv`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: 'nonsense\n' });

      const all = lines.join('\n');
      for (const secret of [PASSWORD, token, session, token.slice(4)]) expect(all).not.toContain(secret);
      const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(parsed.every((line) => typeof line.time === 'string' && typeof line.level === 'string' && typeof line.msg === 'string')).toBe(true);
      expect(parsed).toContainEqual(expect.objectContaining({ msg: 'request', requestId: 'sign-in-1', method: 'POST', path: '/graphql', status: 200, auth: 'none' }));
      expect(parsed).toContainEqual(expect.objectContaining({ msg: 'request', requestId: 'with-token', auth: 'token' }));
      expect(parsed).toContainEqual(expect.objectContaining({ msg: 'unexpected error while answering a GraphQL request', level: 'error', requestId: 'failing' }));
      expect(parsed.filter((line) => line.msg === 'request').every((line) => typeof line.requestId === 'string' && typeof line.ms === 'number')).toBe(true);
    });
  });
});
