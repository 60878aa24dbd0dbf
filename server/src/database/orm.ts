import { migrations } from '@berakhlak/db';
import { DataloaderType } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import type { Logger } from '../common/log.js';
import { entities } from './entities.js';
import { sqlTraceOptions } from './sql-trace.js';

/** How the server's connections behave when PostgreSQL is slow or away. */
export interface ConnectionSettings {
  /** The longest one statement may run (PostgreSQL's statement_timeout), in ms; unset or 0 for no limit. */
  statementTimeoutMs?: number;
  /** Where the pool's warnings go (a broken connection found and replaced); knex prints them otherwise. */
  log?: Logger;
}

/** A request waits at most this long for a free connection, then fails as retryable instead of hanging. */
const ACQUIRE_TIMEOUT_MS = 10_000;
/** A new connection that is not established by then counts as a database that is not there. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Pool and connection options. A pooled connection PostgreSQL closed (a restart) is marked broken by
 * knex and replaced on its next use, so the server recovers by itself when the database returns.
 */
function connectionOptions({ statementTimeoutMs, log }: ConnectionSettings): Partial<Options> {
  return {
    driverOptions: {
      acquireConnectionTimeout: ACQUIRE_TIMEOUT_MS,
      connection: {
        application_name: 'berakhlak-api',
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
        keepAlive: true,
        ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
      },
      ...(log
        ? { log: { warn: (message: string) => log(`database pool: ${message}`, undefined, 'warn'), error: (message: string) => log(`database pool: ${message}`, undefined, 'error'), deprecate: () => {}, debug: () => {} } }
        : {}),
    },
  };
}

export function ormOptions(clientUrl: string, overrides: Partial<Options> = {}, connection: ConnectionSettings = {}): Options {
  return defineConfig({
    ...connectionOptions(connection),
    clientUrl,
    entities,
    extensions: [Migrator],
    dataloader: DataloaderType.ALL,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    // Rollups are written by triggers, never by the ORM.
    schemaGenerator: { skipTables: ['attendance_day', 'attendance_month', 'event_tally', 'event_day'] },
    pool: { min: 0, max: Number(process.env.DB_POOL_MAX ?? 10) },
    migrations: {
      tableName: 'schema_migration',
      migrationsList: migrations,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    ...sqlTraceOptions(process.env.SQL_TRACE_FILE),
    ...overrides,
  });
}

export function openOrm(clientUrl: string, connection: ConnectionSettings = {}): Promise<MikroORM> {
  return MikroORM.init(ormOptions(clientUrl, {}, connection));
}

/**
 * Applies every committed migration not yet applied; the only path to a schema outside tests of drift.
 * All in one transaction, free of the statement timeout: a migration may rewrite a large table.
 */
export async function migrate(orm: MikroORM): Promise<void> {
  const connection = orm.em.getConnection();
  await connection.transactional(async (transaction) => {
    await connection.execute('SET LOCAL statement_timeout = 0', [], 'run', transaction);
    await orm.getMigrator().up({ transaction });
  });
}
