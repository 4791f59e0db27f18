import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/openStore.ts';
import { bookDealFiles } from '../support/bookDeal.ts';
import { trustee } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'trustee-batch-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('trustee batch', () => {
  const db = join(dir, 'book.sqlite');
  const date = '2004-01-26';

  it("prepares the deals due, one deal's bad file refused alone, a deal with no remittance waiting", async () => {
    expect(trustee(['generate-book', '--deals', '3', '--months', '1', '--db', db]).status).toBe(0);
    const store = await openStore(db);
    const generated = (await store.book.listDeals()).map((d) => d.dealId);
    await store.close();
    expect(generated).toHaveLength(3);
    // A deal added by hand, with no remittance: it waits.
    const quarry = bookDealFiles('example-2003-6m', 9);
    writeFileSync(join(dir, 'quarry.json'), JSON.stringify(quarry.file));
    writeFileSync(join(dir, 'quarry.csv'), quarry.tape);
    const add = [
      'deal',
      'add',
      '--deal',
      join(dir, 'quarry.json'),
      '--tape',
      join(dir, 'quarry.csv'),
    ];
    expect(trustee([...add, '--db', db]).status).toBe(0);
    // A servicer file for one generated deal with a cell that is not money.
    const simulated = join(dir, 'simulated');
    const sim = trustee([
      'simulate',
      '--deal',
      join(dir, 'quarry.json'),
      '--tape',
      join(dir, 'quarry.csv'),
      '--year',
      '2004',
      '--out',
      simulated,
    ]);
    expect(sim.status, sim.stderr).toBe(0);
    const lines = readFileSync(join(simulated, `${date}.csv`), 'utf8').split('\n');
    const header = lines[0]!.split(',');
    const cells = lines[2]!.split(',');
    cells[header.indexOf('scheduled_principal')] = 'twelve';
    const incoming = join(dir, 'incoming');
    mkdirSync(incoming);
    const badDeal = generated[1]!;
    writeFileSync(
      join(incoming, `${badDeal}.csv`),
      [lines[0], lines[1], cells.join(','), ...lines.slice(3)].join('\n'),
    );

    const run = trustee([
      'batch',
      '--date',
      date,
      '--remittances',
      incoming,
      '--db',
      db,
      '--by',
      'paula',
    ]);
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain('4 deals due: 2 prepared, 1 waiting for a remittance, 1 refused');
    expect(run.stdout).toMatch(/waiting for a remittance:\n {2}quarry-2004-9/);
    expect(run.stdout).toContain(`refused ${badDeal}: INVALID_INPUT`);
    expect(run.stdout).toMatch(new RegExp(`${badDeal}\\.csv, row 3, field scheduled_principal`));

    const after = await openStore(db);
    try {
      for (const id of [generated[0]!, generated[2]!]) {
        const drafts = await after.listDrafts({ dealId: id });
        expect(drafts.map((d) => [d.status, d.distributionDate, d.preparedBy])).toEqual([
          ['prepared', date, 'paula'],
        ]);
      }
      expect(await after.listDrafts({ dealId: badDeal })).toEqual([]);
    } finally {
      await after.close();
    }

    // Again without the bad file: the refused deal is prepared from its waiting remittance;
    // the prepared ones are not due again (their drafts wait for approval).
    const again = trustee(['batch', '--date', date, '--db', db]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(
      '2 deals due: 1 prepared, 1 waiting for a remittance, 0 refused',
    );
  });
});
