import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Region } from '../regions/region.entity.js';
import { Role } from './role.js';

@ObjectType({ description: 'A person who signs in to the dashboard or owns API tokens.' })
@Entity({ tableName: 'app_user' })
// A secretary always has a region; the national roles may be limited to one (a data team of a province).
@Check({ name: 'app_user_secretary_has_region', expression: "role <> 'SECRETARY' OR region_id IS NOT NULL" })
@Check({ name: 'app_user_administrator_national', expression: "role <> 'ADMINISTRATOR' OR region_id IS NULL" })
export class User {
  @Field(() => ID, { description: 'Identifier of the user.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field({ description: 'Sign-in email, stored lower case.' })
  @Property({ type: 'string', length: 254, unique: 'app_user_email_unique' })
  email!: string;

  @Field({ description: 'Full name.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => Role, { description: 'What the user may do.' })
  @Enum({ items: () => Role, type: 'string' })
  role!: Role;

  @ManyToOne(() => Region, { nullable: true, deleteRule: 'restrict', ref: true, index: 'app_user_region_index' })
  region!: Ref<Region> | null;

  /** Argon2id; null for a user who has not set a password (tokens only). */
  @Property({ type: 'string', length: 200, nullable: true })
  passwordHash!: string | null;

  @Field({ description: 'False once an administrator disabled the account: its sessions and tokens stop working.' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Field({ description: 'When the account was created.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;
}
