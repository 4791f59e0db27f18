import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { permissions } from '../../src/api/access/permissions.ts';
import { builtInHistory } from '../../src/api/service/builtInHistory.ts';
import { createPortal } from '../../src/api/service/portal.ts';
import { openStore } from '../../src/store/openStore.ts';
import { roles, type Role } from '../../src/store/people.ts';
import type { TrustStore } from '../../src/store/trustStore.ts';
import { tokenFor } from './signedIn.ts';

/**
 * The permission test of issue 13: every route of the one table (src/api/access/permissions.ts)
 * tried with every role and with no one signed in, each answer checked against the table:
 * 401 with no one signed in, 403 for a role not listed, anything but 401/403 for a role listed
 * (the route then answers for itself: 200, or 404/422 for the placeholder input, which shows
 * the request got past the check). Investors also try a deal they are not entitled to.
 */
const ENTITLED = 'nchet-2002-1';
const OTHER = 'example-2003-6m';

/** A URL of the route's pattern, for a deal. */
function urlOf(pattern: string, dealId: string, jobId: string): string {
  return pattern
    .replace(':dealId', dealId)
    .replace(':date', '2002-04-25')
    .replace(':year', '2002')
    .replace(':by', 'state')
    .replace(':jobId', jobId)
    .replace('/docs/static/*', '/docs/static/swagger-ui.css')
    .replace('/*', '/index.html');
}

type Caller = Role | 'nobody';
const callers: readonly Caller[] = ['nobody', ...roles];

describe('every route, every role: the answer is the permission table', () => {
  let app: FastifyInstance;
  let store: TrustStore;
  let web: string;
  const tokens = new Map<Role, string>();
  let jobId: string;

  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'trustee-permissions-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>trustee</title>');
    store = await openStore(':memory:');
    app = await buildApp({
      portal: createPortal(builtInHistory()),
      store,
      webRoot: web,
      // Room for the projections the allowed roles start.
      jobs: { maxRunning: 1, maxQueued: 50 },
    });
    for (const role of roles) {
      tokens.set(
        role,
        await tokenFor(store, role, role === 'investor' ? { deals: [ENTITLED] } : {}),
      );
    }
    const job = await app.inject({
      method: 'POST',
      url: `/api/deals/${ENTITLED}/projections`,
      headers: { authorization: `Bearer ${tokens.get('administrator')}` },
      payload: { scenario: { prepayment: { cpr: 25 }, horizon: 12 } },
    });
    expect(job.statusCode).toBe(202);
    jobId = (job.json() as { id: string }).id;
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(web, { recursive: true, force: true });
  });

  const routes = Object.entries(permissions);

  it('the table lists exactly the routes the app has', () => {
    for (const [route] of routes) {
      const [method, url] = route.split(' ') as [string, string];
      expect(app.hasRoute({ method: method as 'GET', url }), route).toBe(true);
    }
  });

  it('a route missing from the table stops the app from starting', async () => {
    const other = await buildApp({ portal: createPortal(builtInHistory()), store });
    expect(() => other.get('/api/unlisted', () => 'open')).toThrow(
      'GET /api/unlisted has no entry in the permission table',
    );
    await other.close();
  });

  describe.each(routes)('%s', (route, permission) => {
    const [method, pattern] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE', string];
    it.each(callers)('as %s', async (caller) => {
      const tried = [ENTITLED, ...(caller === 'investor' && permission.deal ? [OTHER] : [])];
      for (const dealId of tried) {
        const response = await app.inject({
          method,
          url: urlOf(pattern, dealId, jobId),
          headers: caller === 'nobody' ? {} : { authorization: `Bearer ${tokens.get(caller)}` },
          // An empty body: an allowed caller gets past the check to the schema (422).
          ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
        });
        const allowed =
          permission.roles === 'anyone' ||
          (caller !== 'nobody' &&
            permission.roles.includes(caller) &&
            !(caller === 'investor' && permission.deal && dealId !== ENTITLED));
        const why = `${route} as ${caller} on ${dealId}: ${response.statusCode} ${response.body.slice(0, 200)}`;
        if (allowed) {
          expect([401, 403], why).not.toContain(response.statusCode);
          expect(response.statusCode, why).toBeLessThan(500);
        } else {
          expect(response.statusCode, why).toBe(caller === 'nobody' ? 401 : 403);
          expect((response.json() as { code: string }).code, why).toBe(
            caller === 'nobody' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
          );
        }
      }
    });
  });

  it("an investor's deal list holds their deals only; the staff see every deal", async () => {
    const list = async (role: Role) =>
      (
        (
          await app.inject({
            url: '/api/deals',
            headers: { authorization: `Bearer ${tokens.get(role)}` },
          })
        ).json() as { id: string }[]
      ).map((d) => d.id);
    expect(await list('investor')).toEqual([ENTITLED]);
    expect(await list('auditor')).toContain(OTHER);
  });
});
