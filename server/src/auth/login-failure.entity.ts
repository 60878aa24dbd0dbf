import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Failed sign-ins per account and per address, kept in the database rather than in memory so
 * that every server replica slows the same attacker down.
 */
@Entity({ tableName: 'login_failure' })
export class LoginFailure {
  /** `email:<address>` or `address:<ip>`. */
  @PrimaryKey({ type: 'string', length: 300 })
  key!: string;

  @Property({ type: 'integer' })
  failures!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  lastFailedAt!: Date;
}
