import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_POLICY } from '../src/http/security-headers.js';
import { startTestApi, type TestApi } from './support/api.js';
import { type TestDatabase, testDatabase } from './support/database.js';

describe('HTTP answers of the API', () => {
  let db: TestDatabase;
  let api: TestApi;

  beforeAll(async () => {
    db = await testDatabase('demo');
    api = await startTestApi(await db.orm());
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const answers = () => [
    ['a query', fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: api.cookie }, body: '{"query":"{ me { email } }"}' })],
    ['a refused query', fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ regions { totalCount } }"}' })],
    ['a malformed body', fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' })],
    ['liveness', fetch(`${api.url}/health/live`)],
    ['readiness', fetch(`${api.url}/health/ready`)],
    ['an import template', fetch(`${api.url}/import/templates/attendance.csv`)],
    ['a refused import', fetch(`${api.url}/import/attendance`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'x\n' })],
    ['an unknown path', fetch(`${api.url}/nowhere`)],
  ] as const;

  it('carries the security headers on every kind of answer, refusals and errors included', async () => {
    for (const [name, pending] of answers()) {
      const response = await pending;
      expect(response.headers.get('content-security-policy'), name).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
      expect(response.headers.get('x-content-type-options'), name).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), name).toBe('DENY');
      expect(response.headers.get('referrer-policy'), name).toBe('no-referrer');
      expect(response.headers.get('x-powered-by'), name).toBeNull();
      expect(response.headers.get('strict-transport-security'), `${name} over plain HTTP`).toBeNull();
    }
  });

  it('lets GraphiQL run its own scripts and no inline ones', async () => {
    const response = await fetch(`${api.url}/graphiql`);
    expect(response.headers.get('content-security-policy')).toBe(GRAPHIQL_POLICY);
    expect(GRAPHIQL_POLICY).toMatch(/script-src 'self';/);
    expect(await response.text()).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('answers an unknown path with JSON, not an HTML page', async () => {
    const response = await fetch(`${api.url}/nowhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'nothing at GET /nowhere; the API is at /graphql' } });
  });

  it('answers liveness without the database and readiness with it', async () => {
    expect(await (await fetch(`${api.url}/health/live`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${api.url}/health/ready`)).json()).toEqual({ status: 'ok', database: 'up' });
  });
});
