import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderForm8K, renderStatement } from './index.ts';
import { applyDifferences, form8kDifferences } from './seedDifferences.ts';
import { aprilDistribution, figuresTool, seedsDirectory } from './testFixtures.ts';

const seedPath = join(seedsDirectory, '8-K_2002-04-25_monthly-distribution-report.txt');
const seed = readFileSync(seedPath, 'utf8');
const { deal, distribution } = aprilDistribution();

describe('April 2002 statement against the seed 8-K', () => {
  it('gives the seed figures in the JSON model', () => {
    const json = JSON.parse(renderStatement(deal, distribution, 'json'));
    const rows: { class: string; [k: string]: unknown }[] = json.certificates.rows;
    const dollars = (c: string, column: string) =>
      (rows.find((r) => r.class === c)![column] as { dollars: string }).dollars;
    const whole = (amount: { cents: number }) => Math.floor((amount.cents + 50) / 100);
    expect(['A', 'M-1', 'M-2', 'M-3', 'M-4', 'CE'].map((c) => dollars(c, 'interest'))).toEqual([
      '306,573.50',
      '28,864.88',
      '32,460.36',
      '31,685.88',
      '1,818.88',
      '942,980.71',
    ]);
    expect(dollars('A', 'principal')).toBe('138,643.32');
    const a = json.amountsPer1000.rows[0];
    expect([a.principal, a.interest, a.endingBalance]).toEqual([0.861668, 1.905355, 995.836602]);
    expect(
      json.certificateFactors.rows.map((r: { factor: number }) => r.factor.toFixed(6)),
    ).toEqual(['0.995837', '1.000000', '1.000000', '1.000000', '1.000000', '0.996628']);
    expect(whole(json.performance.requiredOvercollateralization)).toBe(3972996);
    expect((json.performance.creditEnhancementPercentage * 100).toFixed(3)).toBe('19.065');
    expect((json.performance.delinquencyPercentage * 100).toFixed(3)).toBe('0.189');
    expect(whole(json.performance.netMonthlyExcessCashflow)).toBe(942981);
  });

  it('holds every figure of the seed statement (figures.py)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustee-reports-'));
    const out = join(dir, 'statement.txt');
    writeFileSync(out, renderStatement(deal, distribution, 'text'));
    let result: string;
    try {
      result = execFileSync(
        'python3',
        [
          figuresTool,
          seedPath,
          out,
          '--from',
          'STATEMENT TO CERTIFICATEHOLDERS',
          '--until',
          'SIGNATURES',
        ],
        { encoding: 'utf8' },
      );
    } catch (error) {
      result = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(result.trim().split('\n').at(-1)).toBe('119 of 119 figures found');
  });

  it('prints the statement line for line as the seed, less its listed typos', () => {
    const expected = applyDifferences(seed, form8kDifferences);
    const start = expected.indexOf('NEW CENTURY HOME EQUITY LOAN TRUST');
    const end = expected.indexOf('\n\n\nSIGNATURES');
    expect(renderStatement(deal, distribution, 'text')).toBe(`${expected.slice(start, end)}\n`);
  });

  it('prints the whole Form 8-K as the seed, less its listed differences', () => {
    expect(renderForm8K(deal, distribution)).toBe(`${applyDifferences(seed, form8kDifferences)}\n`);
    expect(renderStatement(deal, distribution, '8k')).toBe(renderForm8K(deal, distribution));
  });
});
