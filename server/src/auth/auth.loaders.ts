import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader } from '../common/by-id-loader.js';
import { ApiToken } from './api-token.entity.js';
import { User } from './user.entity.js';

export function authLoaders(em: EntityManager) {
  return { userById: byIdLoader(em, User, 'user'), apiTokenById: byIdLoader(em, ApiToken, 'API token') };
}
