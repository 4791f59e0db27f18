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
    expect(good.stdout).toMatch(/Payments in full\s+4,609,397\.82\n/);
    expect(good.stdout).toMatch(/Loans \(beginning \/ ending\)\s+528 \/ 511\n/);
    expect(good.stdout).toMatch(/Foreclosure\s+12\s/);

    const dir = mkdtempSync(join(tmpdir(), 'cli-remittance-'));
    const lines = readFileSync(`${remittances}/2002-03-25.csv`, 'utf8').split('\n');
    lines[4] = (lines[4] ?? '').replace(/^2002-03-25,(\d+),/, '2002-03-25,999999,');
    const bad = join(dir, '2002-03-25.csv');
    writeFileSync(bad, lines.join('\n'));
    const refused = trustee(['remittance', 'check', bad, '--deal', 'nchet-2002-1']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/UNRECONCILED/);
    expect(refused.stderr).toMatch(/row 5, field loan_id: loan 999999 is not in the pool/);
  });

  it('simulate writes the same bytes as the committed 2002 reports; bad options are refused', () => {
    const out = mkdtempSync(join(tmpdir(), 'cli-simulate-'));
    const args = ['simulate', '--deal', 'nchet-2002-1', '--year', '2002', '--out', out];
    const { status, stdout } = trustee(args);
    expect(status).toBe(0);
    expect(stdout).toMatch(/wrote 10 remittance reports \(seed 67\)/);
    const names = readdirSync(out).sort();
    expect(names).toEqual(readdirSync(remittances).sort());
    for (const name of names) {
      expect(readFileSync(join(out, name), 'utf8')).toBe(
        readFileSync(join(remittances, name), 'utf8'),
      );
    }
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
