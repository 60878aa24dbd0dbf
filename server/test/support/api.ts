import type { MikroORM } from '@mikro-orm/postgresql';
import { createApiServer, listen } from '../../src/http/app.js';

export interface TestApi {
  url: string;
  logged: unknown[];
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T>>;
  close(): Promise<void>;
}

export interface GraphQLAnswer<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** The real HTTP server on a free port, queried the way a data team would. */
export async function startTestApi(orm: MikroORM): Promise<TestApi> {
  const logged: unknown[] = [];
  const api = await createApiServer(orm, (message, details) => logged.push({ message, details }));
  const port = await listen(api.server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    logged,
    query: async <T>(query: string, variables?: Record<string, unknown>) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) } as GraphQLAnswer<T>;
    },
    close: () => api.close(),
  };
}
