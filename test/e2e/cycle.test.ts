import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { createPortal } from '../../src/api/service/portal.ts';
import { storeHistory } from '../../src/api/service/storeHistory.ts';
import { ensureWebBuilt, webRoot } from '../../src/api/webBuild.ts';
import { dealsDirectory } from '../../src/deal/builtIn.ts';
import { openStore } from '../../src/store/openStore.ts';
import type { Role } from '../../src/store/people.ts';
import { addPerson } from '../../src/store/peopleChanges.ts';
import type { TrustStore } from '../../src/store/trustStore.ts';
import { launchBrowser } from './browser.ts';
import { signInOnPage } from './portalServer.ts';

/**
 * The monthly cycle in Chromium (issue 13): a preparer uploads April 2002 (after a refused file
 * whose row problems the page lists) and prepares it; the preparer cannot approve; an approver
 * approves and publishes; an investor entitled to the deal then sees the statement, an
 * investor of another deal does not. On an empty store: nothing of the deal is closed before.
 */
const PASSWORD = 'a passphrase for the cycle test';
const people: [string, Role, string[]][] = [
  ['paula', 'preparer', []],
  ['alan', 'approver', []],
  ['ivan', 'investor', ['nchet-2002-1']],
  ['olga', 'investor', ['example-2003-6m']],
];
const user = (name: string) => ({ name, password: PASSWORD });
const CYCLE = '#/nchet-2002-1/cycle';
const STATEMENT_API = '/api/deals/nchet-2002-1/distributions/2002-04-25/statement';

let app: FastifyInstance;
let store: TrustStore;
let url: string;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
const files = mkdtempSync(join(tmpdir(), 'trustee-cycle-e2e-'));

beforeAll(async () => {
  await ensureWebBuilt();
  store = await openStore(':memory:');
  const who = { actor: 'test', at: new Date().toISOString(), address: 'test' };
  for (const [name, role, deals] of people) {
    await addPerson(store, { name, role, deals, password: PASSWORD }, who);
  }
  app = await buildApp({ portal: createPortal(storeHistory(store)), webRoot, store });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
  page = await browser.context.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await store?.close();
});

async function signInAs(name: string): Promise<void> {
  if (await page.getByRole('button', { name: 'Sign out' }).isVisible()) {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
  }
  await signInOnPage(page, url, user(name));
  // The dashboard settles on its first deal's overview before a test goes elsewhere.
  await expect.poll(() => page.url()).toMatch(/#\/[a-z0-9-]+\/overview$/);
}

/** GET with the browser's session (cookie): the status the signed-in user gets. */
const statusOf = (path: string): Promise<number> =>
  page.evaluate(async (p) => (await fetch(p)).status, path);

describe('the monthly cycle in Chromium', () => {
  it('a preparer uploads (row problems listed) and prepares; the preparer cannot approve', async () => {
    await signInAs('paula');
    await page.goto(`${url}/${CYCLE}`);
    await page.getByRole('heading', { name: 'Monthly cycle' }).waitFor();

    const may = readFileSync(`${dealsDirectory}nchet-2002-1/remittances/2002-05-28.csv`, 'utf8');
    const bad = may
      .split('\n')
      .map((line, i) => (i === 2 ? line.replace(/^(2002-05-28,\d+,)[\d.]+,/, '$112x.50,') : line))
      .join('\n');
    writeFileSync(join(files, 'bad-2002-05-28.csv'), bad);
    await page.locator('input[type="file"]').setInputFiles(join(files, 'bad-2002-05-28.csv'));
    const problems = page.getByTestId('row-problems');
    await problems.waitFor();
    const row = problems.locator('tbody tr', { hasText: 'beginning_balance' });
    expect((await row.locator('td').allInnerTexts())[0]).toBe('3');

    await page
      .locator('input[type="file"]')
      .setInputFiles(`${dealsDirectory}nchet-2002-1/periods/2002-04-25.json`);
    await page.getByText('Uploaded and reconciled').waitFor();
    const reconciliation = page.getByTestId('reconciliation');
    await reconciliation.waitFor();
    expect(await reconciliation.innerText()).toContain('198,112,844.14');
    expect(await reconciliation.innerText()).toContain('197,974,200.82');

    await page.getByRole('button', { name: 'Prepare' }).click();
    const statement = page.getByTestId('draft-statement');
    await statement.waitFor();
    expect(await statement.innerText()).toContain('306,573.50');
    expect(await statement.innerText()).toContain('DRAFT of version 1');
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    // The API refuses the preparer too: the permission table (approvers only).
    const draftId = (await store.listDrafts())[0]!.draftId;
    const approve = await page.evaluate(async (id) => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const response = await fetch(`/api/drafts/${id}/approve`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: '{}',
      });
      return response.status;
    }, draftId);
    expect(approve).toBe(403);
  });

  it('before publishing, the entitled investor does not see the date', async () => {
    await signInAs('ivan');
    expect(await statusOf(STATEMENT_API)).toBe(404);
  });

  it('an approver approves and publishes: the date has its version 1', async () => {
    await signInAs('alan');
    await page.goto(`${url}/${CYCLE}`);
    await page.getByTestId('drafts-table').getByRole('button', { name: 'Open' }).click();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('button', { name: 'Publish' }).click();
    const versions = page.getByTestId('versions-table');
    await versions.waitFor();
    expect(await versions.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/^1\s.*alan/),
    ]);
    expect(await page.getByTestId('drafts-table').innerText()).toMatch(/published/i);
  });

  it('the investor entitled to the deal sees the statement; an investor of another deal does not', async () => {
    await signInAs('ivan');
    await page.goto(`${url}/#/nchet-2002-1/statement/2002-04-25`);
    const certificates = page.locator('[data-section="certificates"]');
    await certificates.waitFor();
    expect(await certificates.innerText()).toContain('306,573.50');

    await signInAs('olga');
    expect(await statusOf(STATEMENT_API)).toBe(403);
    const deals = await page.evaluate(async () =>
      ((await (await fetch('/api/deals')).json()) as { id: string }[]).map((d) => d.id),
    );
    expect(deals).toEqual(['example-2003-6m']);
    expect(await page.locator('input[aria-label="Deal"]').inputValue()).not.toMatch(/2002-1/);
  });

  it('a correction follows the same path and the page lists both versions of the date', async () => {
    await signInAs('paula');
    await page.goto(`${url}/${CYCLE}`);
    const totals = readFileSync(`${dealsDirectory}nchet-2002-1/periods/2002-04-25.json`, 'utf8');
    const restated = join(files, 'restated-2002-04-25.json');
    writeFileSync(restated, totals.replace('"1429737.83"', '"1429837.83"'));
    await page.locator('input[type="file"]').setInputFiles(restated);
    await page.getByText('Uploaded and reconciled').waitFor();
    await page.getByLabel(/Correction of a closed date/).fill('servicer restated interest');
    await page.getByRole('button', { name: 'Prepare' }).click();
    await expect
      .poll(() => page.getByTestId('draft-statement').innerText())
      .toContain('DRAFT of version 2, a correction');

    await signInAs('alan');
    await page.goto(`${url}/${CYCLE}`);
    await page.getByTestId('drafts-table').getByRole('button', { name: 'Open' }).first().click();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('button', { name: 'Publish' }).click();
    const versions = page.getByTestId('versions-table');
    await expect.poll(() => versions.locator('tbody tr').count()).toBe(2);
    const rows = await versions.locator('tbody tr').allInnerTexts();
    expect(rows[0]).toMatch(/^1\s/);
    expect(rows[1]).toMatch(/^2\s.*alan.*servicer restated interest/);
  });
});
