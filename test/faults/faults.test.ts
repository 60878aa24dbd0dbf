import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { attachDatabase, type DatabaseHandle, postmasterPid, postmasterRunning, startEmbedded } from '@berakhlak/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Answer, apiBackends, ask, createAdmin, freePort, lockObservation, openUpload, processesIn, readiness, retryableRefusal, type ServerProcess, signIn, sleep,
  startServer, startServerWithEmbeddedDatabase, succeeded, waitFor,
} from './support.js';

/**
 * The server against the faults a deployment meets: PostgreSQL stopped or crashed under load,
 * uploads and mutations cut off by their client or by the server's death, and SIGTERM with a
 * request in flight. Each test adds a row to the table printed at the end.
 */
const INDICATOR = 'AGEN_PERUBAHAN';
const REPORT = 'mutation ($input: [ObservationInput!]!) { reportObservations(input: $input) { value } }';
const READ = '{ regions(level: PROVINCE) { totalCount } indicators { totalCount } }';
const CSV_HEADER = 'indicator_code,region_code,period_start,core_value_code,value';
/** Seconds PostgreSQL stays away in each outage. */
const OUTAGE_MS = 3000;
/** After SIGTERM, requests are still served this long while readiness already says no. */
const SHUTDOWN_DELAY_S = 2;
/** The promise of the issue: back within 5 s of the database's return. */
const RECOVERY_LIMIT_MS = 5000;
/** The start command's own embedded PostgreSQL, killed, is back and serving within this (it waits for no person). */
const EMBEDDED_RESTART_LIMIT_MS = 15_000;
/** An answer slower than this during an outage counts as a hang (a busy machine answers a read in well under a second). */
const HANG_MS = 5000;

/** The first day of the quarter `back` quarters before the current one (UTC). */
function quarterStart(back: number): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3 - 3 * back, 1));
  return date.toISOString().slice(0, 10);
}
/** The load's writes go to the last quarter; the cut-off uploads and mutations to the one before. */
const LOAD_PERIOD = quarterStart(1);
const CUT_PERIOD = quarterStart(2);

interface Survived {
  fault: string;
  outcome: string;
}

