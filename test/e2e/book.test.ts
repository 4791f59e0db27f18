import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { storeBook } from '../../src/api/service/bookSource.ts';
import { createPortal } from '../../src/api/service/portal.ts';
import { storeHistory } from '../../src/api/service/storeHistory.ts';
import { ensureWebBuilt, webRoot } from '../../src/api/webBuild.ts';
import { openStore } from '../../src/store/openStore.ts';
import { addPerson } from '../../src/store/peopleChanges.ts';
import type { TrustStore } from '../../src/store/trustStore.ts';
import { tokenFor } from '../api/signedIn.ts';
import { bookDealFiles } from '../support/bookDeal.ts';
import { launchBrowser } from './browser.ts';
import { ADMIN, signInOnPage } from './portalServer.ts';

/** The portal as `trustee serve` runs it, with a deal added to the book through the API. */
describe('a deal of the book in Chromium', () => {
  const deal = bookDealFiles('example-2004-fixed', 11);
  let store: TrustStore;
  let app: FastifyInstance;
  let url: string;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    await ensureWebBuilt();
    store = await openStore(':memory:');
    const who = { actor: 'test', at: new Date().toISOString(), address: 'test' };
    await addPerson(
      store,
      { name: ADMIN.name, role: 'administrator', password: ADMIN.password },
      who,
    );
    app = await buildApp({
      portal: createPortal(storeHistory(store), storeBook(store)),
      webRoot,
      store,
    });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    const token = await tokenFor(store, 'administrator', { name: 'script' });
    const added = await fetch(`${url}/api/deals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ deal: deal.file, tape: deal.tape }),
    });
    expect(added.status, await added.clone().text()).toBe(201);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await signInOnPage(page, url);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
  });

  it('finds the deal in the picker by a CUSIP and shows its overview and loan tape', async () => {
    const picker = page.locator('input[aria-label="Deal"]');
    await picker.click();
    await picker.fill(deal.cusips[3]!.toLowerCase());
    const options = page.getByRole('option');
    await expect.poll(() => options.allInnerTexts()).toEqual([deal.file['name']]);
    await options.first().click();
    await expect.poll(() => page.url()).toContain(`#/${deal.id}/overview`);
    await page.getByRole('heading', { name: String(deal.file['name']) }).waitFor();
    await page.getByRole('link', { name: 'Loan tape' }).click();
    await page.getByRole('heading', { name: 'Stratification' }).waitFor();
    await page.getByRole('heading', { name: 'Loan tape' }).waitFor();
  });
});
