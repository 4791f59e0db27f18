import type { Role } from './schema.ts';

export { roles, type Role } from './schema.ts';

/** A person who signs in, as the store keeps them (never their password or tokens). */
export interface User {
  readonly name: string;
  readonly role: Role;
  /** The deals an investor is entitled to, sorted; empty for other roles (they see every deal). */
  readonly deals: readonly string[];
  readonly hasPassword: boolean;
  readonly createdAt: string;
  readonly createdBy: string;
  /** When the user was disabled (they cannot sign in; tokens and sessions end); else null. */
  readonly disabledAt: string | null;
}

export interface NewUser {
  readonly name: string;
  readonly role: Role;
  readonly deals?: readonly string[];
  /** argon2id PHC string; null: the user signs in first with a one-time link. */
  readonly passwordHash: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
}

/** An API token as listed: never the token, which is shown once when it is made. */
export interface ApiToken {
  readonly tokenId: string;
  readonly name: string;
  readonly label: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export interface NewSession {
  /** SHA-256 of the cookie's random value: a stolen database holds no usable session. */
  readonly sessionHash: string;
  readonly name: string;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly address: string | null;
}

export interface Session {
  readonly user: User;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

/**
 * Users, roles, investors' entitlements, API tokens, browser sessions and one-time sign-in
 * links. Secrets are kept only as hashes (argon2id for passwords, SHA-256 for the random
 * tokens); `credentials.ts` makes and checks them. Writes run in a write transaction (the
 * caller's, inside `TrustStore.transaction`, so a change and its audit entry land together).
 */
export interface PeopleStore {
  countUsers(): Promise<number>;
  /** Adds a user; USER_EXISTS if the name is taken (a disabled user's too). */
  addUser(user: NewUser): Promise<User>;
  getUser(name: string): Promise<User | undefined>;
  listUsers(): Promise<User[]>;
  /** A new role, and for an investor the deals they are entitled to (replacing the old ones). */
  setRole(name: string, role: Role, deals: readonly string[]): Promise<User>;
  setPasswordHash(name: string, passwordHash: string): Promise<User>;
  /** The stored hash of an enabled user's password (undefined: no such user, or disabled). */
  passwordHash(name: string): Promise<string | undefined>;
  /** Disables a user: their tokens are revoked and their sessions end. */
  disableUser(name: string, at: string): Promise<User>;

  addToken(token: ApiToken & { readonly tokenHash: string }): Promise<ApiToken>;
  /** Every token (of one user if named), newest first. */
  listTokens(name?: string): Promise<ApiToken[]>;
  revokeToken(tokenId: string, at: string): Promise<ApiToken>;
  /** The enabled user an unrevoked token belongs to. */
  tokenUser(tokenHash: string): Promise<User | undefined>;

  addSession(session: NewSession): Promise<void>;
  /** The session of an enabled user, unexpired at `now`. */
  session(sessionHash: string, now: string): Promise<Session | undefined>;
  endSession(sessionHash: string): Promise<void>;

  addSignInLink(link: {
    readonly linkHash: string;
    readonly name: string;
    readonly createdAt: string;
    readonly expiresAt: string;
  }): Promise<void>;
  /** Uses a link once: its enabled user if it is unused and unexpired at `now`, and marks it used. */
  useSignInLink(linkHash: string, now: string): Promise<User | undefined>;
}
