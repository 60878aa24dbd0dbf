import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import type http from 'node:http';
import { DATABASE_UNAVAILABLE, ErrorCode, RETRY_AFTER_SECONDS } from '../common/errors.js';
import type { Logger } from '../common/log.js';
import { isDatabaseUnavailable } from '../database/unavailable.js';

/** A readiness probe that takes longer than this counts as a database that is not there. */
const PROBE_TIMEOUT_MS = 2000;
/** While the database is down, how often the server looks for its return (and logs it). */
const WATCH_INTERVAL_MS = 500;
const SHUTTING_DOWN = 'The server is shutting down; retry, another instance (or this one, restarted) will answer';

/**
 * What the server tells a load balancer and its callers about itself. Liveness: the process
 * answers. Readiness: it is not shutting down and reaches its database. While the database is
 * down, GraphQL answers 503 SERVICE_UNAVAILABLE with Retry-After at once instead of waiting on it.
 */
export class Availability {
  /** From SIGTERM on: readiness says no, so the load balancer stops sending; requests are still served. */
  draining = false;
  /** From when the server stops taking requests: a new request on a kept-alive connection gets 503. */
  stopping = false;
  private downSince: number | null = null;
  private watch: NodeJS.Timeout | undefined;

  constructor(private readonly orm: MikroORM, private readonly log: Logger) {}

  get databaseDown(): boolean {
    return this.downSince !== null;
  }

  /** Asks the database, within a bound; notes a change of state (and logs it) either way. */
  async probe(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS)));
    const query = this.orm.em.getConnection().execute('SELECT 1').then(() => true, () => false);
    const up = await Promise.race([query, timeout]);
    clearTimeout(timer);
    if (up) this.databaseReachable();
    else this.databaseUnreachable();
    return up;
  }

  /** A request met an unreachable database: logged once per outage, then watched until it returns. */
  databaseUnreachable(error?: unknown): void {
    if (this.downSince !== null || this.stopping) return;
    this.downSince = Date.now();
    this.log('database unreachable: answering 503 SERVICE_UNAVAILABLE until it is back', error === undefined ? undefined : { error }, 'warn');
    this.watch = setInterval(() => void this.probe(), WATCH_INTERVAL_MS).unref();
  }

  private databaseReachable(): void {
    if (this.downSince === null) return;
    clearInterval(this.watch);
    this.log('database reachable again', { downMs: Date.now() - this.downSince });
    this.downSince = null;
  }

  stop(): void {
    this.draining = true;
    this.stopping = true;
    clearInterval(this.watch);
  }

  /** GET /health/live: the process answers; true until it exits. */
  readonly live: RequestHandler = (_request, response) => {
    response.json({ status: 'ok' });
  };

  /** GET /health/ready (and /health): 200 only when not draining and the database answers. */
  readonly ready: RequestHandler = async (_request, response) => {
    response.set('Cache-Control', 'no-store');
    if (this.draining) return void withRetryAfter(response).status(503).json({ status: 'draining' });
    if (await this.probe()) return void response.json({ status: 'ok', database: 'up' });
    withRetryAfter(response).status(503).json({ status: 'unavailable', database: 'down' });
  };

  /** Before the GraphQL and import routes: once the server stops taking requests, new ones are turned away. */
  readonly refuseWhenStopping: RequestHandler = (request, response, next) => {
    if (!this.stopping) return next();
    withRetryAfter(response).set('Connection', 'close').status(503);
    if (request.originalUrl.startsWith('/import')) response.json({ error: { code: ErrorCode.SERVICE_UNAVAILABLE, message: SHUTTING_DOWN, retryable: true } });
    else response.json({ errors: [{ message: SHUTTING_DOWN, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryable: true, retryAfterSeconds: RETRY_AFTER_SECONDS } }] });
  };
}

function withRetryAfter(response: Response): Response {
  return response.set('Retry-After', String(RETRY_AFTER_SECONDS));
}

/**
 * A database failure while the request context is built (the caller's credential is looked up
 * first): answered 503 with Retry-After rather than Apollo's 500 "context creation failed".
 */
export function unavailableError(availability: Availability, error: unknown): unknown {
  if (!isDatabaseUnavailable(error)) return error;
  availability.databaseUnreachable(error);
  return new GraphQLError(DATABASE_UNAVAILABLE, {
    extensions: {
      code: ErrorCode.SERVICE_UNAVAILABLE, retryable: true, retryAfterSeconds: RETRY_AFTER_SECONDS,
      http: { status: 503, headers: new HeaderMap([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
    },
  });
}

/** A resolver met an unreachable database: the whole answer becomes a 503 with Retry-After, so clients and proxies retry. */
export function availabilityPlugin(availability: Availability): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, errors }) {
          if (response.body.kind !== 'single') return;
          const unavailable = response.body.singleResult.errors?.some((error) => error.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE);
          if (!unavailable) return;
          availability.databaseUnreachable(errors?.find(isDatabaseUnavailable));
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}

/**
 * Stops taking connections and waits for those open to finish their requests: a kept-alive
 * connection closes as soon as it is idle, and after `graceMs` whatever is left is closed, which
 * rolls back what its requests were writing. (Apollo's drain plugin does the same, but can throw
 * from a timer once a request's socket is gone, which would end the process with an error.)
 */
export async function drainHttpServer(server: http.Server, graceMs: number): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  const hard = setTimeout(() => server.closeAllConnections(), graceMs);
  server.closeIdleConnections();
  await closed;
  clearInterval(idle);
  clearTimeout(hard);
}
