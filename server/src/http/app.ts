import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import http from 'node:http';
import type { Context } from '../common/context.js';
import { DATABASE_UNAVAILABLE, ErrorCode, formatError, RETRY_AFTER_SECONDS } from '../common/errors.js';
import { createLoaders } from '../common/loaders.js';
import type { Logger } from '../common/log.js';
import { isDatabaseUnavailable } from '../database/unavailable.js';
import { buildApiSchema } from '../schema/build.js';
import { Availability, availabilityPlugin, drainHttpServer, unavailableError } from './availability.js';
import { inputGuardPlugin } from './input-guard.js';
import { limitsPlugin } from './limits.js';
import { RateLimiter, type RateLimits, rateLimit, rateLimitedError } from './rate-limit.js';
import { requestIds } from './request-log.js';
import { ResponseCache, responseCachePlugin, type ResponseCacheOptions, serveKeptAnswers } from './response-cache.js';
import { securityHeaders } from './security-headers.js';
import { graphiqlRouter } from './graphiql.js';
import { type Authentication, authenticate } from '../auth/authenticate.js';
import { CallerCache } from '../auth/caller-cache.js';
import { type HttpExchange, httpExchange } from '../auth/http-exchange.js';
import { ChangeNotices } from '../database/change-notices.js';
import { Scope } from '../auth/scope.js';
import { importRouter } from '../ingest/import.http.js';
import { defaultImportLimits, type ImportLimits } from '../ingest/import.service.js';

export interface ApiServer {
  server: http.Server;
  /**
   * Shuts down gracefully: readiness says no at once; after `shutdownDelayMs` new requests are
   * refused and the listener closes; requests in flight get up to `shutdownGraceMs` to finish.
   */
  close(): Promise<void>;
}

export type { Logger } from '../common/log.js';

/** The API as an HTTP server: GraphQL at /graphql, imports at /import, and health at /health/live and /health/ready (/health). */
export interface ApiOptions {
  /** Origins besides the API's own whose pages may send mutations: the dashboard's. */
  allowedOrigins?: readonly string[];
  /** Days after a period's end when it locks for reporting (30 by default). */
  periodLockDays?: number;
  /**
   * Peers whose X-Forwarded-For names the client (Express's `trust proxy`): the dashboard signs
   * people in from its own address, and the login slow-down is per person's address.
   */
  trustProxy?: string;
  /** The largest file and the most rows one import takes. */
  importLimits?: Partial<ImportLimits>;
  /** Answers to read operations kept until data changes; false to compute every answer. */
  responseCache?: ResponseCacheOptions | false;
  /** Callers resolved from their credential kept until a user, session, token or region changes; false to look each one up. */
  callerCache?: boolean;
  /** Requests a minute per token or session and per address (docs/operations.md); none when not given. */
  rateLimits?: RateLimits;
  /** Logs one line per request (method, path, status, duration) besides the errors. */
  requestLog?: boolean;
  /** See `ApiServer.close`: 0 and 10 s by default. */
  shutdownDelayMs?: number;
  shutdownGraceMs?: number;
}