describe('faults the server survives', () => {
  const survived: Survived[] = [];
  let dataDir: string;
  let clusterDir: string;
  let pgPort: number;
  let db: DatabaseHandle;
  let sql: pg.Pool;
  let server: ServerProcess;
  let cookies: string[];
  let regions: string[];

  const startPostgres = async () => (db = await startEmbedded({ dataDir, port: pgPort, database: 'faults' }));

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'berakhlak-faults-'));
    clusterDir = path.join(dataDir, 'cluster');
    pgPort = await freePort();
    // Durable settings (not the tests' fast ones): an acknowledged commit must survive a crash.
    await startPostgres();
    await createAdmin(db.url);
    server = await startServer(db.url, { SHUTDOWN_DELAY_SECONDS: String(SHUTDOWN_DELAY_S) });
    sql = new pg.Pool({ connectionString: db.url, max: 4 });
    // The suite's own connections break with every outage; that is expected, not a failure.
    sql.on('error', () => {});
    regions = (await sql.query<{ code: string }>('SELECT code FROM region ORDER BY code')).rows.map((row) => row.code);
    // One session per reader and writer, as separate dashboard users would have; one after the
    // other, as simultaneous sign-ins of one account count as attempts against its slow-down.
    cookies = [];
    for (let session = 0; session < 8; session += 1) cookies.push(await signIn(server.url));
  });

  afterAll(async () => {
    if (server?.running()) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await sql?.end().catch(() => {});
    await db?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    printTable(survived);
  });

  /** The value each writer last had acknowledged per region, and every value it tried. */
  const written = new Map<string, { acked: number | null; ackedAt: number | null; tried: Set<number> }>();
  let nextValue = 1;

  /** Readers and writers, each with its own session, until stopped; every answer is kept. */
  function startLoad() {
    let running = true;
    const answers: (Answer & { kind: 'read' | 'write' })[] = [];
    const reader = async (cookie: string) => {
      while (running) {
        answers.push({ kind: 'read', ...(await ask(server.url, READ, {}, cookie)) });
        await sleep(10);
      }
    };
    const writer = async (cookie: string, owned: string[]) => {
      for (let turn = 0; running; turn += 1) {
        const region = owned[turn % owned.length]!;
        const value = nextValue++;
        const entry = written.get(region) ?? { acked: null, ackedAt: null, tried: new Set<number>() };
        written.set(region, entry);
        entry.tried.add(value);
        const answer = await ask(server.url, REPORT, { input: [{ indicatorCode: INDICATOR, regionCode: region, periodStart: LOAD_PERIOD, value }] }, cookie);
        if (succeeded(answer)) Object.assign(entry, { acked: value, ackedAt: answer.started });
        answers.push({ kind: 'write', ...answer });
        await sleep(10);
      }
    };
    const writers = 4;
    const tasks = [
      ...cookies.slice(0, 4).map((cookie) => reader(cookie)),
      ...cookies.slice(4).map((cookie, index) => writer(cookie, regions.filter((_, at) => at % writers === index))),
    ];
    return {
      stop: async () => {
        running = false;
        await Promise.all(tasks);
        return answers;
      },
    };
  }

  /** Every acknowledged write is in the database: the last acknowledged value, or a later one that was tried. */
  async function checkAcknowledgedWrites(): Promise<{ acked: number; lost: string[] }> {
    const { rows } = await sql.query<{ code: string; value: number }>(
      `SELECT r.code, o.value FROM observation o JOIN indicator i ON i.id = o.indicator_id JOIN region r ON r.id = o.region_id
       WHERE i.code = $1 AND o.period_start = $2`,
      [INDICATOR, LOAD_PERIOD],
    );
    const stored = new Map(rows.map((row) => [row.code, Number(row.value)]));
    const lost: string[] = [];
    let acked = 0;
    for (const [region, { acked: last, tried }] of written) {
      const value = stored.get(region);
      if (last !== null) acked += 1;
      const fine = value === undefined ? last === null : tried.has(value) && (last === null || value >= last);
      if (!fine) lost.push(`${region}: stored ${value}, last acknowledged ${last}`);
    }
    return { acked, lost };
  }

  const ackedSince = (since: number) => [...written.values()].filter((entry) => entry.ackedAt !== null && entry.ackedAt >= since).length;

  async function outage(fault: string, bringDown: () => Promise<void>) {
    const started = Date.now();
    const load = startLoad();
    // Writes acknowledged before the fault, whatever the machine's speed: those are the ones at stake.
    await sleep(1500);
    await waitFor('writes acknowledged before the fault', () => ackedSince(started) >= 8, 30_000);
    await bringDown();
    const downAt = Date.now();
    const noticedMs = await waitFor('readiness to say the database is down', async () => (await readiness(server.url))?.status === 503, 5000);
    await sleep(OUTAGE_MS);
    await startPostgres();
    const backAt = Date.now();
    const readyMs = await waitFor('readiness after the database returned', async () => (await readiness(server.url))?.status === 200, 15_000, 20);
    await sleep(1500);
    await waitFor('writes acknowledged after the database returned', () => ackedSince(backAt) >= 4, 30_000);
    const answers = await load.stop();

    const during = answers.filter((answer) => answer.started >= downAt && answer.started < backAt);
    const refused = answers.filter(retryableRefusal);
    const unclear = answers.filter((answer) => !succeeded(answer) && !retryableRefusal(answer));
    const firstAnswered = Math.min(...answers.filter((answer) => succeeded(answer) && answer.started >= backAt).map((answer) => answer.started + answer.ms));
    const slowest = Math.max(...answers.map((answer) => answer.ms));
    const leaks = answers.filter((answer) => /select |insert |update |\bat .*\.js|stack/i.test(JSON.stringify(answer.body)));
    const writes = await checkAcknowledgedWrites();

    expect(server.running(), 'the server is still running').toBe(true);
    const errorsLogged = server.output().split('\n').filter((line) => line.includes('"level":"error"')).join('\n');
    expect(unclear.map((answer) => `${answer.status} ${answer.failure ?? JSON.stringify(answer.body)}`), `answers neither served nor a clear retryable 503; the server logged:\n${errorsLogged}`).toEqual([]);
    expect(during.length, 'requests were made during the outage').toBeGreaterThan(20);
    expect(during.every((answer) => retryableRefusal(answer) || succeeded(answer))).toBe(true);
    expect(refused.length).toBeGreaterThan(0);
    expect(slowest, 'the slowest answer (no hang)').toBeLessThan(HANG_MS);
    expect(leaks).toEqual([]);
    expect(readyMs, 'ready again within 5 s of the database').toBeLessThan(RECOVERY_LIMIT_MS);
    expect(firstAnswered - backAt, 'a query answered within 5 s of the database').toBeLessThan(RECOVERY_LIMIT_MS);
    expect(writes.lost, 'acknowledged writes missing').toEqual([]);
    expect(writes.acked).toBeGreaterThanOrEqual(12);

    survived.push({
      fault,
      outcome: `${answers.filter(succeeded).length} answers served, ${refused.length} refused 503 SERVICE_UNAVAILABLE + Retry-After, 0 other; slowest ${slowest} ms; ` +
        `not ready after ${noticedMs} ms; ready ${readyMs} ms and serving ${firstAnswered - backAt} ms after PostgreSQL returned; ${writes.acked} acknowledged writes all stored`,
    });
  }

  it('PostgreSQL stopped and restarted under load: 503 retryable at once, back by itself within 5 s, no acknowledged write lost', async () => {
    await outage(`PostgreSQL stopped (fast shutdown) for ${OUTAGE_MS / 1000} s under 4 readers and 4 writers`, () => db.stop());
  });

  it('PostgreSQL crashed (immediate shutdown, recovery at start) under load: the same', async () => {
    await outage(`PostgreSQL crashed (SIGQUIT, WAL recovery) for ${OUTAGE_MS / 1000} s under 4 readers and 4 writers`, async () => {
      process.kill(postmasterPid(clusterDir)!, 'SIGQUIT');
      await waitFor('the postmaster to exit', () => !postmasterRunning(clusterDir), 10_000);
    });
  });

  it('the start command\'s own embedded PostgreSQL killed (SIGKILL): started again by the start command, ready and serving within 15 s; SIGTERM still stops it all', async () => {
    const ownDir = await mkdtemp(path.join(tmpdir(), 'berakhlak-faults-embedded-'));
    const ownCluster = path.join(ownDir, 'cluster');
    const ownPort = await freePort();
    const product = await startServerWithEmbeddedDatabase(ownDir, ownPort);
    try {
      await createAdmin((await attachDatabase({ dataDir: ownDir, port: ownPort, database: 'berakhlak' }, '')).url);
      const cookie = await signIn(product.url);
      const killed = postmasterPid(ownCluster)!;
      process.kill(killed, 'SIGKILL');
      const killedAt = Date.now();
      const noticedMs = await waitFor('readiness to say the database is down', async () => (await readiness(product.url))?.status === 503, 5000);
      // Nobody starts PostgreSQL here: only the start command itself can bring readiness back.
      await waitFor('readiness after the start command restarted PostgreSQL', async () => (await readiness(product.url))?.status === 200, EMBEDDED_RESTART_LIMIT_MS, 20);
      const readyMs = Date.now() - killedAt;
      await waitFor('a query answered', async () => succeeded(await ask(product.url, READ, {}, cookie)), EMBEDDED_RESTART_LIMIT_MS - readyMs, 20);
      const servedMs = Date.now() - killedAt;
      expect(postmasterPid(ownCluster)).not.toBe(killed);
      expect(product.output()).toMatch(/"level":"warn","msg":"embedded PostgreSQL died without being stopped/);
      expect(product.output()).toMatch(/"level":"info","msg":"embedded PostgreSQL restarted/);

      product.child.kill('SIGTERM');
      expect((await product.exited).code).toBe(0);
      expect(postmasterRunning(ownCluster)).toBe(false);
      expect(await processesIn(ownCluster), 'PostgreSQL processes of the cluster left after the start command exited').toEqual([]);
      survived.push({
        fault: 'the start command\'s own embedded PostgreSQL SIGKILLed',
        outcome: `not ready after ${noticedMs} ms; restarted by the start command, ready ${readyMs} ms and serving ${servedMs} ms after the kill; then SIGTERM: exit 0, no PostgreSQL process left`,
      });
    } finally {
      if (product.running()) {
        product.child.kill('SIGTERM');
        await product.exited;
      }
      // Whatever failed, the suite leaves no PostgreSQL behind.
      if (postmasterRunning(ownCluster)) process.kill(postmasterPid(ownCluster)!, 'SIGQUIT');
      await rm(ownDir, { recursive: true, force: true });
    }
  }, 120_000);

  const csv = (slice: string[], value: number) => `${CSV_HEADER}\n${slice.map((region) => `${INDICATOR},${region},${CUT_PERIOD},,${value}`).join('\n')}\n`;
  const storedValues = async (slice: string[]) => {
    const { rows } = await sql.query<{ code: string; value: number }>(
      `SELECT r.code, o.value::int AS value FROM observation o JOIN indicator i ON i.id = o.indicator_id JOIN region r ON r.id = o.region_id
       WHERE i.code = $1 AND o.period_start = $2 AND r.code = ANY($3) ORDER BY r.code`,
      [INDICATOR, CUT_PERIOD, slice],
    );
    return rows;
  };
  const auditedImports = async (fileName: string) => Number((await sql.query("SELECT count(*) FROM audit_entry WHERE entity = 'import' AND entity_key = $1", [fileName])).rows[0].count);
  const uploadHeaders = (cookie: string) => ({ cookie, 'content-type': 'text/csv' });
  /** Until no API session is inside a transaction: what a cut-off write leaves must be gone. */
  const settled = () => waitFor('the API sessions to leave their transactions', async () => (await apiBackends(sql)).every((backend) => backend.state === 'idle'), 10_000);

  it('an upload cut off by its client mid-way writes nothing and holds nothing', async () => {
    const slice = regions.slice(0, 50);
    const upload = openUpload(server.url, '/import/observations?fileName=cut-off.csv', uploadHeaders(cookies[0]!));
    upload.request.write(csv(slice, 22).split('\n').slice(0, 26).join('\n') + '\n');
    await sleep(700);
    upload.request.destroy();
    await waitFor('the server to notice the cut-off upload', () => server.output().includes('the upload was cut off; nothing was written'));
    await settled();
    expect(await storedValues(slice)).toEqual([]);
    expect(await auditedImports('cut-off.csv')).toBe(0);
    expect((await readiness(server.url))?.status).toBe(200);
    survived.push({ fault: 'import upload cut off by the client after 25 of 50 rows', outcome: '0 rows written, no audit entry, connection back in the pool, server ready' });
  });

  it('a mutation whose client disconnects mid-way is applied whole or not at all', async () => {
    const slice = regions.slice(50, 100);
    expect(succeeded(await ask(server.url, REPORT, { input: [{ indicatorCode: INDICATOR, regionCode: slice[25], periodStart: CUT_PERIOD, value: 1 }] }, cookies[0]))).toBe(true);
    const lock = await lockObservation(sql, { indicator: INDICATOR, region: slice[25]!, period: CUT_PERIOD });
    const body = JSON.stringify({ query: REPORT, variables: { input: slice.map((region) => ({ indicatorCode: INDICATOR, regionCode: region, periodStart: CUT_PERIOD, value: 44 })) } });
    const upload = openUpload(server.url, '/graphql', { cookie: cookies[0]!, 'content-type': 'application/json' });
    upload.request.end(body);
    await waitFor('the mutation to wait on the locked row, mid-transaction', async () => (await apiBackends(sql)).some((backend) => backend.wait === 'Lock'));
    upload.request.destroy();
    await sleep(200);
    await lock.release();
    await settled();
    const values = (await storedValues(slice)).map((row) => row.value);
    const whole = values.length === slice.length && values.every((value) => value === 44);
    const none = values.filter((value) => value === 44).length === 0;
    expect(whole || none, `stored: ${values.join(',')}`).toBe(true);
    survived.push({ fault: 'mutation of 50 values whose client disconnected mid-transaction', outcome: whole ? 'applied whole (50 of 50), as the server finishes what it began' : 'not applied (0 of 50)' });
  });

  it('SIGTERM: not ready at once, still serving during the delay, then refuses new connections, finishes the upload in flight, closes its pool and exits 0', async () => {
    const slice = regions.slice(100, 150);
    const lines = csv(slice, 11).split('\n');
    const upload = openUpload(server.url, '/import/observations?fileName=drain.csv', uploadHeaders(cookies[0]!));
    upload.request.write(lines.slice(0, 26).join('\n') + '\n');
    await sleep(300);

    const signalled = Date.now();
    server.child.kill('SIGTERM');
    const drainingMs = await waitFor('readiness to say draining', async () => (await readiness(server.url))?.status === 503, 1000, 5);
    expect(await readiness(server.url)).toEqual({ status: 503, body: { status: 'draining' } });
    expect((await fetch(`${server.url}/health/live`)).status).toBe(200);
    expect(succeeded(await ask(server.url, READ, {}, cookies[1])), 'served during the shutdown delay').toBe(true);
    const closedMs = await waitFor('the listener to close', () => fetch(`${server.url}/health/live`).then(() => false, () => true), 5000);

    upload.request.end(lines.slice(26).join('\n'));
    const answer = await upload.answer;
    expect(answer.status, answer.body).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 'APPLIED', rows: 50 });
    const { code } = await server.exited;
    const exitMs = Date.now() - signalled;
    expect(code).toBe(0);
    expect(server.output()).toMatch(/"msg":"stopped"/);
    expect(await apiBackends(sql)).toEqual([]);
    expect((await storedValues(slice)).map((row) => row.value)).toEqual(slice.map(() => 11));
    survived.push({
      fault: 'SIGTERM with an import upload in flight',
      outcome: `readiness 503 "draining" after ${drainingMs} ms, requests served during the ${SHUTDOWN_DELAY_S} s delay, listener closed ${closedMs} ms later, upload finished (50 rows applied), pool closed, exit 0 ${exitMs} ms after the signal`,
    });
  });

  it('SIGTERM to a server that has served nothing yet: exits 0 at once', async () => {
    const idle = await startServer(db.url, { SHUTDOWN_DELAY_SECONDS: '0' });
    const signalled = Date.now();
    idle.child.kill('SIGTERM');
    const { code } = await idle.exited;
    const exitMs = Date.now() - signalled;
    expect(code).toBe(0);
    // Apollo's own signal handler used to race the server's, leaving its second stop() waiting for the 25 s bound.
    expect(exitMs, idle.output()).toBeLessThan(5000);
    survived.push({ fault: 'SIGTERM to an idle server', outcome: `exit 0 ${exitMs} ms after the signal` });
  });

  it('the server killed (SIGKILL) mid-import, blocked inside its transaction: nothing of the file remains', async () => {
    server = await startServer(db.url);
    const slice = regions.slice(150, 200);
    expect(succeeded(await ask(server.url, REPORT, { input: [{ indicatorCode: INDICATOR, regionCode: slice[25], periodStart: CUT_PERIOD, value: 1 }] }, cookies[0]))).toBe(true);
    const lock = await lockObservation(sql, { indicator: INDICATOR, region: slice[25]!, period: CUT_PERIOD });
    const upload = openUpload(server.url, '/import/observations?fileName=killed.csv', uploadHeaders(cookies[0]!));
    upload.request.end(csv(slice, 33));
    await waitFor('the import to wait on the locked row, its other rows written in its transaction', async () => (await apiBackends(sql)).some((backend) => backend.wait === 'Lock'));
    server.child.kill('SIGKILL');
    await server.exited;
    await lock.release();
    await waitFor('the killed server\'s sessions to end', async () => (await apiBackends(sql)).length === 0);
    const values = await storedValues(slice);
    expect(values).toEqual([{ code: slice[25], value: 1 }]);
    expect(await auditedImports('killed.csv')).toBe(0);
    survived.push({ fault: 'server SIGKILLed mid-import (50 rows, apply step under way)', outcome: '0 of 50 rows written, no audit entry, its sessions gone from PostgreSQL' });
  });

  it('the server killed (SIGKILL) mid-mutation: nothing of the mutation remains', async () => {
    server = await startServer(db.url);
    const slice = regions.slice(200, 250);
    expect(succeeded(await ask(server.url, REPORT, { input: [{ indicatorCode: INDICATOR, regionCode: slice[25], periodStart: CUT_PERIOD, value: 1 }] }, cookies[0]))).toBe(true);
    const lock = await lockObservation(sql, { indicator: INDICATOR, region: slice[25]!, period: CUT_PERIOD });
    const pending = ask(server.url, REPORT, { input: slice.map((region) => ({ indicatorCode: INDICATOR, regionCode: region, periodStart: CUT_PERIOD, value: 55 })) }, cookies[0]);
    await waitFor('the mutation to wait on the locked row, mid-transaction', async () => (await apiBackends(sql)).some((backend) => backend.wait === 'Lock'));
    server.child.kill('SIGKILL');
    await server.exited;
    expect((await pending).status, 'the client saw the connection break').toBe(0);
    await lock.release();
    await waitFor('the killed server\'s sessions to end', async () => (await apiBackends(sql)).length === 0);
    expect(await storedValues(slice)).toEqual([{ code: slice[25], value: 1 }]);
    const audited = Number((await sql.query("SELECT count(*) FROM audit_entry WHERE entity = 'observation' AND after->>'value' = '55'")).rows[0].count);
    expect(audited).toBe(0);
    survived.push({ fault: 'server SIGKILLed mid-mutation (50 values, transaction open)', outcome: '0 of 50 values written, no audit entry, its sessions gone from PostgreSQL' });
  });
});

function printTable(rows: Survived[]): void {
  if (rows.length === 0) return;
  const width = Math.max(...rows.map((row) => row.fault.length), 5);
  const lines = [`${'fault'.padEnd(width)} | outcome`, `${'-'.repeat(width)}-|-${'-'.repeat(7)}`, ...rows.map((row) => `${row.fault.padEnd(width)} | ${row.outcome}`)];
  console.log(`\nFaults survived (${rows.length}):\n${lines.join('\n')}\n`);
}
