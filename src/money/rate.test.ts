import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents } from './cents.ts';
import { accrue, accrueExact, formatPercent } from './rate.ts';

describe('accrue', () => {
  it('reproduces the April 2002 class interest of the seed statement', () => {
    // Beginning balance x (LIBOR 1.90% + margin) x 31 / 360, rounded to the cent.
    expect(accrue(cents(16036974835), 0.019 + 0.0032, 31, 360)).toBe(30657350);
    expect(accrue(cents(1241500000), 0.019 + 0.008, 31, 360)).toBe(2886488);
    expect(accrue(cents(1142300000), 0.019 + 0.014, 31, 360)).toBe(3246036);
    expect(accrue(cents(943500000), 0.019 + 0.02, 31, 360)).toBe(3168588);
    expect(accrue(cents(49700000), 0.019 + 0.0235, 31, 360)).toBe(181888);
  });
  it('computes the April servicing fee (0.50% / 12 on the beginning pool)', () => {
    expect(accrue(cents(19811284414), 0.005, 30, 360)).toBe(8254702);
  });
  it('rounds exact halves up', () => {
    // 1 cent x 50% x 1/1 = 0.5 cent -> 1 cent
    expect(accrue(cents(1), 0.5, 1, 1)).toBe(1);
    expect(accrue(cents(-1), 0.5, 1, 1)).toBe(-1);
  });
  it('matches floating-point interest to within a cent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 20000 }),
        fc.integer({ min: 1, max: 40 }),
        (amount, bp, days) => {
          const exact = accrue(cents(amount), bp / 1e6, days, 360);
          expect(Math.abs(exact - (amount * (bp / 1e6) * days) / 360)).toBeLessThanOrEqual(
            0.5 + 1e-3,
          );
        },
      ),
    );
  });
  it('takes its fast path only where it gives the exact answer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 1, max: 366 }),
        fc.constantFrom(360, 365, 12, 1),
        (amount, units, days, basis) => {
          const rate = units / 1e7;
          expect(accrue(cents(amount), rate, days, basis)).toBe(
            accrueExact(cents(amount), rate, days, basis),
          );
        },
      ),
      { numRuns: 20_000 },
    );
    // Exact half cents: 0.5 and 2.5 cents round up, as the bigint path does.
    expect(accrue(cents(1), 0.5, 1, 1)).toBe(accrueExact(cents(1), 0.5, 1, 1));
    expect(accrue(cents(5), 0.5, 1, 1)).toBe(3);
  });
  it('formats percentages', () => {
    expect(formatPercent(0.0222, 5)).toBe('2.22000%');
  });
});
