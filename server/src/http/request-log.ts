import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { SESSION_COOKIE } from '../auth/http-exchange.js';
import { type Logger, requestContext } from '../common/log.js';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** An id a caller (the dashboard, a proxy) sent is kept when it is plain and short; anything else is replaced. */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every request an id, the caller's X-Request-Id or a new one, returns it in the answer's
 * X-Request-Id and puts it on every log line the request causes. With `log`, also logs one line
 * per answered request: method, path (never the query string), status, duration and which kind of
 * credential came (`auth`), never the credential; healthy health checks at debug level.
 */
export function requestIds(log?: Logger): RequestHandler {
  return (request, response, next) => {
    const sent = request.get(REQUEST_ID_HEADER);
    const requestId = sent && ACCEPTED_ID.test(sent) ? sent : randomUUID();
    response.set(REQUEST_ID_HEADER, requestId);
    const started = process.hrtime.bigint();
    if (log) {
      response.once('close', () => {
        const details = {
          method: request.method,
          path: request.originalUrl.split('?')[0],
          status: response.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
          auth: request.get('authorization') ? 'token' : (request.get('cookie') ?? '').includes(`${SESSION_COOKIE}=`) ? 'session' : 'none',
          ...(response.writableFinished ? {} : { aborted: true }),
        };
        // A load balancer asks for health every few seconds: a healthy answer is not news.
        const level = response.statusCode >= 500 ? 'warn' : request.path.startsWith('/health') ? 'debug' : 'info';
        requestContext.run({ requestId }, () => log('request', details, level));
      });
    }
    requestContext.run({ requestId }, next);
  };
}
