import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable, isStatementTimeout } from '../database/unavailable.js';

/** Stable error codes a client can rely on, carried in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  DEPTH_LIMIT_EXCEEDED = 'DEPTH_LIMIT_EXCEEDED',
  COST_LIMIT_EXCEEDED = 'COST_LIMIT_EXCEEDED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** Too many requests for one token, session or address; retry after `retryAfterSeconds`. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** The database is unreachable or the server is shutting down; retryable, HTTP 503 with Retry-After. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** A statement ran longer than the statement timeout and was stopped. */
  QUERY_TIMEOUT = 'QUERY_TIMEOUT',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export class DomainError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly details: Record<string, unknown> = {}) {
    super(message);
  }
}

export const badInput = (argument: string, reason: string): DomainError =>
  new DomainError(ErrorCode.BAD_USER_INPUT, `${argument}: ${reason}`, { argument, problems: [{ argument, reason }] });

export interface Problem {
  argument: string;
  reason: string;
}

/** Every problem of a write at once, so a form can mark each field; the first one names the argument. */
export function invalidInput(problems: Problem[]): DomainError {
  const shown = problems.slice(0, 10).map((problem) => `${problem.argument}: ${problem.reason}`);
  const more = problems.length > shown.length ? ` (and ${problems.length - shown.length} more)` : '';
  return new DomainError(ErrorCode.BAD_USER_INPUT, `${shown.join('; ')}${more}`, { argument: problems[0]!.argument, problems });
}

export const notFound = (what: string, key: string): DomainError => new DomainError(ErrorCode.NOT_FOUND, `${what} ${key} not found`, { what, key });

/** Seconds a client should wait before retrying an answer of SERVICE_UNAVAILABLE. */
export const RETRY_AFTER_SECONDS = 2;
export const DATABASE_UNAVAILABLE = 'The database is unavailable right now; retry shortly';

/** Codes GraphQL and Apollo themselves raise for a bad request; their messages are safe to show. */
const requestErrorCodes = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * The one place errors become client answers: domain errors keep their code and message,
 * request errors pass through, anything else is logged and shown as a bare internal error.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: (message: string, details: unknown, level?: 'error') => void): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof DomainError) {
    return { message: original.message, path: formatted.path, extensions: { code: original.code, ...original.details } };
  }
  if (isArgumentValidation(original)) {
    const { message, details } = invalidInput(validationProblems(original.extensions.validationErrors, inputOf(formatted, original)));
    return { message, path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT, ...details } };
  }
  if (isDatabaseUnavailable(original)) {
    return { message: DATABASE_UNAVAILABLE, path: formatted.path, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryable: true, retryAfterSeconds: RETRY_AFTER_SECONDS } };
  }
  if (isStatementTimeout(original)) {
    return { message: 'The query ran longer than the statement timeout and was stopped; ask for less (a smaller page, region or period)', path: formatted.path, extensions: { code: ErrorCode.QUERY_TIMEOUT, retryable: false } };
  }
  const code = formatted.extensions?.code;
  if (code === ErrorCode.SERVICE_UNAVAILABLE || code === ErrorCode.RATE_LIMITED) {
    const { http: _http, ...extensions } = formatted.extensions ?? {};
    return { message: formatted.message, extensions };
  }
  if (code === ErrorCode.DEPTH_LIMIT_EXCEEDED || code === ErrorCode.COST_LIMIT_EXCEEDED) {
    const { http: _http, ...extensions } = formatted.extensions ?? {};
    return { message: formatted.message, extensions };
  }
  if (typeof code === 'string' && requestErrorCodes.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  // Apollo refuses some requests itself with a 4xx status and no code: a persisted query of another version, or whose hash is not the query's.
  const refusedStatus = error instanceof GraphQLError && !error.extensions.code ? (error.extensions.http as { status?: number } | undefined)?.status : undefined;
  if (refusedStatus !== undefined && refusedStatus >= 400 && refusedStatus < 500) return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
  log('unexpected error while answering a GraphQL request', { error: original, path: formatted.path }, 'error');
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/** The input-object argument of each root field that has exactly one, filled in when the schema is built. */
export const inputArguments = new Map<string, { input: string; all: ReadonlySet<string> }>();

interface ValidationFailure {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

interface ArgumentValidationLike {
  extensions: { validationErrors: ValidationFailure[] };
}

/** type-graphql's ArgumentValidationError: class-validator failures of the arguments. */
function isArgumentValidation(error: unknown): error is ArgumentValidationLike {
  return error instanceof GraphQLError && Array.isArray(error.extensions?.validationErrors);
}

/** The argument an input object's failures belong to; none when they name arguments themselves (an ArgsType). */
function inputOf(formatted: GraphQLFormattedError, error: ArgumentValidationLike): string {
  const argumentsOf = formatted.path?.length === 1 ? inputArguments.get(String(formatted.path[0])) : undefined;
  if (!argumentsOf || error.extensions.validationErrors.some((failure) => argumentsOf.all.has(failure.property))) return '';
  return argumentsOf.input;
}

/** class-validator nests the fields of an input under the argument; each failed check becomes a problem with its full path. */
function validationProblems(failures: ValidationFailure[], parent = ''): Problem[] {
  return failures.flatMap((failure) => {
    const path = /^\d+$/.test(failure.property) ? `${parent}[${failure.property}]` : parent ? `${parent}.${failure.property}` : failure.property;
    const own = Object.values(failure.constraints ?? {}).map((reason) => ({ argument: path, reason }));
    return [...own, ...validationProblems(failure.children ?? [], path)];
  });
}