export async function createApiServer(orm: MikroORM, log: Logger, { allowedOrigins = [], periodLockDays = 30, trustProxy = 'loopback', importLimits = {}, responseCache = defaultResponseCache, callerCache = true, rateLimits, requestLog = false, shutdownDelayMs = 0, shutdownGraceMs = 10_000 }: ApiOptions = {}): Promise<ApiServer> {
  const availability = new Availability(orm, log);
  const limiter = rateLimits ? new RateLimiter(rateLimits) : null;
  const app = express();
  const server = http.createServer(app);
  const notices = responseCache || callerCache ? new ChangeNotices(orm.config.get('clientUrl')!) : null;
  const cache = responseCache ? new ResponseCache(notices!, responseCache) : null;
  const callers = callerCache ? new CallerCache(notices!) : null;
  await notices?.start();
  const apollo = new ApolloServer<Context>({
    schema: await buildApiSchema(),
    formatError: (formatted, error) => formatError(formatted, error, log),
    includeStacktraceInErrorResponses: false,
    // The server's own SIGTERM handling drains and stops Apollo; Apollo's would race it, and a second
    // stop() during Apollo's own never returns (it waits for a barrier nothing resolves).
    stopOnTerminationSignals: false,
    plugins: [inputGuardPlugin(), limitsPlugin(), availabilityPlugin(availability), ...(cache ? [responseCachePlugin(cache)] : []), forgetOnMutation(cache, callers)],
  });
  await apollo.start();

  app.disable('x-powered-by');
  // Answers are marked no-store: an entity tag would only cost a hash of every body.
  app.set('etag', false);
  app.set('trust proxy', trustProxy);
  app.use(requestIds(requestLog ? log : undefined));
  app.use(securityHeaders);
  // Liveness: the process answers. Readiness: it is not shutting down and reaches its database.
  app.get('/health/live', availability.live);
  app.get(['/health', '/health/ready'], availability.ready);
  app.use(graphiqlRouter());
  app.use(['/graphql', '/import'], availability.refuseWhenStopping);
  if (limiter) app.use(['/graphql', '/import'], rateLimit(limiter));
  // An import's own notice reaches this server too, but its caller's next read may come first.
  if (cache) app.post('/import/*kind', (_request, response, next) => (response.on('finish', () => cache.invalidate()), next()));
  app.use(importRouter(orm, log, callers, { allowedOrigins, lockDays: periodLockDays, limits: { ...defaultImportLimits, ...importLimits } }));
  const identify: RequestHandler = (request, response, next) => {
    const http = httpExchange(request, response, allowedOrigins);
    const authentication = authenticate(orm.em, http, callers);
    authentication.catch(() => {});
    response.locals.caller = { http, authentication } satisfies Caller;
    next();
  };
  const callerOf = (response: Response) => response.locals.caller as Caller;
  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    identify,
    ...(cache ? [serveKeptAnswers(cache, (response) => callerOf(response).authentication.then(({ viewer }) => viewer, () => null))] : []),
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const { http, authentication } = callerOf(res);
        const { viewer, problem } = await authentication.catch((error: unknown) => {
          throw unavailableError(availability, error);
        });
        // A refused credential counts against its address too: inventing tokens does not get around the limit.
        const refusal = limiter && (problem || (http.sessionSecret !== null && !viewer)) ? limiter.chargeAddress(http.address) : null;
        if (refusal) throw rateLimitedError(refusal);
        const em = orm.em.fork();
        return { em, loaders: createLoaders(em, viewer?.scope ?? Scope.nothing()), viewer, authProblem: problem, http, periodLockDays } satisfies Context;
      },
    }),
  );

  app.use((request, response) => {
    response.status(404).json({ error: { code: ErrorCode.NOT_FOUND, message: `nothing at ${request.method} ${request.path}; the API is at /graphql` } });
  });
  app.use(bodyErrors);

  return {
    server,
    close: async () => {
      availability.draining = true;
      if (shutdownDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, shutdownDelayMs));
      availability.stop();
      await drainHttpServer(server, shutdownGraceMs);
      await apollo.stop();
      await notices?.close();
    },
  };
}

const BODY_LIMIT = '256kb';

/** Who a GraphQL request comes from, looked up once by the first step that needs it. */
interface Caller {
  http: HttpExchange;
  authentication: Promise<Authentication>;
}

const defaultResponseCache: ResponseCacheOptions = { maxBytes: 64 * 1024 * 1024, maxAgeMs: 5 * 60_000 };

/** A mutation's own caller may ask again before its notice arrives: this server forgets at once. */
function forgetOnMutation(cache: ResponseCache | null, callers: CallerCache | null): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation }) {
          if (operation?.operation !== 'mutation') return;
          cache?.invalidate();
          callers?.clear();
        },
      };
    },
  };
}

/** Oversized or malformed bodies get a GraphQL-shaped JSON answer, never Express's HTML page with a stack. */
const bodyErrors: ErrorRequestHandler = (error, request, response, next) => {
  if (response.headersSent) return next(error);
  if (isDatabaseUnavailable(error)) {
    response.status(503).set('Retry-After', String(RETRY_AFTER_SECONDS));
    const extensions = { code: ErrorCode.SERVICE_UNAVAILABLE, retryable: true, retryAfterSeconds: RETRY_AFTER_SECONDS };
    if (request.originalUrl.startsWith('/import')) return void response.json({ error: { ...extensions, message: DATABASE_UNAVAILABLE } });
    return void response.json({ errors: [{ message: DATABASE_UNAVAILABLE, extensions }] });
  }
  const tooLarge = error?.type === 'entity.too.large';
  const notJson = error?.type === 'entity.parse.failed';
  // Other client errors: body-parser's 415 for a charset or content encoding it does not read, 400 for a body that does not inflate; the router's 400 for a path that does not decode.
  const refused = !tooLarge && !notJson && Number.isInteger(error?.status) && error.status >= 400 && error.status < 500;
  const status = tooLarge ? 413 : notJson ? 400 : refused ? (error.status as number) : 500;
  const message = tooLarge ? `Request body larger than ${BODY_LIMIT}` : notJson ? 'Request body is not valid JSON' : refused ? (error.expose || error instanceof URIError ? String(error.message) : 'Bad request') : 'Internal server error';
  const code = tooLarge ? ErrorCode.PAYLOAD_TOO_LARGE : status < 500 ? 'BAD_REQUEST' : ErrorCode.INTERNAL_SERVER_ERROR;
  if (request.originalUrl.startsWith('/import')) return void response.status(status).json({ error: { code, message } });
  response.status(status).json({ errors: [{ message, extensions: { code } }] });
};

export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
