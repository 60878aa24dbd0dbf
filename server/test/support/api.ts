import type { MikroORM } from '@mikro-orm/postgresql';
import { DEMO_PASSWORD } from '../../src/auth/demo-users.js';
import { createApiServer, listen, type ApiOptions } from '../../src/http/app.js';

export interface GraphQLAnswer<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface Client {
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLAnswer<T>>;
}

export interface TestApi extends Client {
  url: string;
  logged: unknown[];
  /** Signed in with the demo password (the demo data's accounts); `query` itself is the analyst's. */
  as(email: string): Promise<Client>;
  /** Sends the given headers (a bearer token, say) and no cookie. */
  with(headers: Record<string, string>): Client;
  anonymous: Client;
  /** The analyst's session cookie, for requests made with fetch itself. */
  cookie: string;
  close(): Promise<void>;
}

export const ANALYST = 'analis@berakhlak.example';

/** The real HTTP server on a free port, queried over HTTP the way a data team or the dashboard would. */
export async function startTestApi(orm: MikroORM, options: ApiOptions = {}): Promise<TestApi> {
  const logged: unknown[] = [];
  // Tests that write with SQL and read at once would race the cache's change notice: only the cache's own tests turn it on.
  const api = await createApiServer(orm, (message, details) => logged.push({ message, details }), { responseCache: false, callerCache: false, ...options });
  const port = await listen(api.server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const client = (base: Record<string, string>): Client => ({
    query: async <T>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...base, ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) } as GraphQLAnswer<T>;
    },
  });
  const anonymous = client({});
  const as = async (email: string): Promise<Client> => client({ cookie: await signIn(url, email) });
  const cookie = await signIn(url, ANALYST);
  return { url, logged, query: client({ cookie }).query, as, with: client, anonymous, cookie, close: () => api.close() };
}

/** Signs in through the login mutation and returns the session cookie to send back. */
export async function signIn(url: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { user { email } } }', variables: { email, password } }),
  });
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith('berakhlak_session='));
  if (!cookie) throw new Error(`could not sign in as ${email}: ${await response.text()}`);
  return cookie.split(';')[0]!;
}
