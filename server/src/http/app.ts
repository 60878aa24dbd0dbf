import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import http from 'node:http';
import type { Context } from '../common/context.js';
import { formatError } from '../common/errors.js';
import { createLoaders } from '../common/loaders.js';
import { buildApiSchema } from '../schema/build.js';
import { graphiqlRouter } from './graphiql.js';

export interface ApiServer {
  server: http.Server;
  close(): Promise<void>;
}

export type Logger = (message: string, details?: unknown) => void;

/** The API as an HTTP server: GraphQL at /graphql and a health endpoint at /health. */
export async function createApiServer(orm: MikroORM, log: Logger): Promise<ApiServer> {
  const app = express();
  const server = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema: await buildApiSchema(),
    formatError: (formatted, error) => formatError(formatted, error, log),
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server })],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.get('/health', async (_request, response) => {
    try {
      await orm.em.getConnection().execute('SELECT 1');
      response.json({ status: 'ok', database: 'up' });
    } catch {
      response.status(503).json({ status: 'unavailable', database: 'down' });
    }
  });
  app.use(graphiqlRouter());
  app.use(
    '/graphql',
    express.json({ limit: '256kb' }),
    expressMiddleware(apollo, {
      context: async () => {
        const em = orm.em.fork();
        return { em, loaders: createLoaders(em) } satisfies Context;
      },
    }),
  );

  return {
    server,
    close: async () => {
      await apollo.stop();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
