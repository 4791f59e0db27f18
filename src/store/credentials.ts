import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * Secrets and their hashes. Passwords: argon2id (@node-rs/argon2, its defaults, OWASP's
 * minimum: 19 MiB, 2 passes), slow on purpose because people choose guessable ones. Tokens,
 * session cookies and sign-in links: 32 random bytes, kept as SHA-256: with 256 bits of
 * entropy nothing can be guessed, so a fast hash suffices and a lookup by hash stays an index.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function passwordMatches(stored: string, password: string): Promise<boolean> {
  return verify(stored, password).catch(() => false);
}

/** A hash to check against when there is no user, so an unknown name takes as long. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hash(randomBytes(16).toString('hex'));
  return decoy;
}

/** A new random secret (URL-safe) with a readable prefix saying what it is ("tt_" a token). */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Equal texts, compared in constant time (a CSRF token against the session's). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
