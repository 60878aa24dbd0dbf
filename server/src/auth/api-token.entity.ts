import { Entity, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Region } from '../regions/region.entity.js';
import { User } from './user.entity.js';

@ObjectType({ description: 'A bearer token for the API. Its secret is shown once, at creation; only its hash is stored.' })
@Entity({ tableName: 'api_token' })
export class ApiToken {
  @Field(() => ID, { description: 'Identifier of the token.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => User, { deleteRule: 'cascade', ref: true, index: 'api_token_user_index' })
  user!: Ref<User>;

  @Field({ description: 'What the token is for, as its owner named it.' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field({ description: 'The first characters of the token, to recognise it in a list.' })
  @Property({ type: 'string', length: 16 })
  prefix!: string;

  @Property({ type: 'string', length: 64, unique: 'api_token_secret_hash_unique' })
  secretHash!: string;

  /** Narrows the owner's scope to this region and its regencies and cities; null keeps the owner's scope. */
  @ManyToOne(() => Region, { nullable: true, deleteRule: 'restrict', ref: true, index: false })
  region!: Ref<Region> | null;

  @Field({ description: 'When the token was created.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  @Field({ description: 'After this instant the token is refused.' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the token was revoked; a revoked token is refused.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last request made with the token (to the minute).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
