import type { EntityManager } from '@mikro-orm/postgresql';
import type { Loaders } from './loaders.js';

export interface Context {
  /** Forked per request, so no identity map is shared between requests. */
  em: EntityManager;
  loaders: Loaders;
}
