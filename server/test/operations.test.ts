import 'reflect-metadata';
import http from 'node:http';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ormOptions, openOrm } from '../src/database/orm.js';
import { createApiServer, listen } from '../src/http/app.js';
import { RateLimiter } from '../src/http/rate-limit.js';
import { freePort } from './support/ports.js';
import { signIn, startTestApi, type TestApi } from './support/api.js';
import { type TestDatabase, testDatabase } from './support/database.js';

const ME = '{ me { user { email } } }';
const REPORT = 'mutation ($input: [ObservationInput!]!) { reportObservations(input: $input) { value } }';
const ask = (url: string, headers: Record<string, string> = {}, query = ME) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });

describe('operations: request ids, rate limits, timeouts, shutdown, an unreachable database', () => {
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

  it('returns the caller\'s X-Request-Id, or a new one when none or an unfit one comes', async () => {
    expect((await ask(api.url, { 'x-request-id': 'dashboard-7f3a.1' })).headers.get('x-request-id')).toBe('dashboard-7f3a.1');
    const made = (await ask(api.url)).headers.get('x-request-id');
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    const unfit = `${'x'.repeat(200)} "quoted"`;
    expect((await ask(api.url, { 'x-request-id': unfit })).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await fetch(`${api.url}/health/live`)).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets the API\'s session cookie Secure behind HTTPS (a trusted proxy says so), and not over plain HTTP', async () => {
    const login = (headers: Record<string, string>) =>
      fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { user { email } } }', variables: { email: 'analis@berakhlak.example', password: 'berakhlak-demo' } }),
      }).then((response) => response.headers.getSetCookie().find((cookie) => cookie.startsWith('berakhlak_session='))!);
    expect(await login({ 'x-forwarded-proto': 'https' })).toMatch(/; Secure/);
    expect(await login({})).not.toMatch(/Secure/);
  });

  describe('rate limits', () => {
    it('refuses with 429, Retry-After and RATE_LIMITED past a token\'s or session\'s allowance, without touching another session\'s', async () => {
      const limited = await startTestApi(await db.orm(), { rateLimits: { perCredential: 5, perAddress: 1000 } });
      try {
        const other = await limited.as('admin@berakhlak.example');
        for (let request = 0; request < 5; request += 1) expect((await ask(limited.url, { cookie: limited.cookie })).status).toBe(200);
        const refused = await ask(limited.url, { cookie: limited.cookie });
        expect(refused.status).toBe(429);
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED', retryable: true, retryAfterSeconds: expect.any(Number) } }] });
        expect((await other.query(ME)).status).toBe(200);
        // The import endpoint counts too, and answers in its own shape.
        const upload = await fetch(`${limited.url}/import/attendance`, { method: 'POST', headers: { cookie: limited.cookie, 'content-type': 'text/csv' }, body: 'x\n' });
        expect(upload.status).toBe(429);
        expect(await upload.json()).toMatchObject({ error: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } });
      } finally {
        await limited.close();
      }
    });

    it('counts requests without a valid credential per address, so inventing tokens does not get around it', async () => {
      const limited = await startTestApi(await db.orm(), { rateLimits: { perCredential: 1000, perAddress: 4 } });
      try {
        // The sign-in of startTestApi was the first anonymous request.
        const answers = [];
        for (let request = 0; request < 4; request += 1) answers.push((await ask(limited.url, { authorization: `Bearer bkt_invented${request}` })).status);
        expect(answers).toEqual([200, 200, 200, 429]);
        expect((await ask(limited.url)).status).toBe(429);
        // A signed-in session is counted on its own.
        expect((await ask(limited.url, { cookie: limited.cookie })).status).toBe(200);
      } finally {
        await limited.close();
      }
    });

    it('regains the allowance evenly over a minute', () => {
      let now = 0;
      const limiter = new RateLimiter({ perCredential: 60, perAddress: 60 }, () => now);
      for (let request = 0; request < 60; request += 1) expect(limiter.take('k', 60)).toBeNull();
      expect(limiter.take('k', 60)).toBe(1);
      now += 1000;
      expect(limiter.take('k', 60)).toBeNull();
      expect(limiter.take('k', 60)).toBe(1);
      expect(limiter.take('other', 60)).toBeNull();
      expect(limiter.take('k', 0)).toBeNull();
    });
  });

  it('stops a statement over the statement timeout and answers QUERY_TIMEOUT, holding no connection', async () => {
    const orm = await openOrm(db.url, { statementTimeoutMs: 300 });
    const timed = await startTestApi(orm, { periodLockDays: 2000 });
    const locker = await db.sql.connect();
    try {
      expect((await orm.em.getConnection().execute<{ statement_timeout: string }[]>('SHOW statement_timeout'))[0]!.statement_timeout).toBe('300ms');
      const admin = await timed.as('admin@berakhlak.example');
      const row = { indicatorCode: 'AGEN_PERUBAHAN', regionCode: '13.77', periodStart: '2024-01-01', value: 3 };
      expect((await admin.query(REPORT, { input: [row] })).errors).toBeUndefined();
      // A write that waits on a row another transaction holds waits past the timeout.
      await locker.query('BEGIN');
      await locker.query("SELECT 1 FROM observation o JOIN region r ON r.id = o.region_id WHERE r.code = '13.77' AND o.period_start = '2024-01-01' FOR UPDATE OF o");
      const started = Date.now();
      const answer = await admin.query(REPORT, { input: [{ ...row, value: 4 }] });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TIMEOUT', retryable: false } });
      expect(JSON.stringify(answer)).not.toMatch(/select|insert|statement_timeout|stack/i);
    } finally {
      await locker.query('ROLLBACK');
      locker.release();
      await timed.close();
      await orm.close();
    }
  });

  it('on shutdown: readiness says "draining" at once while requests are still served, then new connections are refused', async () => {
    const draining = await startTestApi(await db.orm(), { shutdownDelayMs: 600 });
    const closing = draining.close();
    const ready = await fetch(`${draining.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'draining' });
    expect((await fetch(`${draining.url}/health/live`)).status).toBe(200);
    expect((await ask(draining.url, { cookie: draining.cookie })).status).toBe(200);
    await closing;
    await expect(fetch(`${draining.url}/health/live`)).rejects.toThrow();
  });

  it('on shutdown: a request still running after the grace is cut off, and closing does not wait for it', async () => {
    const stuck = await startTestApi(await db.orm(), { shutdownGraceMs: 300 });
    const cookie = await signIn(stuck.url, 'sekko.pariaman@berakhlak.example');
    const upload = http.request(`${stuck.url}/import/attendance`, { method: 'POST', headers: { cookie, 'content-type': 'text/csv', 'transfer-encoding': 'chunked' } });
    const cut = new Promise<string>((resolve) => {
      upload.on('error', (error) => resolve(error.message));
      upload.on('response', (response) => resolve(`answered ${response.statusCode}`));
    });
    upload.write('session_id,region_code,participants\n');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    await stuck.close();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await cut).toMatch(/socket hang up|ECONNRESET/);
  });

  it('with the database unreachable: 503 SERVICE_UNAVAILABLE with Retry-After at once, readiness down, liveness up', async () => {
    const orm = await MikroORM.init(ormOptions(`postgres://nobody:nothing@127.0.0.1:${await freePort()}/none`, { connect: false }));
    const logged: unknown[] = [];
    const server = await createApiServer(orm, (message, details) => logged.push({ message, details }), { responseCache: false, callerCache: false });
    const url = `http://127.0.0.1:${await listen(server.server, 0, '127.0.0.1')}`;
    try {
      const cookie = await signIn(api.url, 'analis@berakhlak.example');
      const started = Date.now();
      const answer = await ask(url, { cookie }, '{ regions { totalCount } }');
      expect(Date.now() - started).toBeLessThan(2000);
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('2');
      const body = await answer.json();
      expect(body).toEqual({ errors: [{ message: 'The database is unavailable right now; retry shortly', extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, retryAfterSeconds: 2 } }] });
      expect((await fetch(`${url}/health/ready`)).status).toBe(503);
      expect(await (await fetch(`${url}/health/live`)).json()).toEqual({ status: 'ok' });
      const upload = await fetch(`${url}/import/attendance`, { method: 'POST', headers: { cookie, 'content-type': 'text/csv' }, body: 'x\n' });
      expect(upload.status).toBe(503);
      expect(await upload.json()).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE', retryable: true } });
      expect(logged).toContainEqual(expect.objectContaining({ message: 'database unreachable: answering 503 SERVICE_UNAVAILABLE until it is back' }));
    } finally {
      await server.close();
      await orm.close();
    }
  });
});
