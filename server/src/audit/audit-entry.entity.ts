import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { ApiToken } from '../auth/api-token.entity.js';
import { User } from '../auth/user.entity.js';
import { Region } from '../regions/region.entity.js';

@ObjectType({ description: 'One write: who made it, when, to what, and the values before and after.' })
@Entity({ tableName: 'audit_entry' })
@Index({ name: 'audit_entry_at_index', properties: ['at', 'id'] })
export class AuditEntry {
  @Field(() => ID, { description: 'Identifier of the entry; later entries have larger ids.' })
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Field({ description: 'When the write was committed.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  at!: Date;

  @ManyToOne(() => User, { deleteRule: 'restrict', ref: true, index: 'audit_entry_user_index' })
  user!: Ref<User>;

  @ManyToOne(() => ApiToken, { nullable: true, deleteRule: 'set null', ref: true, index: false })
  token!: Ref<ApiToken> | null;

  @Field({ description: 'What was done, e.g. `observation.report`, `milestone.record`, `event.cancel`, `user.update`.' })
  @Property({ type: 'string', length: 60 })
  action!: string;

  @Field({ description: 'Kind of record written, e.g. `observation`.' })
  @Property({ type: 'string', length: 40 })
  entity!: string;

  @Field({ description: 'The record’s natural key, e.g. `INDEKS_BERAKHLAK/13.77/2024-01-01/ADAPTIF`.' })
  @Property({ type: 'string', length: 200 })
  entityKey!: string;

  @ManyToOne(() => Region, { nullable: true, deleteRule: 'restrict', ref: true, index: 'audit_entry_region_index' })
  region!: Ref<Region> | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The record before the write; null when it was created.' })
  @Property({ type: 'jsonb', nullable: true })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The record after the write; null when it was deleted.' })
  @Property({ type: 'jsonb', nullable: true })
  after!: unknown;
}
