import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode } from '../common/errors.js';

/**
 * Slows down repeated failed sign-ins. Past a few free failures, each further attempt must wait
 * twice as long as the one before (up to 15 minutes) after the last failure; the password is not
 * even checked while the wait runs. Failures are forgotten 15 minutes after the last one.
 * An address gets more free failures than an account: an office shares one address.
 */
const FREE_FAILURES = { email: 5, address: 20 } as const;
const MAX_WAIT_SECONDS = 15 * 60;
const FORGET_AFTER = '15 minutes';

type Kind = keyof typeof FREE_FAILURES;
const keyOf = (kind: Kind, value: string) => `${kind}:${value}`;

export async function checkLoginAllowed(em: EntityManager, email: string, address: string): Promise<void> {
  const rows: { key: string; failures: number; since: number }[] = await em.getConnection().execute(
    `SELECT key, failures, extract(epoch FROM now() - last_failed_at)::float AS since
     FROM login_failure WHERE key IN (?, ?) AND last_failed_at > now() - interval '${FORGET_AFTER}'`,
    [keyOf('email', email), keyOf('address', address)],
  );
  const wait = Math.max(0, ...rows.map((row) => waitSeconds(row.key.startsWith('email:') ? 'email' : 'address', row.failures) - row.since));
  if (wait > 0) {
    const retryAfterSeconds = Math.ceil(wait);
    throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, `Too many failed sign-ins; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

function waitSeconds(kind: Kind, failures: number): number {
  const over = failures - FREE_FAILURES[kind];
  return over < 0 ? 0 : Math.min(2 ** over, MAX_WAIT_SECONDS);
}

export async function recordLoginFailure(em: EntityManager, email: string, address: string): Promise<void> {
  await em.getConnection().execute(
    `INSERT INTO login_failure (key, failures, last_failed_at) VALUES (?, 1, now()), (?, 1, now())
     ON CONFLICT (key) DO UPDATE SET last_failed_at = now(),
       failures = CASE WHEN login_failure.last_failed_at > now() - interval '${FORGET_AFTER}' THEN login_failure.failures + 1 ELSE 1 END`,
    [keyOf('email', email), keyOf('address', address)],
  );
}

/** A good password clears the account's count, not the address's: one success must not reset an attacker's address. */
export async function recordLoginSuccess(em: EntityManager, email: string): Promise<void> {
  await em.getConnection().execute('DELETE FROM login_failure WHERE key = ?', [keyOf('email', email)]);
}
