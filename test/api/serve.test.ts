import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { signedInApp } from './signedIn.ts';
import { createPortal } from '../../src/api/service/portal.ts';
import { builtInHistory } from '../../src/api/service/builtInHistory.ts';
import { seedStore } from '../../src/api/service/seedStore.ts';
import { storeHistory } from '../../src/api/service/storeHistory.ts';
import { resolveDeal } from '../../src/deal/builtIn.ts';
import { annualReport } from '../../src/cli/commands/annualReport.ts';
import { openStore } from '../../src/store/openStore.ts';
import { DISTRIBUTION_DATES_2002 } from '../support/dates2002.ts';

const deal = resolveDeal('nchet-2002-1');

describe('the portal on the store', () => {
  it('a new store gets the 2002 history once: ten dates, April the seed, statements, remittances, the 10-K of trustee annual', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'trustee-sim-'));
    const db = join(folder, 'sim.sqlite');
    const store = await openStore(db);
    expect(await seedStore(store, deal)).toBe(10);
    expect(await seedStore(store, deal)).toBe(0);
    const app = await signedInApp({ portal: createPortal(storeHistory(store)), store });
    const history = (await app.inject('/api/deals/nchet-2002-1/distributions')).json() as {
      date: string;
      poolBalance: number;
    }[];
    expect(history.map((p) => p.date)).toEqual([...DISTRIBUTION_DATES_2002]);
    for (let k = 1; k < history.length; k++) {
      expect(history[k]!.poolBalance).toBeLessThan(history[k - 1]!.poolBalance);
    }
    // April 2002 is the seed statement, run on the state after the derived March.
    const april = await app.inject('/api/deals/nchet-2002-1/distributions/2002-04-25/statement');
    for (const figure of ['306,573.50', '942,980.71', '160,231,105.03'])
      expect(april.body).toContain(figure);
    const totals = (
      await app.inject('/api/deals/nchet-2002-1/distributions/2002-04-25/remittance')
    ).json();
    expect(totals.source).toBe('deals/nchet-2002-1/periods/2002-04-25.json');
    const march = (
      await app.inject('/api/deals/nchet-2002-1/distributions/2002-03-25/remittance')
    ).json();
    expect(march.source).toBe('deals/nchet-2002-1/periods/2002-03-25.json');
    const remittance = (
      await app.inject('/api/deals/nchet-2002-1/distributions/2002-11-25/remittance')
    ).json();
    expect(remittance.source).toBe('deals/nchet-2002-1/remittances/2002-11-25.csv');
    expect(remittance.rows.length).toBeGreaterThan(500);
    const tenK = await app.inject('/api/deals/nchet-2002-1/annual/2002/10k');
    expect(tenK.statusCode).toBe(200);
    // The same 10-K as `trustee annual` makes from the same store (loan-level lists included).
    const cli = await annualReport({
      deal: deal.id,
      year: 2002,
      db,
      format: 'text',
      actor: 'test',
    });
    expect(tenK.body).toBe(cli);
    const overview = (await app.inject('/api/deals/nchet-2002-1')).json();
    expect(overview).toMatchObject({ asOf: '2002-12-26', distributionCount: 10 });
    await app.close();
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('the store API without a store: the built-in files give the same history', async () => {
    const store = await openStore(':memory:');
    await seedStore(store, deal);
    const fromStore = await storeHistory(store).distributions(deal);
    const fromFiles = await builtInHistory().distributions(deal);
    expect(fromFiles.map((d) => d.distributionDate)).toEqual(
      fromStore.map((d) => d.distributionDate),
    );
    expect(fromFiles.map((d) => d.classes)).toEqual(fromStore.map((d) => d.classes));
    await store.close();
  });
});

