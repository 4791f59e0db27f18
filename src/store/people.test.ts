import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, passwordMatches, secretHash } from './credentials.ts';
import { openStore } from './openStore.ts';
import { backends, failure, freshDatabase, type TestDatabase } from './testBackends.ts';
import type { TrustStore } from './trustStore.ts';

const at = '2026-12-02T01:00:00.000Z';
const later = '2026-12-02T13:00:00.000Z';

describe.each(backends)('users, tokens and sessions on %s', (backend) => {
  let db: TestDatabase;
  let store: TrustStore;
  beforeAll(async () => {
    db = freshDatabase(backend);
    store = await openStore(db.location);
  });
  afterAll(async () => {
    await store?.close();
    await db.drop();
  });

  it('adds users with roles; investors with their deals; refuses a name twice', async () => {
    expect(await store.people.countUsers()).toBe(0);
    const hash = await hashPassword('a long enough password');
    const admin = await store.people.addUser({
      name: 'ada',
      role: 'administrator',
      passwordHash: hash,
      createdAt: at,
      createdBy: 'test',
    });
    expect(admin).toEqual({
      name: 'ada',
      role: 'administrator',
      deals: [],
      hasPassword: true,
      createdAt: at,
      createdBy: 'test',
      disabledAt: null,
    });
    const ivan = await store.people.addUser({
      name: 'ivan',
      role: 'investor',
      deals: ['nchet-2002-1', 'example-2003-6m', 'nchet-2002-1'],
      passwordHash: null,
      createdAt: at,
      createdBy: 'ada',
    });
    expect(ivan.deals).toEqual(['example-2003-6m', 'nchet-2002-1']);
    expect(ivan.hasPassword).toBe(false);
    expect((await failure(store.people.addUser({ ...ivan, passwordHash: null }))).code).toBe(
      'USER_EXISTS',
    );
    const notInvestor = await failure(store.people.setRole('ada', 'auditor', ['nchet-2002-1']));
    expect(notInvestor.details[0]?.field).toBe('deals');
    expect((await failure(store.people.setRole('nobody', 'auditor', []))).code).toBe(
      'UNKNOWN_USER',
    );
    expect(await store.people.setRole('ivan', 'investor', ['nchet-2002-1'])).toMatchObject({
      deals: ['nchet-2002-1'],
    });
    expect((await store.people.listUsers()).map((u) => u.name)).toEqual(['ada', 'ivan']);
    expect(
      await passwordMatches((await store.people.passwordHash('ada'))!, 'a long enough password'),
    ).toBe(true);
    expect(await passwordMatches(hash, 'a wrong password')).toBe(false);
  });

  it('finds the user of an unrevoked token only; a revoked token is refused', async () => {
    const token = 'tt_secret-token-value';
    await store.people.addToken({
      tokenId: 'tok1',
      name: 'ada',
      label: 'nightly',
      createdAt: at,
      revokedAt: null,
      tokenHash: secretHash(token),
    });
    expect((await store.people.tokenUser(secretHash(token)))?.name).toBe('ada');
    expect(await store.people.tokenUser(secretHash('tt_other'))).toBeUndefined();
    expect(await store.people.revokeToken('tok1', later)).toMatchObject({ revokedAt: later });
    expect(await store.people.tokenUser(secretHash(token))).toBeUndefined();
    expect((await failure(store.people.revokeToken('nope', later))).code).toBe('NOT_FOUND');
  });

  it('keeps sessions until they expire or end; a sign-in link works once', async () => {
    await store.people.addSession({
      sessionHash: 's1',
      name: 'ivan',
      csrfToken: 'c1',
      createdAt: at,
      expiresAt: later,
      address: '127.0.0.1',
    });
    expect(await store.people.session('s1', at)).toMatchObject({
      user: { name: 'ivan' },
      csrfToken: 'c1',
    });
    expect(await store.people.session('s1', later)).toBeUndefined();
    await store.people.endSession('s1');
    expect(await store.people.session('s1', at)).toBeUndefined();

    await store.people.addSignInLink({
      linkHash: 'l1',
      name: 'ivan',
      createdAt: at,
      expiresAt: later,
    });
    expect((await store.people.useSignInLink('l1', at))?.name).toBe('ivan');
    expect(await store.people.useSignInLink('l1', at)).toBeUndefined();
    await store.people.addSignInLink({
      linkHash: 'l2',
      name: 'ivan',
      createdAt: at,
      expiresAt: at,
    });
    expect(await store.people.useSignInLink('l2', later)).toBeUndefined();
  });

  it('a disabled user cannot sign in: no password, tokens revoked, sessions ended', async () => {
    await store.people.addToken({
      tokenId: 'tok2',
      name: 'ada',
      label: 'x',
      createdAt: at,
      revokedAt: null,
      tokenHash: secretHash('tt_two'),
    });
    await store.people.addSession({
      sessionHash: 's2',
      name: 'ada',
      csrfToken: 'c2',
      createdAt: at,
      expiresAt: later,
      address: null,
    });
    expect(await store.people.disableUser('ada', later)).toMatchObject({ disabledAt: later });
    expect(await store.people.passwordHash('ada')).toBeUndefined();
    expect(await store.people.tokenUser(secretHash('tt_two'))).toBeUndefined();
    expect(await store.people.session('s2', at)).toBeUndefined();
    expect((await store.people.listTokens('ada')).every((t) => t.revokedAt !== null)).toBe(true);
  });
});
