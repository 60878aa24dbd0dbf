import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { RequestHandler, Response } from 'express';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../common/context.js';
import type { ChangeNotices } from '../database/change-notices.js';

/** Root fields whose answers depend on the clock or list what only some callers may manage: never kept. */
const neverKept = new Set(['apiTokens', 'users', 'auditLog', 'reportingStatus']);
/** Root fields about the caller themself: kept per person and credential, not shared by scope. */
const ownFields = new Set(['me']);

export interface ResponseCacheOptions {
  /** Upper bound of the cached answers' JSON, in bytes. */
  maxBytes: number;
  /** How long an answer may be served without a write; writes clear it at once regardless. */
  maxAgeMs: number;
}

interface Entry {
  generation: number;
  expires: number;
  /** The answer's body exactly as Apollo writes it, encoded once: a hit is sent without serialising or encoding anything, and kept answers lie outside the JavaScript heap. */
  body: Buffer;
}

/**
 * Answers to read operations, shared by every caller with the same role and scope, and dropped as a
 * whole when any data changes: a trigger on every data table sends `data_changed` at commit, which
 * reaches every server holding a cache, so one writing through another replica is seen within
 * milliseconds. While the server cannot listen (database down, reconnecting) nothing is served or kept.
 */
export class ResponseCache {
  private generation = 0;
  private bytes = 0;
  private readonly entries = new Map<string, Entry>();
  /** Identical requests arriving while the first is computed wait for its answer instead of repeating it. */
  private readonly pending = new Map<string, Promise<Buffer | null>>();

  constructor(private readonly notices: ChangeNotices, private readonly options: ResponseCacheOptions) {
    notices.on('data_changed', () => this.invalidate());
    // A person's own answer (`me`) changes with their account, and a signed-out caller is nobody.
    notices.on('caller_changed', () => this.invalidate());
  }

  /** Drops every answer: on a notice, on a local write, and whenever notices may have been missed. */
  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
    this.bytes = 0;
  }

  get active(): boolean {
    return this.notices.active;
  }

  /** The kept body, or the answer being computed by an identical request, or null. */
  lookup(key: string): Buffer | Promise<Buffer | null> | null {
    if (!this.active) return null;
    const entry = this.entries.get(key);
    if (entry && entry.generation === this.generation && entry.expires > Date.now()) {
      // Map order is the eviction order: a hit moves the entry to the young end.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.body;
    }
    return this.pending.get(key) ?? null;
  }

  /** The answer an identical request is computing, if any. */
  computing(key: string): Promise<Buffer | null> | null {
    return this.active ? (this.pending.get(key) ?? null) : null;
  }

  /** Marks a request as computing `key`; the returned function settles it with the answer's body, or null if it is not to be kept. */
  begin(key: string): (body: Buffer | null) => void {
    const generation = this.generation;
    let settle!: (body: Buffer | null) => void;
    this.pending.set(key, new Promise((resolve) => (settle = resolve)));
    return (body) => {
      this.pending.delete(key);
      settle(body);
      // An answer computed across a change may predate it: it is handed to waiters already queued, not kept.
      if (body && this.active && generation === this.generation) this.store(key, generation, body);
    };
  }

  private store(key: string, generation: number, body: Buffer): void {
    if (body.length > this.options.maxBytes / 8) return;
    this.entries.set(key, { generation, expires: Date.now() + this.options.maxAgeMs, body });
    this.bytes += body.length;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.body.length;
    }
  }
}

/**
 * Sends kept answers before Apollo sees the request: no parsing, validation, plugins or
 * serialisation, only the caller's identity (itself remembered) and one hash. Whatever it cannot
 * answer (a miss, an unacceptable media type, a GET) goes on to Apollo, whose plugin below keeps the answer.
 */
