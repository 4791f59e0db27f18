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
