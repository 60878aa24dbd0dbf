import { Algorithm, hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';

/** Argon2id with the library's defaults (19 MiB, 2 passes), the OWASP minimum. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: Algorithm.Argon2id });
}

// Verifying against this when the email is unknown keeps both answers equally slow.
const unknownUserHash = hashPassword(randomBytes(16).toString('hex'));

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  const stored = passwordHash ?? (await unknownUserHash);
  const matches = await verify(stored, password).catch(() => false);
  return matches && passwordHash !== null;
}

/** A random secret for a cookie or a token; only its hash is stored. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(30).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
