import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import type { ConnectionLease } from './import.service.js';

interface KnexClient {
  acquireConnection(): Promise<pg.ClientBase & { __knex__disposed?: unknown }>;
  releaseConnection(connection: pg.ClientBase): Promise<void>;
}

/**
 * A connection of the ORM's own pool for one import, which needs a single session for its
 * temporary tables and COPY. A connection whose rollback failed is marked so the pool drops it.
 */
export async function leaseConnection(orm: MikroORM): Promise<ConnectionLease> {
  const knex = orm.em.getConnection().getKnex().client as unknown as KnexClient;
  const client = await knex.acquireConnection();
  return {
    client,
    release: (broken) => {
      if (broken) client.__knex__disposed = 'an import left it in an unknown state';
      void knex.releaseConnection(client);
    },
  };
}
