import { createHash } from 'node:crypto';
import { HeaderMap } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { httpExchange } from '../auth/http-exchange.js';
import { ErrorCode } from '../common/errors.js';

/** Requests a minute; 0 turns a limit off. */
export interface RateLimits {
  /** Per API token and per signed-in session: every dashboard user has their own. */
  perCredential: number;
  /** Per client address, for requests without a credential and for those whose credential is refused. */
  perAddress: number;
}

/** Keys kept at most; the least recently used go first beyond it. */
const MAX_KEYS = 100_000;

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets, in memory: each key holds up to a minute's allowance and regains it evenly over a
 * minute, so a burst as large as the limit passes and a steady flow above it is slowed. One server
 * process, one set of buckets: behind several replicas each counts its own share.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private swept = 0;

  constructor(readonly limits: RateLimits, private readonly now: () => number = Date.now) {}

  /** Takes one request from the key's allowance: null when it may go ahead, else the seconds to wait. */
  take(key: string, perMinute: number): number | null {
    if (perMinute <= 0) return null;
    const now = this.now();
    this.sweep(now);
    const perMs = perMinute / 60_000;
    const bucket = this.buckets.get(key);
    const tokens = bucket ? Math.min(perMinute, bucket.tokens + (now - bucket.at) * perMs) : perMinute;
    // Re-inserted, so the map's order is least recently used first.
    this.buckets.delete(key);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.buckets.size > MAX_KEYS) this.buckets.delete(this.buckets.keys().next().value!);
    return null;
  }

  /** A request with a credential counts against that credential; one without, against its address. */
  check(request: Request, response: Response): Refusal | null {
    const { bearerToken, sessionSecret, address } = httpExchange(request, response, []);
    const credential = bearerToken ?? sessionSecret;
    if (credential !== null) {
      const wait = this.take(`${bearerToken ? 'token' : 'session'}:${digest(credential)}`, this.limits.perCredential);
      return wait === null ? null : { retryAfterSeconds: wait, message: `Too many requests with this ${bearerToken ? 'API token' : 'session'}: at most ${this.limits.perCredential} a minute; retry in ${wait} s` };
    }
    return this.chargeAddress(address);
  }

  /**
   * Counts a request against its address: those without a credential, and those whose credential
   * turned out unknown or expired (so inventing tokens does not get around the address's limit).
   */
  chargeAddress(address: string): Refusal | null {
    const wait = this.take(`address:${address}`, this.limits.perAddress);
    return wait === null ? null : { retryAfterSeconds: wait, message: `Too many requests from this address without a valid credential: at most ${this.limits.perAddress} a minute; retry in ${wait} s` };
  }

  /** Buckets untouched for a minute are full again: the same as absent. */
  private sweep(now: number): void {
    if (now - this.swept < 60_000) return;
    this.swept = now;
    for (const [key, bucket] of this.buckets) if (now - bucket.at >= 60_000) this.buckets.delete(key);
  }
}

export interface Refusal {
  retryAfterSeconds: number;
  message: string;
}

const digest = (secret: string) => createHash('sha256').update(secret).digest('base64url').slice(0, 22);

/** Refuses with 429, Retry-After and RATE_LIMITED: GraphQL-shaped on /graphql, the import's shape on /import. */
export function sendRateLimited(request: Request, response: Response, { retryAfterSeconds, message }: Refusal): void {
  response.set('Retry-After', String(retryAfterSeconds)).status(429);
  const extensions = { code: ErrorCode.RATE_LIMITED, retryable: true, retryAfterSeconds };
  if (request.originalUrl.startsWith('/import')) {
    // The rest of an upload is not read; closing stops the client from sending it.
    response.set('Connection', 'close').json({ error: { ...extensions, message } });
  } else {
    response.json({ errors: [{ message, extensions }] });
  }
}

/** The same refusal from inside GraphQL (a credential found refused while the request context is built). */
export function rateLimitedError({ retryAfterSeconds, message }: Refusal): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: ErrorCode.RATE_LIMITED, retryable: true, retryAfterSeconds,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}

/** Before the GraphQL and import routes: each request takes from its credential's or its address's allowance. */
export function rateLimit(limiter: RateLimiter): RequestHandler {
  return (request, response, next) => {
    const refusal = limiter.check(request, response);
    if (refusal) return sendRateLimited(request, response, refusal);
    next();
  };
}
