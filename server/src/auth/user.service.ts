import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { audit } from '../audit/audit.service.js';
import { type Connection, decodeCursor, toConnection } from '../common/connection.js';
import { badInput, notFound } from '../common/errors.js';
import type { Loaders } from '../common/loaders.js';
import { RegionService } from '../regions/region.service.js';
import { AuthSession } from './auth-session.entity.js';
import type { NewUserInput, UserChangesInput, UsersArgs } from './auth.types.js';
import { Role } from './role.js';
import { Scope } from './scope.js';
import { hashPassword } from './secrets.js';
import { User } from './user.entity.js';
import type { Viewer } from './viewer.js';
import { findByIntegerId } from '../common/ids.js';

/** What the audit log keeps of a user: never the password hash. */
const auditView = (user: User) => ({ email: user.email, name: user.name, role: user.role, regionId: user.region?.id ?? null, active: user.active });

export class UserService {
  constructor(private readonly em: EntityManager, private readonly loaders: Loaders) {}

  async list(args: UsersArgs): Promise<Connection<User>> {
    const where: FilterQuery<User> & Record<string, unknown> = {};
    if (args.role) where.role = args.role;
    if (args.regionCode) where.region = (await this.regions().byCodeAs(args.regionCode, 'regionCode')).id;
    const after = decodeCursor(args.after);
    const page = after === null ? where : { $and: [where, { email: { $gt: after } }] };
    const [rows, totalCount] = await Promise.all([
      this.em.find(User, page, { orderBy: { email: 'asc' }, limit: args.first + 1 }),
      this.em.count(User, where),
    ]);
    return toConnection(rows, args.first, totalCount, (row) => row.email);
  }

  async create(viewer: Viewer, input: NewUserInput): Promise<User> {
    const email = input.email.trim().toLowerCase();
    if (await this.em.count(User, { email })) throw badInput('input.email', `a user with email ${email} already exists`);
    const regionId = await this.regionFor(input.role, input.regionCode, 'input');
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    return this.em.transactional(async (tx) => {
      const user = tx.create(User, { email, name: input.name, role: input.role, region: regionId, passwordHash, active: true, createdAt: new Date() });
      await tx.flush();
      await audit(tx, viewer, [{ action: 'user.create', entity: 'user', entityKey: email, regionId, before: null, after: auditView(user) }]);
      return user;
    });
  }

  async update(viewer: Viewer, id: string, changes: UserChangesInput): Promise<User> {
    const user = await findByIntegerId(this.em, User, id);
    if (!user) throw notFound('user', id);
    const before = auditView(user);
    const role = changes.role ?? user.role;
    const currentCode = user.region ? (await this.loaders.regionById.load(user.region.id)).code : null;
    // Null keeps the region, an empty string makes the user national; either way the role must fit it.
    const regionId = await this.regionFor(role, changes.regionCode == null ? currentCode : changes.regionCode || null, 'changes');
    const passwordHash = changes.password ? await hashPassword(changes.password) : undefined;
    return this.em.transactional(async (tx) => {
      tx.assign(user, {
        name: changes.name ?? user.name, role, region: regionId, active: changes.active ?? user.active, ...(passwordHash ? { passwordHash } : {}),
      });
      await tx.flush();
      // A new password, a disabled account, a new role or scope ends the sessions and tokens opened under the old one.
      if (passwordHash || changes.active === false || regionId !== before.regionId || role !== before.role) {
        await tx.nativeDelete(AuthSession, { user: user.id });
        await tx.execute('UPDATE api_token SET revoked_at = now() WHERE user_id = ? AND revoked_at IS NULL', [user.id]);
      }
      await audit(tx, viewer, [{ action: 'user.update', entity: 'user', entityKey: user.email, regionId, before, after: auditView(user) }]);
      return user;
    });
  }

  /** Checks the region a role needs (the service is for administrators, whose scope is national): a secretary has one, an administrator none. */
  private async regionFor(role: Role, regionCode: string | null | undefined, input: string): Promise<number | null> {
    if (role === Role.ADMINISTRATOR && regionCode) throw badInput(`${input}.regionCode`, 'an administrator is national and has no region');
    if (role === Role.SECRETARY && !regionCode) throw badInput(`${input}.regionCode`, 'a secretary needs the region they report for');
    return regionCode ? (await this.regions().byCodeAs(regionCode, `${input}.regionCode`)).id : null;
  }

  private regions(): RegionService {
    return new RegionService(this.em, this.loaders, Scope.national());
  }
}
