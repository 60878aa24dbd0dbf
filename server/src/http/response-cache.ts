import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import pg from 'pg';
import type { Context } from '../common/context.js';

/** Root fields whose answers depend on the caller's identity or on the clock, never served from the cache. */
const personalFields = new Set(['me', 'apiTokens', 'users', 'auditLog', 'reportingStatus']);

export interface ResponseCacheOptions {
  /** Upper bound of the cached answers' JSON, in bytes. */
  maxBytes: number;
  /** How long an answer may be served without a write; writes clear it at once regardless. */
  maxAgeMs: number;
}

interface Entry {
  generation: number;
  expires: number;
  bytes: number;
  data: Record<string, unknown>;
}

/**
 * Answers to read operations, shared by every caller with the same role and scope, and dropped as a
 * whole when any data changes: a trigger on every data table sends `data_changed` at commit, which
 * reaches every server holding a cache, so one writing through another replica is seen within
 * milliseconds. While the server cannot listen (database down, reconnecting) nothing is served or kept.
 */
export class ResponseCache {
  private generation = 0;
  private listening = false;
  private bytes = 0;
  private readonly entries = new Map<string, Entry>();
  /** Identical requests arriving while the first is computed wait for its answer instead of repeating it. */
  private readonly pending = new Map<string, Promise<Record<string, unknown> | null>>();
  private listener: pg.Client | null = null;
  private closed = false;
  readonly stats = { hits: 0, misses: 0, invalidations: 0 };

  constructor(private readonly connectionString: string, private readonly options: ResponseCacheOptions) {}

  async start(): Promise<void> {
    await this.listen().catch(() => this.reconnectLater());
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    await this.listener?.end().catch(() => {});
  }

  /** Drops every answer: on a notice, on a local write, and whenever notices may have been missed. */
  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
    this.bytes = 0;
    this.stats.invalidations += 1;
  }

  get active(): boolean {
    return this.listening;
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.connectionString, application_name: 'berakhlak-cache-listener' });
    client.on('notification', () => this.invalidate());
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    await client.connect();
    await client.query('LISTEN data_changed');
    this.listener = client;
    // Anything written while nobody listened is unknown: start from nothing.
    this.invalidate();
    this.listening = true;
  }

  private lost(client: pg.Client): void {
    if (this.listener !== client) return;
    this.listener = null;
    this.listening = false;
    this.invalidate();
    this.reconnectLater();
  }

  private reconnectLater(): void {
    if (this.closed) return;
    setTimeout(() => void this.listen().catch(() => this.reconnectLater()), 500).unref();
  }

  lookup(key: string): { data: Record<string, unknown> } | Promise<Record<string, unknown> | null> | null {
    if (!this.listening) return null;
    const entry = this.entries.get(key);
    if (entry && entry.generation === this.generation && entry.expires > Date.now()) {
      // Map order is the eviction order: a hit moves the entry to the young end.
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.stats.hits += 1;
      return { data: entry.data };
    }
    this.stats.misses += 1;
    return this.pending.get(key) ?? null;
  }

  /** Marks a request as computing `key`; the returned function settles it with the answer, or null if it is not to be kept. */
  begin(key: string): (data: Record<string, unknown> | null) => void {
    const generation = this.generation;
    let settle!: (data: Record<string, unknown> | null) => void;
    this.pending.set(key, new Promise((resolve) => (settle = resolve)));
    return (data) => {
      this.pending.delete(key);
      settle(data);
      // An answer computed across a change may predate it: it is handed to waiters already queued, not kept.
      if (data && this.listening && generation === this.generation) this.store(key, generation, data);
    };
  }

  private store(key: string, generation: number, data: Record<string, unknown>): void {
    const bytes = JSON.stringify(data).length;
    if (bytes > this.options.maxBytes / 8) return;
    this.entries.set(key, { generation, expires: Date.now() + this.options.maxAgeMs, bytes, data });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }
}

/** The cache as an Apollo plugin: read operations of signed-in callers are looked up before execution. */
export function responseCachePlugin(cache: ResponseCache): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let settle: ((data: Record<string, unknown> | null) => void) | null = null;
      return {
        async responseForOperation(request) {
          const viewer = request.contextValue.viewer;
          if (!viewer || !request.source || !cacheable(request.operation)) return null;
          const key = cacheKey(request.source, request.operationName ?? null, request.request.variables ?? {}, `${viewer.role}:${viewer.scope.root?.code ?? '*'}`);
          const found = cache.lookup(key);
          const data = found instanceof Promise ? await waitBriefly(found) : found?.data;
          if (data) return cachedResponse(data);
          settle = cache.begin(key);
          return null;
        },
        async willSendResponse(request: GraphQLRequestContextWillSendResponse<Context>) {
          if (request.operation?.operation === 'mutation') cache.invalidate();
          if (!settle) return;
          const body = request.response.body;
          const clean = body.kind === 'single' && !body.singleResult.errors?.length && body.singleResult.data;
          settle(clean ? (body.singleResult.data as Record<string, unknown>) : null);
          request.response.http.headers.set('x-cache', 'miss');
        },
      };
    },
  };
}

function cacheable(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  // Fragments at the root would hide a personal field from this check: such operations are not kept.
  return operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && !personalFields.has(selection.name.value));
}

function cacheKey(source: string, operationName: string | null, variables: Record<string, unknown>, scope: string): string {
  return createHash('sha256').update(JSON.stringify([scope, operationName, variables, source])).digest('base64url');
}

function cachedResponse(data: Record<string, unknown>) {
  const headers = new HeaderMap();
  headers.set('x-cache', 'hit');
  return { http: { status: undefined, headers }, body: { kind: 'single' as const, singleResult: { data } } };
}

/** A waiter gives up after a while and computes the answer itself rather than queue behind a slow one. */
function waitBriefly(answer: Promise<Record<string, unknown> | null>): Promise<Record<string, unknown> | null> {
  return Promise.race([answer, new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000).unref())]);
}
