import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dealTapePath, readDealTape } from './dealTape.ts';
import { generateExamplePool } from './generateExamplePool.ts';
import { poolTotals } from './stratify.ts';
import { writeLoanTape } from './writeLoanTape.ts';

describe('the built-in synthetic 2002-1 tape', () => {
  it('is exactly the seeded generator output (deals/nchet-2002-1/tape.csv)', () => {
    const committed = readFileSync(dealTapePath('nchet-2002-1'), 'utf8');
    expect(committed).toBe(writeLoanTape(generateExamplePool()));
  });

  it('matches the filings: 588 loans, $198,644,095.79, WAC 8.660%, 357 months in April 2002', async () => {
    const loans = await readDealTape('nchet-2002-1');
    const totals = poolTotals(loans);
    expect(totals.count).toBe(588);
    expect(totals.balance).toBe(19_864_409_579);
    expect((totals.wac * 100).toFixed(3)).toBe('8.660');
    // Two installments (due March 1 and April 1) before the April 2002 statement's figure.
    expect(Math.round(totals.waRemainingTerm - 2)).toBe(357);
    expect(loans.every((l) => l.lien === 1 && l.originalTerm <= 360)).toBe(true);
    expect(loans.every((l) => l.nextDueDate === '2002-03-01')).toBe(true);
    expect(totals.armShare).toBeGreaterThan(0.6);
    expect(totals.waFico).toBeGreaterThan(580);
    expect(totals.waFico).toBeLessThan(640);
  });

  it('is the same on every run (same seed, same loans)', () => {
    expect(JSON.stringify(generateExamplePool())).toBe(JSON.stringify(generateExamplePool()));
  });
});
