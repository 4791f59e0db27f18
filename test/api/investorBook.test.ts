import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { storeBook } from '../../src/api/service/bookSource.ts';
import { createPortal } from '../../src/api/service/portal.ts';
import { storeHistory } from '../../src/api/service/storeHistory.ts';
import { openStore } from '../../src/store/openStore.ts';
import type { TrustStore } from '../../src/store/trustStore.ts';
import { bookDealFiles } from '../support/bookDeal.ts';
import { injectingAs, tokenFor } from './signedIn.ts';

/**
 * The investor pages on a deal of the book (added through the API, not a built-in file): a new
 * portal finds it by its CUSIP, its factors, a position in it and its ZIP through the store.
 */
describe('the investor portal on a deal of the book', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trustee-investor-book-'));
  const deal = bookDealFiles();
  let store: TrustStore;
  let app: FastifyInstance;
  let investor: FastifyInstance;
  const served = () => createPortal(storeHistory(store), storeBook(store));

  beforeAll(async () => {
    store = await openStore(join(dir, 'trustee.sqlite'));
    const adding = await buildApp({ portal: served(), store });
    const admin = injectingAs(adding, await tokenFor(store, 'administrator'));
    const added = await admin.inject({
      method: 'POST',
      url: '/api/deals',
      payload: { deal: deal.file, tape: deal.tape },
    });
    expect(added.statusCode, added.body).toBe(201);
    await adding.close();
    // A portal that has not read the deal yet, as after a restart.
    app = await buildApp({ portal: served(), store });
    investor = injectingAs(app, await tokenFor(store, 'investor', { deals: [deal.id] }));
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds its CUSIP, lists its classes for factors, and zips its closing 8-K', async () => {
    const cusip = deal.cusips[0] ?? '';
    const found = await investor.inject(`/api/cusips/${cusip}`);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json()).toMatchObject({ cusip, dealId: deal.id, factors: [] });
    const factors = await investor.inject(`/api/deals/${deal.id}/factors`);
    expect(factors.statusCode, factors.body).toBe(200);
    expect((factors.json() as { classes: unknown[] }).classes.length).toBeGreaterThan(0);
    const zip = await investor.inject(`/api/deals/${deal.id}/history.zip`);
    expect(zip.statusCode).toBe(200);
    const files = Object.keys(unzipSync(new Uint8Array(zip.rawPayload)));
    expect(files).toEqual([`closing/${deal.id}-8k-closing.txt`, 'manifest.json']);
    const manifest = unzipSync(new Uint8Array(zip.rawPayload))['manifest.json'] as Uint8Array;
    expect(JSON.parse(strFromU8(manifest))).toMatchObject({ dealId: deal.id });
  });

  it('holds a position in one of its classes, projected from its tape', async () => {
    const fresh = await buildApp({ portal: served(), store });
    try {
      const as = injectingAs(
        fresh,
        await tokenFor(store, 'investor', { name: 'ines', deals: [deal.id] }),
      );
      const classes = (await as.inject(`/api/deals/${deal.id}/classes`)).json() as {
        name: string;
        kind: string;
      }[];
      const senior = classes.find((c) => c.kind === 'floating' || c.kind === 'fixed');
      const made = await as.inject({
        method: 'POST',
        url: '/api/positions',
        payload: { dealId: deal.id, class: senior?.name, originalFace: 100000 },
      });
      expect(made.statusCode, made.body).toBe(201);
      const { positionId } = made.json() as { positionId: string };
      const view = (await as.inject(`/api/positions/${positionId}`)).json() as {
        received: { rows: unknown[] };
        remainingBalance: number;
        projected: { rows: unknown[] };
      };
      expect(view.received.rows).toEqual([]);
      expect(view.remainingBalance).toBe(10_000_000);
      expect(view.projected.rows.length).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  });
});
