import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type EmbeddedOptions, openDatabase } from '@berakhlak/db';
import { DEMO_PASSWORD, demoUsers } from './auth/demo-users.js';
import { createLogger } from './common/log.js';
import { bootstrapDatabase } from './database/bootstrap.js';
import { openOrm } from './database/orm.js';
import { createApiServer, listen } from './http/app.js';
import { readSettings, type Settings } from './config.js';

/**
 * The start command: PostgreSQL (embedded unless DATABASE_URL is set, and then started again
 * should it die), migrations, reference and demo data, the API and the dashboard, all stopped
 * together on Ctrl-C or SIGTERM: readiness says no, requests in flight finish (within
 * SHUTDOWN_GRACE_SECONDS), the pool closes, exit 0.
 */
const settings = settingsOrExit();
/** JSON lines with the request's id, secrets redacted (docs/operations.md). */
const log = createLogger({ level: settings.logLevel, format: settings.logFormat });
/** What to undo on the way out, in reverse order of starting. */
const stops: (() => Promise<void>)[] = [];
const stop = once(async (reason: string, exitCode: number) => {
  log(`${reason}: stopping`);
  // A last bound, should a step hang: the grace for requests in flight, plus time for the rest.
  setTimeout(() => {
    log('could not stop in time; exiting anyway', undefined, 'error');
    process.exit(1);
  }, settings.shutdownDelayMs + settings.shutdownGraceMs + 15_000).unref();
  for (const step of stops.reverse()) await step().catch((error) => log('error while stopping', error, 'error'));
  log('stopped');
  process.exit(exitCode);
});

async function main(settings: Settings): Promise<void> {
  const started = Date.now();
  const database = await openDatabase(embeddedOptions(settings), settings.databaseUrl);
  log(database.embedded ? `embedded PostgreSQL on port ${settings.postgresPort}, data in ${settings.dataDir}` : 'using DATABASE_URL');
  stops.push(() => database.stop());

  const orm = await openOrm(database.url, { statementTimeoutMs: settings.statementTimeoutMs, log });
  stops.push(() => orm.close());
  await bootstrapDatabase(orm, database.url, { dataset: settings.dataset, seed: settings.seed, log });

  const api = await createApiServer(orm, log, {
    allowedOrigins: settings.allowedOrigins,
    periodLockDays: settings.periodLockDays,
    trustProxy: settings.trustProxy,
    importLimits: { maxBytes: settings.importMaxBytes, maxRows: settings.importMaxRows },
    rateLimits: settings.rateLimits,
    requestLog: true,
    shutdownDelayMs: settings.shutdownDelayMs,
    shutdownGraceMs: settings.shutdownGraceMs,
    responseCache: settings.responseCacheBytes > 0 && { maxBytes: settings.responseCacheBytes, maxAgeMs: 5 * 60_000 },
  });
  stops.push(() => api.close());
  const apiPort = await listen(api.server, settings.apiPort, settings.host);
  const apiUrl = `http://${settings.host}:${apiPort}`;

  if (settings.serveWeb) {
    const web = startWeb(settings, `${apiUrl}/graphql`);
    stops.push(() => stopChild(web));
    web.on('exit', (code) => {
      if (code !== null && code !== 0) void stop(`dashboard exited with code ${code}`, 1);
    });
  }

  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  log(`GraphQL API: ${apiUrl}/graphql   health: ${apiUrl}/health`);
  if (settings.serveWeb) log(`Dashboard:   http://${settings.host}:${settings.webPort}/`);
  if (settings.dataset) {
    log(`Demo logins (password ${DEMO_PASSWORD}):`);
    for (const user of demoUsers) log(`  ${user.email.padEnd(36)} ${user.role}${user.regionCode ? ` ${user.regionCode}` : ''}`);
  } else {
    log('No demo data, so no demo logins: create the first administrator with `npx -y pnpm@10 admin:create` (see the README)');
  }
  log('Press Ctrl-C to stop everything');
}

/** The embedded PostgreSQL comes back by itself should it die: no person is at hand to restart it. */
function embeddedOptions(settings: Settings): EmbeddedOptions {
  return {
    dataDir: settings.dataDir, port: settings.postgresPort, database: 'berakhlak',
    restartIfItDies: true,
    log: (message, level) => log(message, undefined, level),
  };
}

function startWeb(settings: Settings, apiUrl: string): ChildProcess {
  if (!existsSync(settings.webEntry)) throw new Error(`the dashboard is not built (${settings.webEntry} is missing): run pnpm build`);
  return spawn(process.execPath, [settings.webEntry], {
    stdio: 'inherit',
    env: {
      ...process.env, PORT: String(settings.webPort), HOST: settings.host, API_URL: apiUrl, ORIGIN: `http://${settings.host}:${settings.webPort}`,
      // The import page relays uploads as large as the API takes, plus the form's own bytes.
      BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? String(settings.importMaxBytes + 1024 * 1024),
    },
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function settingsOrExit(): Settings {
  try {
    return readSettings();
  } catch (error) {
    createLogger()(`could not start: ${error instanceof Error ? error.message : String(error)}`, undefined, 'error');
    process.exit(1);
  }
}

function once<A extends unknown[]>(action: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  let running: Promise<void> | undefined;
  return (...args) => (running ??= action(...args));
}

process.on('SIGINT', () => void stop('SIGINT', 0));
process.on('SIGTERM', () => void stop('SIGTERM', 0));
main(settings).catch((error) => {
  log(`could not start: ${error instanceof Error ? error.message : String(error)}`, undefined, 'error');
  void stop('start failed', 1);
});
