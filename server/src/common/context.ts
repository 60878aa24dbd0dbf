import type { EntityManager } from '@mikro-orm/postgresql';
import type { HttpExchange } from '../auth/http-exchange.js';
import type { Viewer } from '../auth/viewer.js';
import type { Loaders } from './loaders.js';

export interface Context {
  /** Forked per request, so no identity map is shared between requests. */
  em: EntityManager;
  loaders: Loaders;
  /** The signed-in caller; null for an anonymous request (sign-in replaces it). */
  viewer: Viewer | null;
  /** Why a presented credential was refused, told to the caller instead of a bare "sign in". */
  authProblem: string | null;
  http: HttpExchange;
  /** Days after a period's end when it locks for reporting. */
  periodLockDays: number;
}
