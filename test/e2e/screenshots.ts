// Screenshots of the dashboard's main pages for docs/portal.md: `npm run screenshots`.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { dealsDirectory } from '../../src/deal/builtIn.ts';
import { launchBrowser } from './browser.ts';
import { signInOnPage, startPortal } from './portalServer.ts';

const out = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });

const portal = await startPortal();
const { context, close } = await launchBrowser();
const page = await context.newPage();

async function shoot(name: string, page: Page): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.waitForTimeout(700); // chart animations
  await page.screenshot({ path: `${out}${name}.png`, fullPage: true });
  process.stdout.write(`docs/screenshots/${name}.png\n`);
}

try {
  await signInOnPage(page, portal.url);
  await page.goto(`${portal.url}/#/nchet-2002-1/overview`);
  await page.getByTestId('classes-table').waitFor();
  await shoot('overview', page);

  await page.goto(`${portal.url}/#/nchet-2002-1/history`);
  await page.locator('[data-chart="pool-factor"] .recharts-line-curve').waitFor();
  await shoot('history', page);

  await page.goto(`${portal.url}/#/nchet-2002-1/statement/2002-04-25`);
  await page.locator('[data-section="netWacCarryover"]').waitFor();
  await shoot('statement', page);

  await page.goto(`${portal.url}/#/nchet-2002-1/scenario`);
  await page.getByTestId('run-scenario').click();
  await page.getByTestId('projection-table').waitFor({ timeout: 60_000 });
  await page.getByTestId('run-grid').click();
  await page.getByTestId('grid-table').waitFor({ timeout: 60_000 });
  await shoot('scenario', page);

  await page.goto(`${portal.url}/#/nchet-2002-1/loans`);
  await page.getByTestId('loans-table').waitFor();
  await shoot('loans', page);

  // The monthly cycle: April 2002's totals restated, uploaded and prepared as a correction.
  const restated = join(mkdtempSync(join(tmpdir(), 'trustee-shots-')), '2002-04-25-restated.json');
  const april = readFileSync(`${dealsDirectory}nchet-2002-1/periods/2002-04-25.json`, 'utf8');
  writeFileSync(restated, april.replace('"1429737.83"', '"1429837.83"'));
  await page.goto(`${portal.url}/#/nchet-2002-1/cycle`);
  await page.locator('input[type="file"]').setInputFiles(restated);
  await page.getByText('Uploaded and reconciled').waitFor();
  await page.getByLabel(/Correction of a closed date/).fill('servicer restated interest');
  await page.getByRole('button', { name: 'Prepare' }).click();
  await page.getByTestId('versions-table').waitFor();
  await shoot('cycle', page);

  // The investor pages: the watch list and its feed, factors with a CUSIP found, a position.
  await page.goto(`${portal.url}/#/nchet-2002-1/watch`);
  await page.getByRole('button', { name: 'Watch nchet-2002-1' }).click();
  await page.getByTestId('feed').waitFor();
  await shoot('watch', page);

  await page.goto(`${portal.url}/#/nchet-2002-1/factors`);
  await page.getByTestId('factor-table').waitFor();
  await page.getByLabel('CUSIP').fill('64352VCD1');
  await page.getByRole('button', { name: 'Find' }).click();
  await page.getByTestId('cusip-answer').waitFor();
  await shoot('factors', page);

  await page.goto(`${portal.url}/#/nchet-2002-1/positions`);
  await page.getByLabel('Class of nchet-2002-1').first().click();
  await page.getByRole('option', { name: 'A', exact: true }).click();
  await page.getByLabel('Original face ($)').fill('1,000,000.00');
  await page.getByRole('button', { name: 'Add position' }).click();
  await page.getByTestId('projected').waitFor({ timeout: 60_000 });
  await shoot('positions', page);

  await page.getByRole('link', { name: 'Users' }).click();
  await page.getByTestId('users').waitFor();
  await shoot('users', page);

  await page.goto(`${portal.url}/docs`);
  await page.locator('.opblock').first().waitFor();
  await shoot('api-docs', page);
} finally {
  await close();
  await portal.app.close();
}
