import { GraphQLError, type GraphQLFormattedError } from 'graphql';

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
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export class DomainError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly details: Record<string, unknown> = {}) {
    super(message);
  }
}

export const badInput = (argument: string, reason: string): DomainError =>
  new DomainError(ErrorCode.BAD_USER_INPUT, `${argument}: ${reason}`, { argument });

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

/** Codes GraphQL and Apollo themselves raise for a bad request; their messages are safe to show. */
const requestErrorCodes = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * The one place errors become client answers: domain errors keep their code and message,
 * request errors pass through, anything else is logged and shown as a bare internal error.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: (message: string, details: unknown) => void): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof DomainError) {
    return { message: original.message, path: formatted.path, extensions: { code: original.code, ...original.details } };
  }
  if (isArgumentValidation(original)) {
    const validation = validationDetails(original);
    const reasons = validation.flatMap((failure) => failure.reasons).join('; ');
    return { message: `Argument Validation Error: ${reasons}`, path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT, validation } };
  }
  const code = formatted.extensions?.code;
  if (code === ErrorCode.DEPTH_LIMIT_EXCEEDED || code === ErrorCode.COST_LIMIT_EXCEEDED) {
    const { http: _http, ...extensions } = formatted.extensions ?? {};
    return { message: formatted.message, extensions };
  }
  if (typeof code === 'string' && requestErrorCodes.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  log('unexpected error while answering a GraphQL request', { error: original, path: formatted.path });
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

interface ArgumentValidationLike {
  extensions: { validationErrors: { property: string; constraints?: Record<string, string> }[] };
}

/** type-graphql's ArgumentValidationError: class-validator failures of the arguments. */
function isArgumentValidation(error: unknown): error is ArgumentValidationLike {
  return error instanceof GraphQLError && Array.isArray(error.extensions?.validationErrors);
}

function validationDetails(error: ArgumentValidationLike) {
  return (error.extensions.validationErrors ?? []).map((failure) => ({ argument: failure.property, reasons: Object.values(failure.constraints ?? {}) }));
}
