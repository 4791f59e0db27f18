import { describe, expect, it } from 'vitest';
import { generateExamplePool } from './generateExamplePool.ts';
import { poolTotals, productOf, stratify, type StratificationKey } from './stratify.ts';
import { armLoan, fixedLoan } from './testLoans.ts';

describe('stratify', () => {
  const loans = generateExamplePool();
  it.each(['product', 'rate', 'remainingTerm', 'state', 'fico', 'ltv'] as StratificationKey[])(
    'by %s covers the whole pool once',
    (key) => {
      const rows = stratify(loans, key);
      expect(rows.reduce((s, r) => s + r.count, 0)).toBe(588);
      expect(rows.reduce((s, r) => s + r.balance, 0)).toBe(poolTotals(loans).balance);
      expect(rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
    },
  );
  it('buckets two known loans and names products', () => {
    const rows = stratify([fixedLoan, armLoan], 'rate');
    expect(rows.map((r) => [r.label, r.count])).toEqual([['8.000 - 8.999%', 2]]);
    expect(productOf(fixedLoan)).toBe('Fixed 30-year');
    expect(productOf(armLoan)).toBe('2/28 ARM (6M-LIBOR)');
    const totals = poolTotals([fixedLoan, armLoan]);
    // (100,000 x 8% + 200,000 x 8.5%) / 300,000
    expect(totals.wac).toBeCloseTo(0.0833333333, 9);
    expect(totals.armShare).toBeCloseTo(2 / 3, 12);
  });
});
