import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/openStore.ts';
import { dumpTables } from '../../src/store/testBackends.ts';
import { bookDealFiles } from '../support/bookDeal.ts';
import { trustee } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'trustee-book-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('trustee deal add', () => {
  const db = join(dir, 'add.sqlite');
  const { id, file, tape } = bookDealFiles();
  const dealPath = join(dir, `${id}.json`);
  const tapePath = join(dir, `${id}.csv`);
  writeFileSync(dealPath, JSON.stringify(file, null, 2));
  writeFileSync(tapePath, tape);

  it('refuses a tape with a bad row, naming the file, row and field, and creates no store', () => {
    const lines = tape.split('\n');
    const header = lines[0]!.split(',');
    const cells = lines[3]!.split(',');
    cells[header.indexOf('note_rate')] = 'eight';
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, [...lines.slice(0, 3), cells.join(','), ...lines.slice(4)].join('\n'));
    const run = trustee(['deal', 'add', '--deal', dealPath, '--tape', bad, '--db', db]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('INVALID_INPUT');
    expect(run.stderr).toMatch(/bad\.csv.*row 4.*note_rate/);
    expect(existsSync(db)).toBe(false);
  });

  it('adds the deal with its tape, audited; refuses it twice with nothing changed', async () => {
    const run = trustee(['deal', 'add', '--deal', dealPath, '--tape', tapePath, '--db', db]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${id}: added to the book`);
    expect(run.stdout).toContain('Millbrook Servicing LLC (fictional)');
    const before = await dumpTables(db);
    expect(before['book_deals']).toHaveLength(1);
    const again = trustee(['deal', 'add', '--deal', dealPath, '--tape', tapePath, '--db', db]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('DEAL_EXISTS');
    expect(await dumpTables(db)).toEqual(before);

    // The history of a deal of the book, by its id.
    const history = trustee(['history', '--deal', id, '--db', db]);
    expect(history.stdout).toBe(`${id}: no closed dates in ${db}\n`);
    // An investor may be entitled to it.
    const ivan = trustee(['users', 'add', 'ivan', '--role', 'investor', '--deal', id, '--db', db]);
    expect(ivan.stdout).toContain(`added ivan (investor, deals: ${id})`);
    const store = await openStore(db);
    try {
      const [entry] = await store.auditLog(id);
      expect(entry).toMatchObject({ action: 'add-deal', dealId: id });
      expect(entry?.address).toMatch(/^cli on /);
    } finally {
      await store.close();
    }
  });

  it("refuses a built-in deal's id and a tape that is another pool", () => {
    const builtIn = join(dir, 'builtin.json');
    writeFileSync(builtIn, JSON.stringify({ ...file, id: 'nchet-2002-1' }));
    const taken = trustee(['deal', 'add', '--deal', builtIn, '--tape', tapePath, '--db', db]);
    expect(taken.stderr).toContain('DEAL_EXISTS');
    const other = bookDealFiles('example-2004-fixed', 8);
    const otherTape = join(dir, 'other.csv');
    writeFileSync(otherTape, other.tape);
    const wrong = trustee(['deal', 'add', '--deal', dealPath, '--tape', otherTape, '--db', db]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/INVALID_INPUT.*not the pool of/);
    expect(wrong.stderr).toContain('field current_balance');
  });
});

describe('trustee generate-book', () => {
  it('writes a deal of each built-in structure with its tape and waiting remittances', async () => {
    const db = join(dir, 'book.sqlite');
    const run = trustee(['generate-book', '--deals', '6', '--months', '2', '--db', db]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^generated 6 deals into/);
    expect(run.stdout).toContain('12 remittances waiting');
    expect(run.stdout).toContain('trustee batch --date 2004-01-26');
    const store = await openStore(db);
    try {
      const deals = await store.book.listDeals();
      expect(deals).toHaveLength(6);
      expect(new Set(deals.flatMap((d) => d.cusips)).size).toBe(
        deals.reduce((n, d) => n + d.cusips.length, 0),
      );
      for (const deal of deals) {
        const waiting = await store.waitingRemittances(deal.dealId);
        expect(waiting.map((w) => w.distributionDate).sort()).toEqual(['2004-01-26', '2004-02-25']);
        expect((await store.getLoanTape(deal.tapeId))?.rows.length).toBeGreaterThanOrEqual(30);
      }
    } finally {
      await store.close();
    }
    // A second run adds deals after the first ones.
    const more = trustee(['generate-book', '--deals', '1', '--months', '1', '--db', db]);
    expect(more.status).toBe(0);
    expect(more.stdout).toMatch(/-2004-7\b/);
  });

  it('trustee project projects a deal of the book from the tape it was added with', async () => {
    const db = join(dir, 'book.sqlite');
    const store = await openStore(db);
    const [deal] = await store.book.listDeals();
    const rows = (await store.getLoanTape(deal!.tapeId))!.rows.length;
    await store.close();
    const flags = ['--cpr', '20', '--cdr', '3', '--severity', '40', '--db', db];
    const run = trustee(['project', '--deal', deal!.dealId, ...flags]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`deal: ${deal!.dealId}`);
    expect(run.stdout).toContain("state: the book's deal at its closing");
    expect(run.stdout).toContain(`loans: ${rows} rows: the cut-off tape`);
    expect(run.stdout).toMatch(/^Class summary/m);
    const unknown = trustee(['project', '--deal', 'no-such-deal', ...flags]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('UNKNOWN_DEAL');
    expect(unknown.stderr).toContain('field --deal');
    expect(unknown.stderr).toContain('a deal of the book');
  });
});
