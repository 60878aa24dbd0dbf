import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode } from '../common/errors.js';

/**
 * Slows down repeated failed sign-ins. Past a few free attempts, each further attempt must wait
 * twice as long as the one before (up to 15 minutes) after the last one; the password is not even
 * checked while the wait runs. Attempts are forgotten 15 minutes after the last one. An address
 * gets more free attempts than an account: an office shares one address.
 *
 * An attempt is counted before its password is checked, in one statement with the check of its
 * wait, so simultaneous guesses cannot all slip through; a success then takes its count back.
 */
const FREE = { email: 5, address: 20 } as const;
const MAX_WAIT_SECONDS = 15 * 60;
const FORGET_AFTER = "interval '15 minutes'";

type Kind = keyof typeof FREE;
const keyOf = (kind: Kind, value: string) => `${kind}:${value}`;
const waitSql = (failures: string, key: string) =>
  `CASE WHEN ${failures} < (CASE WHEN ${key} LIKE 'email:%' THEN ${FREE.email} ELSE ${FREE.address} END) THEN 0
        ELSE least(power(2, ${failures} - (CASE WHEN ${key} LIKE 'email:%' THEN ${FREE.email} ELSE ${FREE.address} END)), ${MAX_WAIT_SECONDS}) END`;

/** Counts a sign-in attempt for the account and the address, or refuses it while either must wait. */
export async function beginLoginAttempt(em: EntityManager, email: string, address: string): Promise<void> {
  const keys = [keyOf('email', email), keyOf('address', address)];
  const counted: { key: string }[] = await em.getConnection().execute(
    `INSERT INTO login_failure AS f (key, failures, last_failed_at) VALUES (?, 1, now()), (?, 1, now())
     ON CONFLICT (key) DO UPDATE
       SET failures = CASE WHEN f.last_failed_at <= now() - ${FORGET_AFTER} THEN 1 ELSE f.failures + 1 END, last_failed_at = now()
       WHERE f.last_failed_at <= now() - ${FORGET_AFTER} OR extract(epoch FROM now() - f.last_failed_at) >= ${waitSql('f.failures', 'f.key')}
     RETURNING key`,
    keys,
  );
  if (counted.length === keys.length) return;
  const [row] = await em.getConnection().execute<{ wait: number }[]>(
    `SELECT max(${waitSql('failures', 'key')} - extract(epoch FROM now() - last_failed_at)) AS wait FROM login_failure WHERE key IN (?, ?)`,
    keys,
  );
  const retryAfterSeconds = Math.max(1, Math.ceil(Number(row?.wait ?? 1)));
  throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, `Too many failed sign-ins; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
}

/** A good password clears the account's count and takes this attempt off the address's. */
export async function loginSucceeded(em: EntityManager, email: string, address: string): Promise<void> {
  await em.getConnection().execute('DELETE FROM login_failure WHERE key = ?', [keyOf('email', email)]);
  await em.getConnection().execute('UPDATE login_failure SET failures = greatest(failures - 1, 0) WHERE key = ?', [keyOf('address', address)]);
}
