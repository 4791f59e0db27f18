import type { FastifyRequest } from 'fastify';
import { secretHash } from '../../store/credentials.ts';
import type { User } from '../../store/people.ts';
import type { TrustStore } from '../../store/trustStore.ts';

/** The session cookie: HTTP-only (no script reads it), SameSite=Strict, Secure. */
export const SESSION_COOKIE = 'trustee_session';
/** The header a browser session sends its CSRF token in on every state-changing request. */
export const CSRF_HEADER = 'x-csrf-token';

/** Who a request is from, and how they proved it. */
export interface Caller {
  readonly user: User;
  /** A browser session (cookie, CSRF token required to change things) or an API token. */
  readonly via: 'session' | 'token';
  readonly csrfToken?: string;
  readonly sessionHash?: string;
}

/**
 * Finds the caller of a request: `Authorization: Bearer <token>` (scripts), else the session
 * cookie (the dashboard). Undefined when neither is given or valid: the route's permission
 * decides whether that is enough.
 */
export async function authenticate(
  request: FastifyRequest,
  store: TrustStore,
): Promise<Caller | undefined> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const user = match ? await store.people.tokenUser(secretHash(match[1]!)) : undefined;
    return user ? { user, via: 'token' } : undefined;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return undefined;
  const sessionHash = secretHash(cookie);
  const session = await store.people.session(sessionHash, new Date().toISOString());
  return session
    ? { user: session.user, via: 'session', csrfToken: session.csrfToken, sessionHash }
    : undefined;
}
