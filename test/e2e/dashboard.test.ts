import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { addPerson, signInLink } from '../../src/store/peopleChanges.ts';
import { ADMIN, signInOnPage, startPortal, type Portal } from './portalServer.ts';

/** Figures of the April 2002 Statement to Certificateholders (seed 8-K_2002-04-25). */
const SEED = {
  classAInterest: '306,573.50',
  ceInterest: '942,980.71',
  classAEnding: '160,231,105.03',
  creditEnhancement: '19.065%',
};

let portal: Portal;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
/** What the browser reports of the Content-Security-Policy: it must block nothing of ours. */
const cspReports: string[] = [];

beforeAll(async () => {
  portal = await startPortal();
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspReports.push(message.text());
  });
  await signInOnPage(page, portal.url);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await portal?.app.close();
});

/** The cells of the row of `section` whose first cell is `label`. */
async function rowOf(section: string, label: string): Promise<string[]> {
  const row = page.locator(`[data-section="${section}"] tbody tr`).filter({
    has: page.locator('td:first-child', { hasText: new RegExp(`^${label}$`) }),
  });
  return row.locator('td').allInnerTexts();
}

describe('the dashboard in Chromium', () => {
  it('opens on the deal overview as of the last closed date (December 2002)', async () => {
    const overview = (await (await portal.api(`/api/deals/nchet-2002-1`)).json()) as {
      asOf: string;
      pool: { balance: number };
      classes: { name: string; balance: number }[];
    };
    expect(overview.asOf).toBe('2002-12-26');
    const money = (c: number) =>
      (c / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    await page.goto(`${portal.url}/`);
    await expect.poll(() => page.url()).toContain('#/nchet-2002-1/overview');
    await page.getByTestId('pool-balance').waitFor();
    expect(await page.getByTestId('pool-balance').innerText()).toBe(money(overview.pool.balance));
    expect(await page.getByTestId('trigger-badge').innerText()).toMatch(/Trigger Event NO/i);
    const classA = page.getByTestId('classes-table').locator('tr', { hasText: '64352VCC3' });
    const a = overview.classes.find((c) => c.name === 'A')!;
    expect(await classA.innerText()).toContain(money(a.balance));
  });

  it("shows the April 2002 statement in the filing's sections, figures as in the seed", async () => {
    await page.goto(`${portal.url}/#/nchet-2002-1/statement/2002-04-25`);
    await page.locator('[data-section="certificates"]').waitFor();
    expect(await page.getByTestId('statement-header').innerText()).toContain(
      'Distribution Date: 04/25/02',
    );
    const a = await rowOf('certificates', 'A');
    expect(a).toContain(SEED.classAInterest);
    expect(a).toContain(SEED.classAEnding);
    expect(await rowOf('certificates', 'CE')).toContain(SEED.ceInterest);
    expect(await rowOf('performance', 'Credit Enhancement Percentage')).toContain(
      SEED.creditEnhancement,
    );
  });

  it('downloads the statement as a PDF that holds the figures (pdftotext)', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-download="pdf"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('nchet-2002-1-statement-2002-04-25.pdf');
    const file = join(mkdtempSync(join(tmpdir(), 'trustee-e2e-')), 'statement.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('NEW CENTURY HOME EQUITY LOAN TRUST');
    for (const figure of Object.values(SEED)) expect(text).toContain(figure);
  });

  it('downloads the Form 8-K, the Form 10-K and the closing 8-K as text from the statement page', async () => {
    for (const [button, name, words, figure] of [
      // Class A interest of April 2002: 306,573.50 (the 8-K prints its tables in whole dollars).
      ['8k', 'nchet-2002-1-8k-2002-04-25.txt', 'Date of Report:', /306,57[34]/],
      // M-1's 2002 interest, as the 10-K gives it.
      ['10k', 'nchet-2002-1-10k-2002.txt', 'FORM 10-K', /271,069/],
      // The closing 8-K: the cut-off pool of the certificates issued.
      ['closing-8k', 'nchet-2002-1-8k-closing.txt', 'Date of earliest event', /198,644,095\.79/],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`[data-download="${button}"]`).click(),
      ]);
      expect(download.suggestedFilename()).toBe(name);
      const file = join(mkdtempSync(join(tmpdir(), 'trustee-e2e-')), name);
      await download.saveAs(file);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain(words);
      expect(text).toMatch(figure);
    }
  });

  it('draws the history charts over the ten 2002 dates', async () => {
    await page.goto(`${portal.url}/#/nchet-2002-1/history`);
    await page.getByText('10 distribution dates, 2002-03-25 to 2002-12-26').waitFor();
    const chart = page.locator('[data-chart="pool-factor"]');
    await chart.locator('.recharts-line-curve').waitFor();
    const ticks = () => chart.locator('.recharts-xAxis-tick-labels text').allTextContents();
    await expect.poll(async () => (await ticks())[0]).toBe('Mar 02');
    expect((await ticks()).at(-1)).toBe('Dec 02');
    const legend = await page.locator('[data-chart="class-balances"]').innerText();
    for (const name of ['A', 'M-1', 'M-4', 'CE']) expect(legend).toContain(name);
    // Hovering the chart shows the month's value in the tooltip.
    const box = (await chart.locator('.recharts-surface').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.95, box.y + box.height / 2);
    await expect.poll(() => chart.innerText()).toMatch(/Pool factor\s*0\.\d{4}/);
    for (const id of ['prepay-default', 'delinquency', 'excess-spread', 'netwac-coupons']) {
      expect(await page.locator(`[data-chart="${id}"] .recharts-surface`).count()).toBe(1);
    }
  });

  it('runs a scenario and shows its class table and charts', async () => {
    await page.goto(`${portal.url}/#/nchet-2002-1/scenario`);
    await page.getByLabel('CPR %').fill('30');
    await page.getByLabel('CDR %').fill('3');
    await page.getByTestId('run-scenario').click();
    const table = page.getByTestId('projection-table');
    await table.waitFor({ timeout: 60_000 });
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t')[0])).toEqual(['A', 'M-1', 'M-2', 'M-3', 'M-4']);
    // Class A's balance after the last closed date (December 2002), in whole dollars.
    const overview = (await (await portal.api(`/api/deals/nchet-2002-1`)).json()) as {
      classes: { name: string; balance: number }[];
    };
    const a = overview.classes.find((c) => c.name === 'A')!.balance;
    expect(rows[0]).toContain(Math.round(a / 100).toLocaleString('en-US'));
    expect(rows[0]).toMatch(/\t\d+\.\d\d\t/); // its WAL in years
    expect(await table.innerText()).toMatch(/\d+\.\d\d%/); // breakeven CDRs
    // Where the loans came from: December 2002's report, those in foreclosure liquidated.
    expect(await page.getByTestId('projection-loans').innerText()).toMatch(
      /^Loans: 509 loans as of 2002-12-26 from the remittance rows; \d+ in foreclosure or REO, liquidated in month \d+/,
    );
    await page.locator('[data-chart="projected-balances"] .recharts-line-curve').first().waitFor();
    // Unticked, the loans in foreclosure or REO are projected as performing; a share of those
    // 60+ days late defaults at the start.
    await page.getByLabel('Liquidate loans in foreclosure or REO (after the lag)').uncheck();
    await page.getByLabel('60+ late defaulting %').fill('50');
    await page.getByTestId('run-scenario').click();
    await expect
      .poll(() => page.getByTestId('projection-loans').innerText(), { timeout: 60_000 })
      .toMatch(/in foreclosure or REO, projected as performing;.*but for 50% of the balance/);
  });

  it('runs a scenario grid and shows its table a page at a time', async () => {
    await page.goto(`${portal.url}/#/nchet-2002-1/scenario`);
    await page.getByLabel('CPR values %').fill('10, 15, 20, 25, 30, 35');
    await page.getByLabel('CDR values %').fill('0, 2, 4, 6, 8');
    await page.getByTestId('run-grid').click();
    const table = page.getByTestId('grid-table');
    await table.waitFor({ timeout: 60_000 });
    // 30 scenarios, 25 a page: the first page, then the last five.
    expect(await table.locator('tbody tr').count()).toBe(25);
    expect(await table.locator('tbody tr').first().innerText()).toMatch(
      /^prepayment\.cpr=10 default\.cdr=0\t\d+\.\d\d \/ \d+\.\d\d%/,
    );
    await page.getByTestId('grid-pages').getByRole('button', { name: '2' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(5);
    expect(await table.locator('tbody tr').last().innerText()).toMatch(
      /^prepayment\.cpr=35 default\.cdr=8\t/,
    );
  });

  it('cancels a running grid and a queued projection with their Cancel buttons', async () => {
    await page.goto(`${portal.url}/#/nchet-2002-1/scenario`);
    // A 1,000-scenario grid runs for seconds: long enough to be cancelled while it runs.
    const many = Array.from({ length: 40 }, (_, i) => i).join(', ');
    await page.getByLabel('CPR values %').fill(many);
    await page.getByLabel('CDR values %').fill(Array.from({ length: 25 }, (_, i) => i).join(', '));
    await page.getByTestId('run-grid').click();
    await page.getByTestId('grid-progress').waitFor({ timeout: 60_000 });
    await page.getByTestId('cancel-grid').click();
    await expect
      .poll(() => page.getByTestId('grid-cancelled').innerText(), { timeout: 10_000 })
      .toMatch(/^Cancelled after \d+ of 1000 scenarios$/);
    expect(await page.getByTestId('cancel-grid').count()).toBe(0);
    expect(await page.getByTestId('grid-table').count()).toBe(0);

    // Two grids posted by another client take both slots, so the projection waits: cancel it.
    const grid = {
      vary: {
        'prepayment.cpr': Array.from({ length: 40 }, (_, i) => i),
        'default.cdr': Array.from({ length: 50 }, (_, i) => i),
      },
    };
    const others: { id: string }[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await portal.api(`/api/deals/nchet-2002-1/scenario-grids`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grid }),
      });
      others.push((await res.json()) as { id: string });
    }
    try {
      await page.getByTestId('run-scenario').click();
      await page.getByTestId('scenario-queued').waitFor({ timeout: 30_000 });
      await page.getByTestId('cancel-scenario').click();
      await page.getByTestId('scenario-cancelled').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('scenario-queued').count()).toBe(0);
    } finally {
      for (const other of others) {
        await portal.api(`/api/jobs/${other.id}`, { method: 'DELETE' });
      }
    }
  });

  it('shows the loan tape with its stratification tables', async () => {
    await page.goto(`${portal.url}/#/nchet-2002-1/loans`);
    const strata = page.getByTestId('strata-table');
    await strata.waitFor();
    expect(await strata.locator('tbody tr').last().innerText()).toMatch(/^Total\t588\t198,644,096/);
    await page.locator('.mantine-SegmentedControl-label', { hasText: /^State$/ }).click();
    await expect.poll(() => strata.locator('thead').innerText()).toContain('State');
    expect(await strata.innerText()).toContain('CA');
    expect(await page.getByTestId('loans-table').locator('tbody tr').count()).toBe(25);
  });
});

