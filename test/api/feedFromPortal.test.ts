import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { webhookDispatcher } from '../../src/api/investors/webhookDispatcher.ts';
import { createPortal } from '../../src/api/service/portal.ts';
import { storeHistory } from '../../src/api/service/storeHistory.ts';
import { dealsDirectory } from '../../src/deal/builtIn.ts';
import { openStore } from '../../src/store/openStore.ts';
import type { TrustStore } from '../../src/store/trustStore.ts';
import { injectingAs, tokenFor } from './signedIn.ts';

const DEAL = '/api/deals/nchet-2002-1';
const aprilTotals = readFileSync(`${dealsDirectory}nchet-2002-1/periods/2002-04-25.json`, 'utf8');

/**
 * The feed and the webhooks read the store's published versions, so a statement published
 * through the portal's monthly cycle (upload, prepare, approve, publish) is in them as one
 * closed from the command line is (investorPortal.test.ts).
 */
describe('a statement published through the portal', () => {
  let store: TrustStore;
  let app: FastifyInstance;
  const notices: string[] = [];
  const receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      notices.push(String(request.headers['x-trustee-delivery']));
      response.end();
    });
  });

  beforeAll(async () => {
    store = await openStore(':memory:');
    app = await buildApp({ portal: createPortal(storeHistory(store)), store });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it("comes into the watcher's feed and to their webhook, once", async () => {
    const as = async (name: string, role: 'preparer' | 'approver' | 'investor') =>
      injectingAs(
        app,
        await tokenFor(store, role, {
          name,
          ...(role === 'investor' ? { deals: ['nchet-2002-1'] } : {}),
        }),
      );
    const [paula, alan, ivan] = [
      await as('paula', 'preparer'),
      await as('alan', 'approver'),
      await as('ivan', 'investor'),
    ];
    await ivan.inject({ method: 'PUT', url: '/api/watchlist/nchet-2002-1' });
    const { port } = receiver.address() as AddressInfo;
    await ivan.inject({
      method: 'POST',
      url: '/api/webhooks',
      payload: { url: `http://127.0.0.1:${port}/` },
    });
    expect((await ivan.inject('/api/feed')).json()).toEqual([]);

    const uploaded = await paula.inject({
      method: 'POST',
      url: `${DEAL}/remittances?file=2002-04-25.json`,
      headers: { 'content-type': 'application/json' },
      payload: aprilTotals,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const prepared = await paula.inject({
      method: 'POST',
      url: `${DEAL}/drafts`,
      payload: { distributionDate: '2002-04-25' },
    });
    const { draftId } = prepared.json() as { draftId: string };
    // Prepared and approved, not published: nothing in the feed yet.
    await alan.inject({ method: 'POST', url: `/api/drafts/${draftId}/approve`, payload: {} });
    expect((await ivan.inject('/api/feed')).json()).toEqual([]);
    const dispatcher = webhookDispatcher({ store, portal: createPortal(storeHistory(store)) });
    expect(await dispatcher.runOnce()).toMatchObject({ planned: 0 });

    const published = await paula.inject({ method: 'POST', url: `/api/drafts/${draftId}/publish` });
    expect(published.statusCode, published.body).toBe(200);
    expect((await ivan.inject('/api/feed')).json()).toMatchObject([
      { dealId: 'nchet-2002-1', distributionDate: '2002-04-25', version: 1, correction: false },
    ]);
    await dispatcher.runOnce();
    await dispatcher.runOnce();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/:nchet-2002-1:2002-04-25:v1$/);
  });
});
