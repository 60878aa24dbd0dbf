import type { EntityManager } from '@mikro-orm/postgresql';
import type { CallerCache } from './caller-cache.js';
import type { HttpExchange } from './http-exchange.js';
import type { Role } from './role.js';
import { Scope } from './scope.js';
import { hashSecret } from './secrets.js';
import type { Viewer } from './viewer.js';

export interface Authentication {
  viewer: Viewer | null;
  /** Why a presented credential was refused; null when none was presented or it was good. */
  problem: string | null;
}

interface CallerRow {
  user_id: number;
  email: string;
  name: string;
  role: Role;
  /** The token's region when it narrows the owner's, else the owner's; null = national. */
  region_id: number | null;
  token_id: number | null;
  /** A Date or, as the driver may be told to leave timestamps alone, its text. */
  expires_at: Date | string;
  refused: string | null;
}

/**
 * Two statements per request unless `callers` knows the credential already: the credential with its
 * user, then the user's scope (marked `caller`, which the benchmark leaves out of a page's figures).
 */
export async function authenticate(em: EntityManager, exchange: HttpExchange, callers: CallerCache | null = null): Promise<Authentication> {
  if (exchange.bearerToken !== null) {
    return remembered(callers, `token:${hashSecret(exchange.bearerToken)}`, 'API token', () => tokenCaller(em, exchange.bearerToken!), em);
  }
  if (exchange.sessionSecret !== null) {
    const found = await remembered(callers, `session:${hashSecret(exchange.sessionSecret)}`, 'session', () => sessionCaller(em, exchange.sessionSecret!), em);
    // An expired or ended browser session is simply signed out.
    return found.viewer ? found : { viewer: null, problem: null };
  }
  return { viewer: null, problem: null };
}

async function remembered(callers: CallerCache | null, credential: string, what: string, lookUp: () => Promise<CallerRow | undefined>, em: EntityManager): Promise<Authentication> {
  const known = callers?.find(credential);
  if (known) return { viewer: known, problem: null };
  const keep = callers?.begin(credential);
  const caller = await lookUp();
  const found = await resolve(em, caller, what);
  if (found.viewer && keep) keep(found.viewer, new Date(caller!.expires_at));
  return found;
}

async function tokenCaller(em: EntityManager, token: string): Promise<CallerRow | undefined> {
  const rows: CallerRow[] = await em.getConnection().execute(
    `/* caller */ WITH used AS (
       UPDATE api_token SET last_used_at = date_trunc('minute', now())
       WHERE secret_hash = ? AND (last_used_at IS NULL OR last_used_at < date_trunc('minute', now()))
     )
     SELECT u.id AS user_id, u.email, u.name, u.role, coalesce(t.region_id, u.region_id) AS region_id, t.id AS token_id, t.expires_at,
            CASE WHEN t.revoked_at IS NOT NULL THEN 'revoked' WHEN t.expires_at <= now() THEN 'expired'
                 WHEN NOT u.active THEN 'of a disabled account'
                 -- The owner's scope may have shrunk since: a token never reaches past it.
                 WHEN u.region_id IS NOT NULL AND t.region_id IS NOT NULL AND t.region_id <> u.region_id AND tr.parent_id IS DISTINCT FROM u.region_id
                   THEN 'outside its owner''s scope' END AS refused
     FROM api_token t JOIN app_user u ON u.id = t.user_id LEFT JOIN region tr ON tr.id = t.region_id WHERE t.secret_hash = ?`,
    [hashSecret(token), hashSecret(token)],
  );
  return rows[0];
}

async function sessionCaller(em: EntityManager, secret: string): Promise<CallerRow | undefined> {
  const rows: CallerRow[] = await em.getConnection().execute(
    `/* caller */ SELECT u.id AS user_id, u.email, u.name, u.role, u.region_id, NULL AS token_id, s.expires_at,
            CASE WHEN s.expires_at <= now() THEN 'expired' WHEN NOT u.active THEN 'of a disabled account' END AS refused
     FROM auth_session s JOIN app_user u ON u.id = s.user_id WHERE s.secret_hash = ?`,
    [hashSecret(secret)],
  );
  return rows[0];
}

async function resolve(em: EntityManager, caller: CallerRow | undefined, what: string): Promise<Authentication> {
  if (!caller || caller.refused) return { viewer: null, problem: `The ${what} is ${caller?.refused ?? 'unknown'}` };
  return {
    viewer: {
      userId: caller.user_id,
      email: caller.email,
      name: caller.name,
      role: caller.role,
      scope: await scopeOf(em, caller.region_id),
      tokenId: caller.token_id,
    },
    problem: null,
  };
}

/** A region's scope is the region and, for a province, its regencies and cities: the hierarchy has two levels. */
export async function scopeOf(em: EntityManager, regionId: number | null): Promise<Scope> {
  if (regionId === null) return Scope.national();
  const rows: { id: number; code: string; name: string; parent_id: number | null; root: boolean }[] = await em.getConnection().execute(
    '/* caller */ SELECT id, code, name, parent_id, id = ? AS root FROM region WHERE id = ? OR parent_id = ?',
    [regionId, regionId, regionId],
  );
  const root = rows.find((row) => row.root)!;
  return Scope.area({ id: root.id, code: root.code, name: root.name }, rows.map((row) => row.id), root.parent_id === null ? [] : [root.parent_id]);
}
