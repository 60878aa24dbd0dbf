import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../auth/access.js';
import { ApiToken } from '../auth/api-token.entity.js';
import { User } from '../auth/user.entity.js';
import type { Context } from '../common/context.js';
import { Region } from '../regions/region.entity.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditService } from './audit.service.js';
import { AuditEntryConnection, AuditLogArgs } from './audit.types.js';

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Access('ADMINISTRATOR')
  @Query(() => AuditEntryConnection, { description: 'Every write, newest first, with the values before and after. Administrators only.' })
  auditLog(@Args() args: AuditLogArgs, @Ctx() context: Context) {
    return new AuditService(context.em).list(args);
  }

  @FieldResolver(() => User, { description: 'Who wrote.' })
  user(@Root() entry: AuditEntry, @Ctx() context: Context) {
    return context.loaders.userById.load(entry.user.id);
  }

  @FieldResolver(() => ApiToken, { nullable: true, description: 'The API token used, if the write came through one.' })
  token(@Root() entry: AuditEntry, @Ctx() context: Context) {
    return entry.token ? context.loaders.apiTokenById.load(entry.token.id) : null;
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region whose record was written, if any.' })
  region(@Root() entry: AuditEntry, @Ctx() context: Context) {
    return entry.region ? context.loaders.regionById.load(entry.region.id) : null;
  }
}
