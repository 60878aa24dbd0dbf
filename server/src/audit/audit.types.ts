import { ArgsType, Field, ID } from 'type-graphql';
import { ConnectionType, PageArgs } from '../common/connection.js';
import { AuditEntry } from './audit-entry.entity.js';

export const AuditEntryConnection = ConnectionType(AuditEntry, 'AuditEntry', 'A page of audit entries, newest first.');

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only writes to this kind of record, e.g. `observation`.' })
  entity?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this action, e.g. `observation.report`.' })
  action?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only writes by this user.' })
  userId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only writes to this region’s records (not its regencies and cities).' })
  regionCode?: string | null;
}
