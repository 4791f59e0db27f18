import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson } from '../../src/store/peopleChanges.ts';
import { launchBrowser } from './browser.ts';
import { signInOnPage, startPortal, type Portal } from './portalServer.ts';

/** The investor the pages are tried as: entitled to the 2002-1 trust only. */
const IRIS = { name: 'iris', password: 'iris browser passphrase' };

let portal: Portal;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;

beforeAll(async () => {
  portal = await startPortal();
  const who = { actor: 'test', at: new Date().toISOString(), address: 'test' };
  await addPerson(
    portal.store,
    { name: IRIS.name, role: 'investor', deals: ['nchet-2002-1'], password: IRIS.password },
    who,
  );
  browser = await launchBrowser();
  page = await browser.context.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await portal?.app.close();
});

describe('the investor pages in Chromium', () => {
  it('an investor watches a deal and reads its feed of published statements', async () => {
    await signInOnPage(page, portal.url, IRIS);
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);
    await page.goto(`${portal.url}/#/nchet-2002-1/watch`);
    await page.getByRole('button', { name: 'Watch nchet-2002-1' }).click();
    await page.getByTestId('watch-list').waitFor();
    const feed = page.getByTestId('feed');
    await feed.waitFor();
    // The shipped history: every date published once, the latest first.
    const deals = (await (await portal.api('/api/deals')).json()) as {
      id: string;
      distributionDates: string[];
    }[];
    const dates = deals.find((d) => d.id === 'nchet-2002-1')?.distributionDates ?? [];
    expect(dates.length).toBeGreaterThan(0);
    expect(await feed.locator('tbody tr').count()).toBe(dates.length);
    expect(await feed.locator('tbody tr').first().innerText()).toContain(dates.at(-1));
  });

  it('shows the factor table and finds a class by its CUSIP', async () => {
    await page.goto(`${portal.url}/#/nchet-2002-1/factors`);
    const table = page.getByTestId('factor-table');
    await table.waitFor();
    const april = await table.locator('tr', { hasText: '2002-04-25' }).innerText();
    // Class A's factor to 9 decimals; the statement prints 0.995837.
    expect(april).toMatch(/0\.99583\d{4}/);
    await page.getByLabel('CUSIP').fill('64352VCC3');
    await page.getByRole('button', { name: 'Find' }).click();
    expect(await page.getByTestId('cusip-answer').innerText()).toContain('class A of');
    await page.getByLabel('CUSIP').fill('64352VCC4');
    await page.getByRole('button', { name: 'Find' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('did you mean 64352VCC3');
  });

  it('enters a position and shows its cash flows received and projected', async () => {
    await page.goto(`${portal.url}/#/nchet-2002-1/positions`);
    await page.getByLabel('Class of nchet-2002-1').first().click();
    await page.getByRole('option', { name: 'M-1', exact: true }).click();
    await page.getByLabel('Original face ($)').fill('1,000,000.00');
    await page.getByRole('button', { name: 'Add position' }).click();
    await page.getByTestId('remaining-balance').waitFor({ timeout: 60_000 });
    const received = await page.getByTestId('received').locator('tbody tr').count();
    expect(received).toBeGreaterThan(0);
    expect(await page.getByTestId('projected').locator('tbody tr').count()).toBeGreaterThan(0);
    // M-1 is paid no principal before the stepdown (2005): the holding is still whole.
    expect(await page.getByTestId('remaining-balance').innerText()).toContain(
      'remaining balance 1,000,000.00 of 1,000,000.00',
    );
  });

  it('offers the history ZIP on the deal overview', async () => {
    await page.goto(`${portal.url}/#/nchet-2002-1/overview`);
    const button = page.getByRole('link', { name: 'Download history (ZIP)' });
    await button.waitFor();
    expect(await button.getAttribute('href')).toBe('/api/deals/nchet-2002-1/history.zip');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('nchet-2002-1-history.zip');
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  it('an administrator adds an investor with a one-time link and entitles a deal', async () => {
    await signInOnPage(page, portal.url);
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByTestId('users').waitFor();
    await page.getByLabel('Name').fill('ian');
    await page.getByLabel('Deals', { exact: true }).first().click({ force: true });
    await page.getByRole('option', { name: 'example-2003-6m' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add user' }).click();
    expect(await page.getByTestId('sign-in-link').innerText()).toMatch(/#\/sign-in\/[\w-]{43}$/);
    const row = page.locator('tr[data-user="ian"]');
    await row.waitFor();
    expect((await row.innerText()).toLowerCase()).toContain('link not used');
    const users = (await (await portal.api('/api/users')).json()) as {
      name: string;
      deals: string[];
    }[];
    expect(users.find((u) => u.name === 'ian')?.deals).toEqual(['example-2003-6m']);
  });
});
