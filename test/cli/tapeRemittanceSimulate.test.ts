import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, trustee } from '../support/cli.ts';

const remittances = `${root}deals/nchet-2002-1/remittances`;

describe('trustee tape / remittance check / simulate', () => {
  it('tape prints the totals and stratification tables of the built-in tape', () => {
    const { status, stdout } = trustee(['tape', '--deal', 'nchet-2002-1']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/Loans\s+588\n/);
    expect(stdout).toMatch(/Current balance\s+198,644,095\.79\n/);
    expect(stdout).toMatch(/Weighted average rate \(WAC\)\s+8\.660%\n/);
    expect(stdout).toMatch(/WA remaining term \(months\)\s+359\.0\n/);
    for (const title of [
      'Product (fixed / ARM)',
      'Note rate',
      'Remaining term (months)',
      'State',
      'FICO',
      'Original LTV',
    ]) {
      expect(stdout).toContain(`\n${title}\n`);
    }
    expect(stdout).toMatch(/2\/28 ARM \(6M-LIBOR\)\s+377\s/);
  });

  it('remittance check reconciles a report and prints its totals; refuses a bad one naming the row', () => {
    const good = trustee([
      'remittance',
      'check',
      `${remittances}/2002-12-26.csv`,
      '--deal',
      'nchet-2002-1',
    ]);
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/Payments in full\s+5,070,884\.18\n/);
    expect(good.stdout).toMatch(/Loans \(beginning \/ ending\)\s+525 \/ 509\n/);
    expect(good.stdout).toMatch(/Foreclosure\s+13\s/);
    expect(good.stdout).toMatch(/Ending pool balance\s+172,244,554\.16\n/);

    // The first report after the totals files starts from the loans after April 2002.
    const may = trustee([
      'remittance',
      'check',
      `${remittances}/2002-05-28.csv`,
      '--deal',
      'nchet-2002-1',
    ]);
    expect(may.status).toBe(0);
    expect(may.stdout).toMatch(/Beginning pool balance\s+197,974,200\.82\n/);

    const dir = mkdtempSync(join(tmpdir(), 'cli-remittance-'));
    const lines = readFileSync(`${remittances}/2002-05-28.csv`, 'utf8').split('\n');
    lines[4] = (lines[4] ?? '').replace(/^2002-05-28,(\d+),/, '2002-05-28,999999,');
    const bad = join(dir, '2002-05-28.csv');
    writeFileSync(bad, lines.join('\n'));
    const refused = trustee(['remittance', 'check', bad, '--deal', 'nchet-2002-1']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/UNRECONCILED/);
    expect(refused.stderr).toMatch(/row 5, field loan_id: loan 999999 is not in the pool/);
  });

  it('tape --write-derived writes the same bytes as the committed derived files', () => {
    const out = mkdtempSync(join(tmpdir(), 'cli-derived-'));
    const run = trustee(['tape', '--deal', 'nchet-2002-1', '--write-derived', out]);
    expect(run.status).toBe(0);
    for (const name of ['periods/2002-03-25.json', 'tape-2002-04-25.csv']) {
      expect(readFileSync(join(out, name), 'utf8')).toBe(
        readFileSync(`${root}deals/nchet-2002-1/${name}`, 'utf8'),
      );
    }
  });

  it('simulate writes a seeded year (not the built-in reports, which are derived); bad options are refused', () => {
    const out = mkdtempSync(join(tmpdir(), 'cli-simulate-'));
    const args = ['simulate', '--deal', 'nchet-2002-1', '--year', '2002', '--out', out];
    const { status, stdout } = trustee(args);
    expect(status).toBe(0);
    expect(stdout).toMatch(/wrote 8 remittance reports \(seed 88\)/);
    const names = readdirSync(out).sort();
    expect(names).toEqual(readdirSync(remittances).sort());
    const again = mkdtempSync(join(tmpdir(), 'cli-simulate-'));
    expect(trustee([...args.slice(0, -1), again]).status).toBe(0);
    for (const name of names) {
      expect(readFileSync(join(again, name), 'utf8')).toBe(readFileSync(join(out, name), 'utf8'));
    }
    // From the cut-off tape instead: the ten 2002 dates, March and April simulated too.
    const cutoff = mkdtempSync(join(tmpdir(), 'cli-simulate-'));
    const fromTape = trustee([
      ...args.slice(0, -1),
      cutoff,
      '--tape',
      `${root}deals/nchet-2002-1/tape.csv`,
    ]);
    expect(fromTape.status).toBe(0);
    expect(readdirSync(cutoff).sort()[0]).toBe('2002-03-25.csv');
    expect(readdirSync(cutoff)).toHaveLength(10);
    const wrong = trustee([...args, '--cpr', 'fast']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/--cpr.*not a percentage/);
  });
});

describe('trustee simulate --help', () => {
  it('states the built-in example seed as its default', async () => {
    const { EXAMPLE_SEED } = await import('../../src/servicing/simulation/writeSimulation.ts');
    expect(trustee(['simulate', '--help']).stdout).toContain(`(default: "${EXAMPLE_SEED}")`);
  });
});