describe('trustee serve', () => {
  it('starts on the SQLite store, prints the address, serves the API and the dashboard', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'trustee-serve-'));
    const child = spawn(
      process.execPath,
      [
        'bin/trustee.ts',
        'serve',
        '--port',
        '0',
        '--db',
        join(folder, 't.sqlite'),
        '--max-scenarios',
        '4',
        '--max-months',
        '12',
        '--results-dir',
        join(folder, 'results'),
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      let out = '';
      const address = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const found = /trustee portal: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
          if (found) resolve(found[1]!);
        });
        child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      expect(out).toContain('nchet-2002-1: closed 10 shipped distribution dates');
      // A new store: an administrator and a one-time sign-in link with the address.
      const link = await vi.waitFor(
        () => {
          const found =
            /no users yet: made the administrator "admin"; sign in once, within 24 hours, at\n {2}(http:\/\/127\.0\.0\.1:\d+\/#\/sign-in\/([A-Za-z0-9_-]{43}))\n/.exec(
              out,
            );
          if (!found) throw new Error(`no sign-in link in: ${out}`);
          return found;
        },
        { timeout: 10_000, interval: 50 },
      );
      expect(link[1]!.startsWith(`${address}/`)).toBe(true);
      expect((await fetch(`${address}/api/deals`)).status).toBe(401);
      const signIn = () =>
        fetch(`${address}/api/session/link`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token: link[2] }),
        });
      const session = await signIn();
      expect(session.status).toBe(200);
      const { csrfToken, role } = (await session.json()) as { csrfToken: string; role: string };
      expect(role).toBe('administrator');
      const cookie = session.headers.getSetCookie()[0]!;
      expect(cookie).toMatch(/^trustee_session=[^;]+; .*HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toMatch(/Secure/);
      expect((await signIn()).status).toBe(401); // the link works once
      const headers = { cookie: cookie.split(';')[0]!, 'x-csrf-token': csrfToken };
      const authed = (url: string, init: RequestInit = {}) =>
        fetch(url, { ...init, headers: { ...headers, ...init.headers } });
      const deals = (await (await authed(`${address}/api/deals`)).json()) as {
        id: string;
        distributionDates: string[];
      }[];
      const dates = deals.find((d) => d.id === 'nchet-2002-1')?.distributionDates;
      expect(dates).toHaveLength(10);
      expect(dates?.slice(0, 2)).toEqual(['2002-03-25', '2002-04-25']);
      const april = await authed(
        `${address}/api/deals/nchet-2002-1/distributions/2002-04-25/statement`,
      );
      expect(await april.text()).toContain('306,573.50');
      const page = await authed(`${address}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const bad = await authed(`${address}/api/deals/nchet-2002-1/distributions/2002-04-31`);
      expect(bad.status).toBe(422);
      // The job limits of the flags, and the results in --results-dir.
      const grid = (cdrs: number[], horizon: number) =>
        authed(`${address}/api/deals/nchet-2002-1/scenario-grids`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ grid: { base: { horizon }, vary: { 'default.cdr': cdrs } } }),
        });
      const over = await grid([0, 1, 2, 3, 4], 12);
      expect(over.status).toBe(413);
      expect(await over.json()).toMatchObject({
        code: 'LIMIT_EXCEEDED',
        details: [{ field: 'grid.vary', expected: 'at most 4 scenarios (maxScenarios)', got: 5 }],
      });
      const longer = await grid([0], 13);
      expect(((await longer.json()) as { details: unknown[] }).details[0]).toMatchObject({
        field: 'grid[0].horizon',
        expected: 'at most 12 months (maxMonths)',
      });
      const ok = (await (await grid([0, 1, 2, 3], 12)).json()) as { id: string };
      await vi.waitFor(
        async () => {
          const job = (await (await authed(`${address}/api/jobs/${ok.id}`)).json()) as {
            status: string;
          };
          expect(job.status).toBe('done');
        },
        { timeout: 60_000, interval: 100 },
      );
      expect(readdirSync(join(folder, 'results'))).toEqual([`${ok.id}.ndjson`]);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it.each([
    ['--port', 'eighty'],
    ['--max-scenarios', '0'],
    ['--max-months', '12.5'],
  ])('refuses a bad %s (%s) with INVALID_INPUT, exit status 2', async (flag, value) => {
    const child = spawn(process.execPath, ['bin/trustee.ts', 'serve', flag, value], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('INVALID_INPUT');
    expect(err).toContain(flag);
  });
});
