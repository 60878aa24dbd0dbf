/**
 * Which database failures say "the database is not there right now" (stopped, restarting, out of
 * connections, unreachable) rather than "this request is wrong": those are answered as retryable.
 */
const UNAVAILABLE_CODES = new Set([
  // The network: nothing listens, the connection broke, the host is gone.
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  // PostgreSQL: shutting down or starting up (57P01-57P03), connection failures (08xxx), too many connections.
  '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300',
]);
/**
 * Failures of the pg driver and knex's pool that carry no code. Knex answers "Transaction query
 * already complete" to a transaction's statements once its BEGIN failed on a broken connection.
 */
const UNAVAILABLE_MESSAGES = /Connection terminated|Connection ended unexpectedly|Timeout acquiring a connection|timeout expired|connection error and is not queryable|Client was closed and is not queryable|Unable to acquire a connection|Transaction query already complete/i;

/** PostgreSQL's query_canceled, which statement_timeout raises. */
const STATEMENT_TIMEOUT = '57014';

export function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some((cause) => UNAVAILABLE_CODES.has(String(cause.code)) || cause.name === 'KnexTimeoutError' || UNAVAILABLE_MESSAGES.test(String(cause.message)));
}

export function isStatementTimeout(error: unknown): boolean {
  return causes(error).some((cause) => cause.code === STATEMENT_TIMEOUT);
}

interface Failure {
  code?: unknown;
  name?: unknown;
  message?: unknown;
}

/** The error and what it wraps: GraphQL's originalError, Error's cause, MikroORM's previous. */
function causes(error: unknown): Failure[] {
  const found: Failure[] = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && found.length < 8 && !found.includes(current as Failure)) {
    const failure = current as Failure & { originalError?: unknown; cause?: unknown; previous?: unknown };
    found.push(failure);
    current = failure.originalError ?? failure.cause ?? failure.previous;
  }
  return found;
}