export function serveKeptAnswers(cache: ResponseCache, viewerOf: (response: Response) => Promise<Viewer | null>): RequestHandler {
  return async (request, response, next) => {
    const body = request.body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
    // Negotiated as Apollo does: the dashboard prefers the GraphQL media type, a plain client gets JSON.
    const mediaType = request.accepts(MEDIA_TYPES);
    if (!cache.active || request.method !== 'POST' || typeof body?.query !== 'string' || !mediaType) return next();
    const viewer = await viewerOf(response);
    if (!viewer) return next();
    // Without parsing the document it is not known whether it was kept as shared or as the caller's own.
    const keyOf = (kind: Kept) => cacheKey(body.query as string, body.operationName ?? null, body.variables ?? {}, viewer, kind);
    const found = cache.lookup(keyOf('shared')) ?? cache.lookup(keyOf('own'));
    const kept = found instanceof Promise ? await waitBriefly(found) : found;
    if (kept === null) return next();
    response.set({ 'content-type': `${mediaType}; charset=utf-8`, 'cache-control': 'no-store', 'x-cache': 'hit' }).send(kept);
  };
}

/** What Apollo answers a single result with, in its order of preference. */
const MEDIA_TYPES = ['application/json', 'application/graphql-response+json'];

/** The cache as an Apollo plugin: keeps the answers of read operations of signed-in callers, which `serveKeptAnswers` then sends. */
export function responseCachePlugin(cache: ResponseCache): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let settle: ((body: Buffer | null) => void) | null = null;
      return {
        async responseForOperation(request) {
          const viewer = request.contextValue.viewer;
          const kind = request.operation && keptAs(request.operation);
          if (!viewer || !request.source || !kind) return null;
          // Keyed by the request as sent, as `serveKeptAnswers` sees it: `request.operationName` is the one Apollo resolved.
          const key = cacheKey(request.source, request.request.operationName ?? null, request.request.variables ?? {}, viewer, kind);
          // Kept answers are sent before Apollo; here only a twin request arriving meanwhile is waited for.
          const computing = cache.computing(key);
          const kept = computing && (await waitBriefly(computing));
          if (kept) return keptResponse(kept);
          settle = cache.begin(key);
          return null;
        },
        async willSendResponse(request: GraphQLRequestContextWillSendResponse<Context>) {
          if (!settle) return;
          const body = request.response.body;
          const clean = body.kind === 'single' && !body.singleResult.errors?.length && body.singleResult.data;
          // Apollo's own serialisation of an answer with data only (runHttpQuery's prettyJSONStringify).
          settle(clean ? Buffer.from(`${JSON.stringify({ data: body.singleResult.data })}\n`) : null);
          request.response.http.headers.set('x-cache', 'miss');
        },
      };
    },
  };
}

/** Shared by role and scope, the caller's own, or not kept at all. */
type Kept = 'shared' | 'own';

function keptAs(operation: OperationDefinitionNode): Kept | null {
  if (operation.operation !== 'query') return null;
  // Fragments at the root would hide a field from this check: such operations are not kept.
  const fields = operation.selectionSet.selections.map((selection) => (selection.kind === Kind.FIELD ? selection.name.value : null));
  if (fields.some((field) => field === null || neverKept.has(field))) return null;
  return fields.some((field) => ownFields.has(field!)) ? 'own' : 'shared';
}

/** Answers are shared by role and scope; one naming the caller themself only with the same person and credential. */
function cacheKey(source: string, operationName: unknown, variables: unknown, viewer: Viewer, kind: Kept): string {
  const scope = `${viewer.role}:${viewer.scope.root?.code ?? '*'}`;
  const who = kind === 'own' ? `${scope}:${viewer.userId}:${viewer.tokenId ?? 'session'}` : scope;
  return createHash('sha256').update(JSON.stringify([who, operationName, variables, source])).digest('base64url');
}

function keptResponse(body: Buffer) {
  const headers = new HeaderMap();
  headers.set('x-cache', 'hit');
  const { data } = JSON.parse(body.toString()) as { data: Record<string, unknown> };
  return { http: { status: undefined, headers }, body: { kind: 'single' as const, singleResult: { data } } };
}

/** A waiter gives up after a while and computes the answer itself rather than queue behind a slow one. */
function waitBriefly(answer: Promise<Buffer | null>): Promise<Buffer | null> {
  return Promise.race([answer, new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000).unref())]);
}
