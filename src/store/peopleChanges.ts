import { randomBytes } from 'node:crypto';
import { TrusteeError } from '../errors/catalogue.ts';
import { hashPassword, newSecret, secretHash } from './credentials.ts';
import type { ApiToken, User } from './people.ts';
import type { Role } from './schema.ts';
import type { TrustStore } from './trustStore.ts';

/**
 * Changes to people, each in one transaction with its audit entry (who, when, from where, what;
 * never a password or a token: only their ids). The CLI (`trustee users`) and the API use these.
 */
export interface Who {
  readonly actor: string;
  readonly at: string;
  /** The client's address, or "cli on HOST". */
  readonly address: string;
}

/** The shortest password accepted: a passphrase, as NIST SP 800-63B suggests allowing. */
export const MIN_PASSWORD = 12;

/** How long a one-time sign-in link works. */
export const LINK_HOURS = 24;

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD || password.length > 1024) {
    throw new TrusteeError('INVALID_INPUT', 'the password is not acceptable', [
      {
        field: 'password',
        message: `${password.length} characters`,
        expected: `${MIN_PASSWORD} to 1024 characters`,
      },
    ]);
  }
}

export interface NewPerson {
  readonly name: string;
  readonly role: Role;
  readonly deals?: readonly string[];
  /** Omitted: the user signs in first with a one-time link (`signInLink`). */
  readonly password?: string;
}

export async function addPerson(store: TrustStore, person: NewPerson, who: Who): Promise<User> {
  if (person.password !== undefined) checkPassword(person.password);
  const passwordHash = person.password === undefined ? null : await hashPassword(person.password);
  return store.transaction(async (tx) => {
    const user = await tx.people.addUser({
      name: person.name,
      role: person.role,
      deals: person.deals ?? [],
      passwordHash,
      createdAt: who.at,
      createdBy: who.actor,
    });
    await tx.appendAudit({
      ...who,
      action: 'add-user',
      details: { user: user.name, role: user.role, deals: [...user.deals] },
    });
    return user;
  });
}

export function setRole(
  store: TrustStore,
  name: string,
  role: Role,
  deals: readonly string[],
  who: Who,
): Promise<User> {
  return store.transaction(async (tx) => {
    const before = await tx.people.getUser(name);
    const user = await tx.people.setRole(name, role, deals);
    await tx.appendAudit({
      ...who,
      action: 'set-role',
      details: {
        user: name,
        before: { role: before?.role ?? null, deals: [...(before?.deals ?? [])] },
        after: { role: user.role, deals: [...user.deals] },
      },
    });
    return user;
  });
}

export async function setPassword(
  store: TrustStore,
  name: string,
  password: string,
  who: Who,
): Promise<User> {
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  return store.transaction(async (tx) => {
    const user = await tx.people.setPasswordHash(name, passwordHash);
    await tx.appendAudit({ ...who, action: 'set-password', details: { user: name } });
    return user;
  });
}

export function disablePerson(store: TrustStore, name: string, who: Who): Promise<User> {
  return store.transaction(async (tx) => {
    const user = await tx.people.disableUser(name, who.at);
    await tx.appendAudit({ ...who, action: 'disable-user', details: { user: name } });
    return user;
  });
}

/** A new API token for `name`: the token itself is returned once and never stored. */
export function createToken(
  store: TrustStore,
  name: string,
  label: string,
  who: Who,
): Promise<{ token: string; record: ApiToken }> {
  const token = newSecret('tt_');
  const tokenId = randomBytes(6).toString('hex');
  return store.transaction(async (tx) => {
    const record = await tx.people.addToken({
      tokenId,
      name,
      label,
      createdAt: who.at,
      revokedAt: null,
      tokenHash: secretHash(token),
    });
    await tx.appendAudit({
      ...who,
      action: 'create-token',
      details: { user: name, tokenId, label },
    });
    return { token, record };
  });
}

export function revokeToken(store: TrustStore, tokenId: string, who: Who): Promise<ApiToken> {
  return store.transaction(async (tx) => {
    const record = await tx.people.revokeToken(tokenId, who.at);
    await tx.appendAudit({
      ...who,
      action: 'revoke-token',
      details: { user: record.name, tokenId },
    });
    return record;
  });
}

/** A one-time sign-in link's secret for `name`, working LINK_HOURS from `who.at`. */
export function signInLink(store: TrustStore, name: string, who: Who): Promise<string> {
  const secret = newSecret();
  const expiresAt = new Date(Date.parse(who.at) + LINK_HOURS * 3600_000).toISOString();
  return store.transaction(async (tx) => {
    await tx.people.addSignInLink({
      linkHash: secretHash(secret),
      name,
      createdAt: who.at,
      expiresAt,
    });
    await tx.appendAudit({
      ...who,
      action: 'create-sign-in-link',
      details: { user: name, expiresAt },
    });
    return secret;
  });
}
