import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { createPortal } from '../../src/api/service/portal.ts';
import { seedStore } from '../../src/api/service/seedStore.ts';
import { storeHistory } from '../../src/api/service/storeHistory.ts';
import { resolveDeal } from '../../src/deal/builtIn.ts';
import { annualReport } from '../../src/cli/commands/annualReport.ts';
import { openStore } from '../../src/store/openStore.ts';

const deal = resolveDeal('nchet-2002-1');

describe('the portal on the store', () => {
  it('filings: a new store gets the April 2002 statement from the seed, once', async () => {
    const store = await openStore(':memory:');
    expect(await seedStore(store, deal, 'filings')).toBe(1);
    expect(await seedStore(store, deal, 'filings')).toBe(0);
    const app = await buildApp({ portal: createPortal(storeHistory(store)) });
    const res = await app.inject('/api/deals/nchet-2002-1/distributions/2002-04-25/statement');
    expect(res.body).toContain('306,573.50');
    expect(res.body).toContain('942,980.71');
    const remittance = await app.inject(
      '/api/deals/nchet-2002-1/distributions/2002-04-25/remittance',
    );
    expect(remittance.json().source).toBe('deals/nchet-2002-1/periods/2002-04-25.json');
    await app.close();
    await store.close();
  });

  it('simulated: the 2002 year from the remittances, with its history, statements and 10-K', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'trustee-sim-'));
    const db = join(folder, 'sim.sqlite');
    const store = await openStore(db);
    expect(await seedStore(store, deal, 'simulated')).toBe(10);
    const app = await buildApp({ portal: createPortal(storeHistory(store)) });
    const history = (await app.inject('/api/deals/nchet-2002-1/distributions')).json() as {
      date: string;
      poolBalance: number;
    }[];
    expect(history.map((p) => p.date)).toEqual([
      '2002-03-25',
      '2002-04-25',
      '2002-05-28',
      '2002-06-25',
      '2002-07-25',
      '2002-08-26',
      '2002-09-25',
      '2002-10-25',
      '2002-11-25',
      '2002-12-26',
    ]);
    for (let k = 1; k < history.length; k++) {
      expect(history[k]!.poolBalance).toBeLessThan(history[k - 1]!.poolBalance);
    }
    const remittance = (
      await app.inject('/api/deals/nchet-2002-1/distributions/2002-11-25/remittance')
    ).json();
    expect(remittance.source).toMatch(/deals\/nchet-2002-1\/remittances\/2002-11-25\.csv$/);
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
});

describe('trustee serve', () => {
  it('starts on the SQLite store, prints the address, serves the API and the dashboard', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'trustee-serve-'));
    const child = spawn(
      process.execPath,
      ['bin/trustee.ts', 'serve', '--port', '0', '--db', join(folder, 't.sqlite')],
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
      expect(out).toContain('nchet-2002-1: closed 1 shipped distribution dates');
      const deals = (await (await fetch(`${address}/api/deals`)).json()) as {
        id: string;
        distributionDates: string[];
      }[];
      expect(deals.find((d) => d.id === 'nchet-2002-1')?.distributionDates).toEqual(['2002-04-25']);
      const page = await fetch(`${address}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const bad = await fetch(`${address}/api/deals/nchet-2002-1/distributions/2002-04-31`);
      expect(bad.status).toBe(422);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses a bad --port with INVALID_INPUT, exit status 2', async () => {
    const child = spawn(process.execPath, ['bin/trustee.ts', 'serve', '--port', 'eighty'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('INVALID_INPUT');
  });
});
