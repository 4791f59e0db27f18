import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { builtInHistory } from '../../src/api/service/builtInHistory.ts';
import { createPortal } from '../../src/api/service/portal.ts';
import { SIGN_IN_ATTEMPTS } from '../../src/api/routes/sessionRoutes.ts';
import { openStore } from '../../src/store/openStore.ts';
import { addPerson, signInLink } from '../../src/store/peopleChanges.ts';
import type { TrustStore } from '../../src/store/trustStore.ts';
import { expectProblem } from './testApp.ts';
import { tokenFor } from './signedIn.ts';

const PASSWORD = 'correct horse battery staple';
const who = { actor: 'test', at: new Date().toISOString(), address: 'test' };

/** The session cookie's `name=value`, as a browser would send it back. */
function sessionCookie(response: LightMyRequestResponse): string {
  const header = [response.headers['set-cookie'] ?? []].flat()[0] ?? '';
  return header.split(';')[0]!;
}

describe('signing in: sessions, CSRF, tokens, links, rate limit, headers, logs', () => {
  let app: FastifyInstance;
  let store: TrustStore;
  let log = '';
  beforeAll(async () => {
    store = await openStore(':memory:');
    await addPerson(store, { name: 'paula', role: 'preparer', password: PASSWORD }, who);
    await addPerson(store, { name: 'ivan', role: 'investor', deals: ['nchet-2002-1'] }, who);
    app = await buildApp({
      portal: createPortal(builtInHistory()),
      store,
      logger: {
        stream: new Writable({
          write(chunk, _encoding, done) {
            log += String(chunk);
            done();
          },
        }),
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const signIn = (name: string, password: string, address = '10.0.0.1') =>
    app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { name, password },
      remoteAddress: address,
    });

  it('a password signs in: an HTTP-only, SameSite=Strict, Secure session cookie and the CSRF token', async () => {
    const response = await signIn('paula', PASSWORD);
    expect(response.statusCode).toBe(200);
    const body = response.json() as { name: string; role: string; csrfToken: string };
    expect(body).toMatchObject({ name: 'paula', role: 'preparer', deals: [], hasPassword: true });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/^trustee_session=[A-Za-z0-9_-]{43}; /);
    for (const flag of ['HttpOnly', 'SameSite=Strict', 'Secure', 'Path=/'])
      expect(header).toContain(flag);

    const cookie = sessionCookie(response);
    const me = await app.inject({ url: '/api/session', headers: { cookie } });
    expect(me.json()).toMatchObject({ name: 'paula', csrfToken: body.csrfToken });
    expect((await app.inject({ url: '/api/deals', headers: { cookie } })).statusCode).toBe(200);

    // A state-changing request from the session needs its CSRF token: another site can make the
    // browser send the cookie but cannot read the token.
    const job = '/api/jobs/00000000-0000-0000-0000-000000000000';
    const forged = await app.inject({ method: 'DELETE', url: job, headers: { cookie } });
    expect(expectProblem(forged, 403, 'FORBIDDEN').details[0]).toMatchObject({
      field: 'x-csrf-token',
    });
    const wrong = await app.inject({
      method: 'DELETE',
      url: job,
      headers: { cookie, 'x-csrf-token': 'x'.repeat(43) },
    });
    expectProblem(wrong, 403, 'FORBIDDEN');
    const sent = await app.inject({
      method: 'DELETE',
      url: job,
      headers: { cookie, 'x-csrf-token': body.csrfToken },
    });
    expectProblem(sent, 404, 'NOT_FOUND');

    // Signing out ends the session: the same cookie is refused afterwards.
    const out = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie, 'x-csrf-token': body.csrfToken },
    });
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/^trustee_session=; /);
    expectProblem(
      await app.inject({ url: '/api/deals', headers: { cookie } }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('a wrong password, an unknown name and a disabled user get the same 401; each failure is audited with the address', async () => {
    const wrong = expectProblem(
      await signIn('paula', 'not the password', '10.0.0.2'),
      401,
      'UNAUTHENTICATED',
    );
    const unknown = expectProblem(
      await signIn('nobody', PASSWORD, '10.0.0.2'),
      401,
      'UNAUTHENTICATED',
    );
    expect(unknown).toEqual(wrong);
    const failures = (await store.allAudit()).filter((e) => e.action === 'sign-in-failed');
    expect(failures.slice(-2)).toMatchObject([
      { actor: 'paula', address: '10.0.0.2', details: { how: 'password' } },
      { actor: 'nobody', address: '10.0.0.2', details: { how: 'password' } },
    ]);
    const signIns = (await store.allAudit()).filter((e) => e.action === 'sign-in');
    expect(signIns[0]).toMatchObject({
      actor: 'paula',
      address: '10.0.0.1',
      details: { how: 'password' },
    });
    expect((await store.verifyAudit()).breaks).toEqual([]);
  });

  it('a one-time link signs in once; the user then sets a password', async () => {
    const secret = await signInLink(store, 'ivan', who);
    const use = () =>
      app.inject({ method: 'POST', url: '/api/session/link', payload: { token: secret } });
    const first = await use();
    expect(first.json()).toMatchObject({
      name: 'ivan',
      role: 'investor',
      deals: ['nchet-2002-1'],
      hasPassword: false,
    });
    expectProblem(await use(), 401, 'UNAUTHENTICATED');
    const cookie = sessionCookie(first);
    const csrf = (first.json() as { csrfToken: string }).csrfToken;
    const set = (payload: Record<string, string>) =>
      app.inject({
        method: 'PUT',
        url: '/api/session/password',
        headers: { cookie, 'x-csrf-token': csrf },
        payload,
      });
    expectProblem(await set({ password: 'short' }), 422, 'INVALID_INPUT');
    expect((await set({ password: 'ivans own passphrase' })).json()).toMatchObject({
      hasPassword: true,
    });
    // Once set, changing it needs the current one.
    expectProblem(await set({ password: 'another passphrase!' }), 403, 'FORBIDDEN');
    expect((await signIn('ivan', 'ivans own passphrase')).statusCode).toBe(200);
  });

  it('an API token signs a script in; a malformed or unknown one is 401', async () => {
    const token = await tokenFor(store, 'auditor');
    const get = (authorization: string) =>
      app.inject({ url: '/api/deals/nchet-2002-1', headers: { authorization } });
    expect((await get(`Bearer ${token}`)).statusCode).toBe(200);
    expectProblem(await get(`Bearer ${token}x`), 401, 'UNAUTHENTICATED');
    expectProblem(await get(`Basic ${token}`), 401, 'UNAUTHENTICATED');
  });

  it(`sign-in is rate-limited: the ${SIGN_IN_ATTEMPTS + 1}th attempt a minute from one address is 429`, async () => {
    for (let k = 0; k < SIGN_IN_ATTEMPTS; k++) {
      expect((await signIn('paula', 'guess', '10.0.0.9')).statusCode).toBe(401);
    }
    const limited = await signIn('paula', PASSWORD, '10.0.0.9');
    expectProblem(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not held back.
    expect((await signIn('paula', PASSWORD, '10.0.0.10')).statusCode).toBe(200);
  });

  it('X-Forwarded-For is ignored unless the proxy is trusted (--trust-proxy): then it is the address', async () => {
    const spoofed = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { name: 'mallory', password: 'x' },
      remoteAddress: '10.0.0.30',
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(spoofed.statusCode).toBe(401);
    expect((await store.allAudit({ actor: 'mallory' })).map((e) => e.address)).toEqual([
      '10.0.0.30',
    ]);
    const behindProxy = await buildApp({
      portal: createPortal(builtInHistory()),
      store,
      trustProxy: '10.0.0.31',
    });
    await behindProxy.inject({
      method: 'POST',
      url: '/api/session',
      payload: { name: 'trent', password: 'x' },
      remoteAddress: '10.0.0.31',
      headers: { 'x-forwarded-for': '203.0.113.10' },
    });
    expect((await store.allAudit({ actor: 'trent' })).map((e) => e.address)).toEqual([
      '203.0.113.10',
    ]);
    await behindProxy.close();
  });

  it('every answer carries the security headers: CSP, frames refused, nosniff', async () => {
    for (const url of ['/api/deals', '/api/session', '/docs/', '/openapi.json']) {
      const { headers } = await app.inject({ url });
      expect(headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(headers['x-frame-options'], url).toBe('DENY');
      expect(headers['x-content-type-options'], url).toBe('nosniff');
    }
  });

  it('the log holds no password, token, cookie or CSRF token', async () => {
    log = '';
    const token = await tokenFor(store, 'approver');
    const secret = await signInLink(store, 'paula', who);
    const viaLink = await app.inject({
      method: 'POST',
      url: '/api/session/link',
      payload: { token: secret },
    });
    const cookie = sessionCookie(viaLink);
    await signIn('paula', PASSWORD, '10.0.0.20');
    await app.inject({ url: '/api/deals', headers: { authorization: `Bearer ${token}`, cookie } });
    await app.inject({ url: '/api/nothing-here', headers: { cookie } });
    expect(log).toContain('/api/deals');
    for (const needle of [
      PASSWORD,
      token,
      secret,
      cookie.split('=')[1]!,
      (viaLink.json() as { csrfToken: string }).csrfToken,
    ])
      expect(log).not.toContain(needle);
  });
});
