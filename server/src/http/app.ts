import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type ErrorRequestHandler } from 'express';
import http from 'node:http';
import type { Context } from '../common/context.js';
import { ErrorCode, formatError } from '../common/errors.js';
import { createLoaders } from '../common/loaders.js';
import { buildApiSchema } from '../schema/build.js';
import { limitsPlugin } from './limits.js';
import { securityHeaders } from './security-headers.js';
import { graphiqlRouter } from './graphiql.js';
import { authenticate } from '../auth/authenticate.js';
import { httpExchange } from '../auth/http-exchange.js';
import { Scope } from '../auth/scope.js';
import { importRouter } from '../ingest/import.http.js';
import { defaultImportLimits, type ImportLimits } from '../ingest/import.service.js';

export interface ApiServer {
  server: http.Server;
  close(): Promise<void>;
}

export type Logger = (message: string, details?: unknown) => void;

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
}

export async function createApiServer(orm: MikroORM, log: Logger, { allowedOrigins = [], periodLockDays = 30, trustProxy = 'loopback', importLimits = {} }: ApiOptions = {}): Promise<ApiServer> {
  const app = express();
  const server = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema: await buildApiSchema(),
    formatError: (formatted, error) => formatError(formatted, error, log),
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server }), limitsPlugin()],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy);
  app.use(securityHeaders);
  // Liveness: the process answers. Readiness: it takes requests and reaches its database.
  app.get('/health/live', (_request, response) => {
    response.json({ status: 'ok' });
  });
  const ready: express.RequestHandler = async (_request, response) => {
    try {
      await orm.em.getConnection().execute('SELECT 1');
      response.json({ status: 'ok', database: 'up' });
    } catch {
      response.status(503).json({ status: 'unavailable', database: 'down' });
    }
  };
  app.get(['/health', '/health/ready'], ready);
  app.use(graphiqlRouter());
  app.use(importRouter(orm, log, { allowedOrigins, lockDays: periodLockDays, limits: { ...defaultImportLimits, ...importLimits } }));
  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const em = orm.em.fork();
        const http = httpExchange(req, res, allowedOrigins);
        const { viewer, problem } = await authenticate(em, http);
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
      await apollo.stop();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const BODY_LIMIT = '256kb';

/** Oversized or malformed bodies get a GraphQL-shaped JSON answer, never Express's HTML page with a stack. */
const bodyErrors: ErrorRequestHandler = (error, _request, response, next) => {
  if (response.headersSent) return next(error);
  const tooLarge = error?.type === 'entity.too.large';
  const status = tooLarge ? 413 : error?.type === 'entity.parse.failed' ? 400 : 500;
  const message = tooLarge ? `Request body larger than ${BODY_LIMIT}` : status === 400 ? 'Request body is not valid JSON' : 'Internal server error';
  const code = tooLarge ? ErrorCode.PAYLOAD_TOO_LARGE : status === 400 ? 'BAD_REQUEST' : ErrorCode.INTERNAL_SERVER_ERROR;
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