describe('the audit log in Chromium', () => {
  it("lists the deal's closings, then every sign-in from where, filtered by user; downloads the CSV", async () => {
    await page.goto(`${portal.url}/#/nchet-2002-1/audit`);
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    const rows = () => table.locator('tbody tr').allInnerTexts();
    expect((await rows()).some((r) => /\tclose\tnchet-2002-1 2002-04-25 v1\t/.test(r))).toBe(true);
    expect((await rows()).every((r) => r.includes('nchet-2002-1'))).toBe(true);
    await page.getByLabel('Only nchet-2002-1').uncheck();
    await page.getByLabel('User').fill(ADMIN.name);
    await expect
      .poll(async () => (await rows()).map((r) => r.split('\t').slice(2, 4).join(' ')))
      .toContain(`${ADMIN.name} sign-in`);
    const signIn = (await rows()).find((r) => r.includes('\tsign-in\t'))!;
    expect(signIn.endsWith('127.0.0.1')).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-download="audit-csv"]').click(),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'trustee-audit-')), 'audit.csv');
    await download.saveAs(file);
    const csv = readFileSync(file, 'utf8').trim().split('\n');
    expect(csv[0]).toBe(
      'seq,at,actor,action,deal,distribution_date,version,reason,address,details,previous_hash,hash',
    );
    expect(csv.slice(1).every((line) => line.split(',')[2] === ADMIN.name)).toBe(true);
  });
});

