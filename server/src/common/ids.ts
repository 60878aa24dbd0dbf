import type { EntityManager, EntityName, FilterQuery, FindOneOptions, Loaded } from '@mikro-orm/postgresql';

/**
 * A record by the integer id a GraphQL `ID` argument carries; null when the text is not such an id
 * (so PostgreSQL never sees it) or no record has it.
 */
export function findByIntegerId<T extends object, P extends string = never>(
  em: EntityManager, entity: EntityName<T>, id: string, options?: FindOneOptions<T, P>,
): Promise<Loaded<T, P> | null> {
  return /^\d{1,9}$/.test(id) ? em.findOne(entity, { id: Number(id) } as FilterQuery<T>, options) : Promise.resolve(null);
}
