import { AsyncLocalStorage } from 'node:async_hooks';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** How the server logs: a message, optional details (an object's fields become the line's fields), a level. */
export type Logger = (message: string, details?: unknown, level?: LogLevel) => void;

/** The request a log line belongs to, set by the request-id middleware for everything that request runs. */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

export interface LoggerOptions {
  /** Lines below this level are dropped (LOG_LEVEL). */
  level?: LogLevel;
  /** `json`: one JSON object per line (the default); `text`: the same fields, for a person at a terminal. */
  format?: 'json' | 'text';
  write?: (line: string) => void;
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * The server's log: one JSON object per line with `time`, `level`, `msg`, the request's `requestId`
 * when there is one, and the details' fields, every value passed through `redact` first.
 */
export function createLogger({ level = 'info', format = 'json', write = (line) => process.stdout.write(`${line}\n`) }: LoggerOptions = {}): Logger {
  return (message, details, lineLevel = 'info') => {
    if (LEVELS[lineLevel] < LEVELS[level]) return;
    const requestId = requestContext.getStore()?.requestId;
    const fields = detailFields(details);
    const line = { time: new Date().toISOString(), level: lineLevel, msg: redactString(message), ...(requestId ? { requestId } : {}), ...fields };
    if (format === 'json') return write(JSON.stringify(line));
    const rest = Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : '';
    write(`[berakhlak] ${lineLevel === 'info' ? '' : `${lineLevel}: `}${line.msg}${requestId ? ` (request ${requestId})` : ''}${rest}`);
  };
}

/** The details of a line as fields: an object's own fields, an error under `error`, anything else under `details`. */
function detailFields(details: unknown): Record<string, unknown> {
  if (details === undefined) return {};
  const redacted = redact(details);
  if (details instanceof Error) return { error: redacted };
  if (redacted && typeof redacted === 'object' && !Array.isArray(redacted)) {
    const { time: _time, level: _level, msg: _msg, requestId: _requestId, ...own } = redacted as Record<string, unknown>;
    return own;
  }
  return { details: redacted };
}

const REDACTED = '[redacted]';
/** Fields whose values are secrets whatever they hold. */
const SECRET_KEY = /pass(word|wd)?$|passphrase|secret|token|cookie|authorization|credential|session/i;
/** Secrets inside free text: bearer tokens, API tokens, the session cookie, passwords in URLs and in `password=` pairs. */
const SECRET_TEXT: [RegExp, string][] = [
  [/\b(Bearer\s+)[^\s"',;]+/gi, `$1${REDACTED}`],
  [/\bbkt_[A-Za-z0-9_-]{8,}/g, `bkt_${REDACTED}`],
  [/\b(berakhlak_session=)[^;\s"',]+/g, `$1${REDACTED}`],
  [/\b([a-z][a-z0-9+.-]*:\/\/[^:/\s@]*:)[^@\s/]+@/gi, `$1${REDACTED}@`],
  [/\b(pass(?:word|wd)?"?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;&}]+)/gi, `$1${REDACTED}`],
];

export function redactString(text: string): string {
  return SECRET_TEXT.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

/**
 * A copy of a value fit for a log: secret-named fields blanked, secrets in text replaced, errors
 * as their name, message, code and stack; cycles and depth bounded.
 */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? value.toString() : value;
  if (seen.has(value)) return '[circular]';
  if (depth > 6) return '[too deep]';
  seen.add(value);
  if (value instanceof Error) {
    const { code, cause } = value as Error & { code?: unknown };
    return {
      name: value.name,
      message: redactString(value.message),
      ...(code !== undefined ? { code } : {}),
      ...(value.stack ? { stack: redactString(value.stack) } : {}),
      ...(cause !== undefined ? { cause: redact(cause, depth + 1, seen) } : {}),
    };
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redact(item, depth + 1, seen));
  if (value instanceof Date) return value.toISOString();
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = SECRET_KEY.test(key) && item !== null && item !== undefined ? REDACTED : redact(item, depth + 1, seen);
  return copy;
}
