import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response, type Router } from 'express';
import { authenticate } from '../auth/authenticate.js';
import type { CallerCache } from '../auth/caller-cache.js';
import { httpExchange } from '../auth/http-exchange.js';
import { DATABASE_UNAVAILABLE, DomainError, ErrorCode, RETRY_AFTER_SECONDS } from '../common/errors.js';
import { isDatabaseUnavailable } from '../database/unavailable.js';
import type { Logger } from '../http/app.js';
import { leaseConnection } from './connection-lease.js';
import { isImportKind } from './import-kinds.js';
import { ImportRefusal, type ImportResult } from './import-result.js';
import { type ImportLimits, runImport } from './import.service.js';
import type { ImportFormat } from './read-file.js';
import { templateOf } from './templates.js';

export interface ImportRouterOptions {
  allowedOrigins: readonly string[];
  lockDays: number;
  limits: ImportLimits;
}

/** Imports running at once; each holds a connection for its whole upload. */
const MAX_CONCURRENT_IMPORTS = 2;

/**
 * `POST /import/<kind>` takes a CSV or JSON file as the request body, streamed, from a signed-in
 * browser or a bearer token; `GET /import/templates/<kind>.csv|json` gives an empty file to fill.
 */
export function importRouter(orm: MikroORM, log: Logger, callers: CallerCache | null, options: ImportRouterOptions): Router {
  const router = express.Router();
  let running = 0;

  router.get('/import/templates/:file', (request, response) => {
    const [kind, format] = request.params.file.split('.');
    if (!kind || !isImportKind(kind) || (format !== 'csv' && format !== 'json')) return refuse(response, 404, 'NOT_FOUND', 'no such template; try attendance.csv, observations.json, events.csv or milestones.csv');
    response.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json').attachment(`template-${kind}.${format}`).send(templateOf(kind, format));
  });

  router.post('/import/:kind', async (request, response) => {
    const { kind } = request.params;
    if (!isImportKind(kind)) return refuse(response, 404, 'UNKNOWN_KIND', `no import of ${kind}; the kinds are attendance, events, milestones and observations`);
    const format = formatOf(request);
    if (!format) return refuse(response, 415, 'UNSUPPORTED_FORMAT', 'send the file as text/csv or application/json (or name it with ?format=csv or ?format=json)');
    const declared = Number(request.get('content-length') ?? 0);
    if (declared > options.limits.maxBytes) return refuse(response, 413, 'FILE_TOO_LARGE', `the file is larger than ${Math.round(options.limits.maxBytes / 1048576)} MB, the most one import takes; split it`);
    const exchange = httpExchange(request, response, options.allowedOrigins);
    if (exchange.crossSite) return refuse(response, 403, ErrorCode.FORBIDDEN, 'imports are not accepted from pages of another site');
    const { viewer, problem } = await authenticate(orm.em, exchange, callers);
    if (!viewer) return refuse(response, 401, ErrorCode.UNAUTHENTICATED, problem ?? 'sign in, or send an API token as Authorization: Bearer <token>');
    if (running >= MAX_CONCURRENT_IMPORTS) {
      response.set('Retry-After', '10');
      return refuse(response, 429, ErrorCode.TOO_MANY_REQUESTS, `${MAX_CONCURRENT_IMPORTS} imports are running; try again shortly`);
    }
    running += 1;
    try {
      const dryRun = request.query.dryRun === 'true' || request.query.dryRun === '1';
      const fileName = typeof request.query.fileName === 'string' ? request.query.fileName.slice(0, 200) : null;
      const result = await runImport(() => leaseConnection(orm), viewer, { kind, format, source: request, dryRun, fileName }, options);
      sendResult(response, result);
    } catch (error) {
      if (error instanceof ImportRefusal) return refuse(response, error.status, error.code, error.message);
      if (error instanceof DomainError) return refuse(response, error.code === ErrorCode.FORBIDDEN ? 403 : 400, error.code, error.message);
      // Only a body that never arrived whole was cut off by the client; the reader stopping early (a broken file) destroys the request too.
      if (!request.complete) return log('import: the upload was cut off; nothing was written', { kind });
      if (isDatabaseUnavailable(error)) {
        log('import: the database went away; nothing was written', { kind, error }, 'warn');
        response.set('Retry-After', String(RETRY_AFTER_SECONDS));
        return refuse(response, 503, ErrorCode.SERVICE_UNAVAILABLE, `${DATABASE_UNAVAILABLE}; nothing was written`);
      }
      log('import failed', error, 'error');
      return refuse(response, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'the import failed; nothing was written');
    } finally {
      running -= 1;
    }
  });
  return router;
}

function formatOf(request: Request): ImportFormat | null {
  const named = request.query.format;
  if (named === 'csv' || named === 'json') return named;
  if (request.is('text/csv') || request.is('text/plain') || request.is('application/vnd.ms-excel')) return 'csv';
  if (request.is('application/json')) return 'json';
  return null;
}

function sendResult(response: Response, result: ImportResult): void {
  response.status(result.status === 'INVALID' ? 422 : 200).json(result);
}

function refuse(response: Response, status: number, code: string, message: string): void {
  if (response.headersSent) return;
  // The rest of the upload is not read; closing stops the client from sending it.
  response.set('Connection', 'close').status(status).json({ error: { code, message } });
}
