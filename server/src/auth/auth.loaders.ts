import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { ApiToken } from './api-token.entity.js';
import { User } from './user.entity.js';

function byIdLoader<T extends { id: number }>(em: EntityManager, entity: new () => T, what: string) {
  return new DataLoader<number, T>(async (ids) => {
    const rows = (await em.find(entity, { id: { $in: [...ids] } } as never)) as T[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? new Error(`${what} ${id} not found`));
  });
}

export function authLoaders(em: EntityManager) {
  return { userById: byIdLoader(em, User, 'user'), apiTokenById: byIdLoader(em, ApiToken, 'API token') };
}
