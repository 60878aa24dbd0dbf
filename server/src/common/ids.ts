import type { EntityManager, EntityName, FilterQuery, FindOneOptions, Loaded } from '@mikro-orm/postgresql';
import { badInput } from './errors.js';

/**
 * A record by the integer id a GraphQL `ID` argument carries; null when the text is not such an id
 * (so PostgreSQL never sees it) or no record has it.
 */
export function findByIntegerId<T extends object, P extends string = never>(
  em: EntityManager, entity: EntityName<T>, id: string, options?: FindOneOptions<T, P>,
): Promise<Loaded<T, P> | null> {
  return /^\d{1,9}$/.test(id) ? em.findOne(entity, { id: Number(id) } as FilterQuery<T>, options) : Promise.resolve(null);
}

/** The integer id a GraphQL `ID` argument names, for a filter; BAD_USER_INPUT when the text is no such id. */
export function integerIdOf(id: string, argument: string): number {
  if (!/^\d{1,9}$/.test(id)) throw badInput(argument, `${JSON.stringify(id.slice(0, 40))} is not an id`);
  return Number(id);
}
