import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.ts';
import { cents } from './cents.ts';

describe('allocate', () => {
  it('splits pro rata and hands leftover cents to the largest remainders', () => {
    expect(allocate(cents(100), [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(cents(5), [1, 3])).toEqual([1, 4]);
    expect(allocate(cents(0), [0, 0])).toEqual([0, 0]);
  });
  it('refuses a positive amount over zero weights and negative totals', () => {
    expect(() => allocate(cents(1), [0, 0])).toThrow();
    expect(() => allocate(cents(-1), [1])).toThrow();
  });
  it('always adds up to the total, each share within a cent of its exact part', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e11 }),
        fc.array(fc.integer({ min: 0, max: 1e10 }), { minLength: 1, maxLength: 8 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const shares = allocate(cents(total), weights);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          shares.forEach((s, i) =>
            expect(Math.abs(s - (total * (weights[i] ?? 0)) / sum)).toBeLessThan(1.001),
          );
        },
      ),
    );
  });
});
