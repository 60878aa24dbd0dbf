import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '../audit/audit.service.js';
import { type Connection, decodeKeyCursor, toConnection } from '../common/connection.js';
import { badInput, DomainError, ErrorCode, notFound } from '../common/errors.js';
import type { HttpExchange } from './http-exchange.js';
import { RegionService } from '../regions/region.service.js';
import type { Loaders } from '../common/loaders.js';
import { ApiToken } from './api-token.entity.js';
import { AuthSession } from './auth-session.entity.js';
import type { ApiTokenInput, ApiTokensArgs, ViewerInfo } from './auth.types.js';
import { scopeOf } from './authenticate.js';
import { forbidden } from './scope.js';
import { hashSecret, newSecret, verifyPassword } from './secrets.js';
import { beginLoginAttempt, loginSucceeded } from './throttle.js';
import { User } from './user.entity.js';
import { canReport, isAdministrator, type Viewer } from './viewer.js';
import { findByIntegerId, integerIdOf } from '../common/ids.js';

const SESSION_HOURS = 12;

/** What the audit log keeps of a token: never its secret or hash. */
const tokenView = (token: ApiToken) => ({ name: token.name, prefix: token.prefix, expiresAt: token.expiresAt.toISOString(), revokedAt: token.revokedAt?.toISOString() ?? null });
const TOKEN_PREFIX = 'bkt_';

const MAX_EMAIL_LENGTH = 254;

export class AuthService {
  constructor(private readonly em: EntityManager, private readonly loaders: Loaders) {}

  /** Checks the password (after the slow-down), opens a session and sets its cookie. */
  async login(email: string, password: string, exchange: HttpExchange): Promise<Viewer> {
    const normalised = email.trim().toLowerCase();
    // No address is longer (RFC 5321); a longer one would not fit the slow-down's key either.
    if (normalised.length > MAX_EMAIL_LENGTH) throw badInput('email', `longer than ${MAX_EMAIL_LENGTH} characters`);
    await beginLoginAttempt(this.em, normalised, exchange.address);
    const user = await this.em.findOne(User, { email: normalised });
    if (!(await verifyPassword(user?.passwordHash ?? null, password)) || !user?.active) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Wrong email or password');
    await loginSucceeded(this.em, normalised, exchange.address);
    const secret = newSecret();
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
    await this.em.insert(AuthSession, { secretHash: hashSecret(secret), user: user.id, createdAt: new Date(), expiresAt });
    // Sign-ins are rare enough to sweep the user's ended sessions away here, with no scheduled job.
    await this.em.nativeDelete(AuthSession, { user: user.id, expiresAt: { $lte: new Date() } });
    exchange.setSessionCookie(secret, SESSION_HOURS * 3600);
    return { userId: user.id, email: user.email, name: user.name, role: user.role, scope: await scopeOf(this.em, user.region?.id ?? null), tokenId: null };
  }

  /** Ends the session on the server, not only in the browser: the old cookie opens nothing afterwards. */
  async logout(exchange: HttpExchange): Promise<boolean> {
    if (exchange.sessionSecret) await this.em.nativeDelete(AuthSession, { secretHash: hashSecret(exchange.sessionSecret) });
    exchange.setSessionCookie(null);
    return true;
  }

  async info(viewer: Viewer): Promise<ViewerInfo> {
    return {
      user: await this.loaders.userById.load(viewer.userId),
      scopeRegionId: viewer.scope.root?.id ?? null,
      canReport: canReport(viewer),
      isAdministrator: isAdministrator(viewer),
    };
  }

  async tokens(viewer: Viewer, args: ApiTokensArgs): Promise<Connection<ApiToken>> {
    const userId = this.ownerOf(viewer, args.userId, 'userId');
    const after = decodeKeyCursor(args.after, ['int']);
    const where = { user: userId };
    const page = after === null ? where : { ...where, id: { $lt: after[0] } };
    const [rows, totalCount] = await Promise.all([
      this.em.find(ApiToken, page, { orderBy: { id: 'desc' }, limit: args.first + 1 }),
      this.em.count(ApiToken, where),
    ]);
    return toConnection(rows, args.first, totalCount, (row) => JSON.stringify([row.id]));
  }

  /** The secret is returned here and never again; the database keeps its hash. */
  async createToken(viewer: Viewer, input: ApiTokenInput): Promise<{ token: string; apiToken: ApiToken }> {
    // A leaked token must not be able to mint itself successors.
    if (viewer.tokenId !== null) throw forbidden('API tokens are created from a signed-in session, not with another token');
    const userId = this.ownerOf(viewer, input.userId, 'input.userId');
    const owner = await this.em.findOne(User, { id: userId });
    if (!owner) throw notFound('user', String(userId));
    const ownerScope = await scopeOf(this.em, owner.region?.id ?? null);
    let regionId: number | null = null;
    if (input.regionCode) {
      const region = await new RegionService(this.em, this.loaders, viewer.scope).byCodeAs(input.regionCode, 'input.regionCode');
      ownerScope.check(region, 'input.regionCode');
      regionId = region.id;
    }
    const token = newSecret(TOKEN_PREFIX);
    return this.em.transactional(async (tx) => {
      const apiToken = tx.create(ApiToken, {
        user: owner.id, name: input.name, prefix: token.slice(0, TOKEN_PREFIX.length + 6), secretHash: hashSecret(token), region: regionId,
        createdAt: new Date(), expiresAt: new Date(Date.now() + input.expiresInDays * 86400_000), revokedAt: null, lastUsedAt: null,
      });
      await tx.flush();
      await audit(tx, viewer, [{ action: 'token.create', entity: 'api_token', entityKey: apiToken.prefix, regionId, before: null, after: tokenView(apiToken) }]);
      return { token, apiToken };
    });
  }

  async revokeToken(viewer: Viewer, id: string): Promise<ApiToken> {
    const token = await findByIntegerId(this.em, ApiToken, id);
    if (!token || (token.user.id !== viewer.userId && !isAdministrator(viewer))) throw notFound('API token', id);
    if (token.revokedAt) return token;
    return this.em.transactional(async (tx) => {
      const before = tokenView(token);
      token.revokedAt = new Date();
      await tx.flush();
      await audit(tx, viewer, [{ action: 'token.revoke', entity: 'api_token', entityKey: token.prefix, regionId: token.region?.id ?? null, before, after: tokenView(token) }]);
      return token;
    });
  }

  /** Whose tokens an argument names: one's own, or anyone's for an administrator. */
  private ownerOf(viewer: Viewer, userId: string | null | undefined, argument: string): number {
    if (!userId) return viewer.userId;
    const id = integerIdOf(userId, argument);
    if (id === viewer.userId) return viewer.userId;
    if (!isAdministrator(viewer)) throw forbidden(`${argument}: only administrators manage other users' tokens`, argument);
    return id;
  }
}

