import { Entity, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { User } from './user.entity.js';

/** A signed-in browser. Only the hash of the cookie's secret is stored, so a database dump opens no session. */
@Entity({ tableName: 'auth_session' })
export class AuthSession {
  @PrimaryKey({ type: 'string', length: 64 })
  secretHash!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade', ref: true, index: 'auth_session_user_index' })
  user!: Ref<User>;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', index: 'auth_session_expires_index' })
  expiresAt!: Date;
}
