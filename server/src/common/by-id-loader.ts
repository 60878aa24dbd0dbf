import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

/** Records by id in one batch per tick; an id no record has becomes an error naming what was missing. */
export function byIdLoader<T extends { id: number }>(em: EntityManager, entity: EntityName<T>, what: string): DataLoader<number, T> {
  return new DataLoader<number, T>(async (ids) => {
    const rows = (await em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>)) as T[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? new Error(`${what} ${id} not found`));
  });
}