describe('signing in and out in Chromium', () => {
  it('the Swagger UI loads under the Content-Security-Policy', async () => {
    await page.goto(`${portal.url}/docs`);
    await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
  });

  it('signs out to the sign-in page; a wrong password is refused; an investor signed in by a one-time link sees their deal only', async () => {
    await page.goto(`${portal.url}/#/nchet-2002-1/overview`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.waitFor();
    // Signed out, the browser's cookie opens nothing.
    expect(await page.evaluate(() => fetch('/api/deals').then((r) => r.status))).toBe(401);

    await form.getByLabel('Name').fill(ADMIN.name);
    await form.locator('input[type="password"]').fill('not the password at all');
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('UNAUTHENTICATED');

    const who = { actor: 'test', at: new Date().toISOString(), address: 'test' };
    await addPerson(
      portal.store,
      { name: 'ivan', role: 'investor', deals: ['example-2003-6m'] },
      who,
    );
    const secret = await signInLink(portal.store, 'ivan', who);
    await page.goto(`${portal.url}/#/sign-in/${secret}`);
    await page.getByLabel('Signed in as').waitFor();
    expect(await page.getByLabel('Signed in as').innerText()).toBe('ivan (investor)');
    // The secret leaves the address bar at once; the investor lands on their deal.
    expect(page.url()).not.toContain(secret);
    await expect.poll(() => page.url()).toContain('#/example-2003-6m/overview');
    // The pages of routes investors may not use are not offered.
    expect(await page.getByRole('link', { name: 'Loan tape' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Statement' }).count()).toBe(1);
    await page.locator('input[aria-label="Deal"]').click();
    expect(await page.getByRole('option').allInnerTexts()).toHaveLength(1);
    await page.keyboard.press('Escape');
    const status = (path: string) => page.evaluate((p) => fetch(p).then((r) => r.status), path);
    expect(await status('/api/deals/example-2003-6m')).toBe(200);
    expect(await status('/api/deals/nchet-2002-1')).toBe(403);
    expect(await status('/api/deals/example-2003-6m/loans')).toBe(403);

    // Signed in by a link, with no password yet: the page asks for one; then it can sign in.
    const set = page.getByRole('form', { name: 'Set a password' });
    await set.locator('input[type="password"]').fill('ivans browser passphrase');
    await set.getByRole('button', { name: 'Set password' }).click();
    await set.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInOnPage(page, portal.url, { name: 'ivan', password: 'ivans browser passphrase' });
    expect(cspReports).toEqual([]);
  });
});
