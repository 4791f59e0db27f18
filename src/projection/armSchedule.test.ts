import { describe, expect, it } from 'vitest';
import {
  annuityFactor,
  armScheduleFor,
  resetCalendarFor,
  scheduleByMonthFor,
} from './armSchedule.ts';
import { levelPayment, loanArraysFrom } from './loanArrays.ts';
import { syntheticPool } from './syntheticPool.ts';

describe('ARM rate-change schedule', () => {
  const loans = loanArraysFrom(syntheticPool({ loans: 50, seed: 3, armShare: 1 }));
  const path = new Float64Array(400).map((_, t) => 0.02 + t * 0.0001);

  it('steps each ARM through its changes: first cap, then periodic caps, floor and ceiling', () => {
    const s = armScheduleFor(loans, path, undefined);
    for (let i = 0; i < loans.count; i++) {
      let before = loans.rate[i]!;
      let cap = loans.initialCap[i]!;
      let k = s.start[i]!;
      for (let t = loans.monthsToReset[i]!; t <= loans.remainingTerm[i]!; t += 6) {
        const step = loans.rounding[i]!;
        expect(step).toBe(0.00125);
        const rounded = Math.round((path[t]! + loans.margin[i]!) / step) * step;
        const capped = Math.min(Math.max(rounded, before - cap), before + cap);
        const expected = Math.min(Math.max(capped, loans.minRate[i]!), loans.maxRate[i]!);
        expect(s.rates[k]!).toBeCloseTo(expected, 12);
        const n = loans.remainingTerm[i]! - t + 1;
        expect(s.factors[k]! * 1e6).toBeCloseTo(levelPayment(1e6, s.rates[k]!, n), 6);
        before = s.rates[k]!;
        cap = loans.periodicCap[i]!;
        k += 1;
      }
    }
  });

  it('is reused while the index path is the same, and made again when it changes', () => {
    const s = armScheduleFor(loans, path, undefined);
    expect(armScheduleFor(loans, Float64Array.from(path), s)).toBe(s);
    const shocked = path.map((x) => x + 0.01);
    const t = armScheduleFor(loans, shocked, s);
    expect(t).not.toBe(s);
    expect(t.path).toEqual(shocked);
  });

  it('has the annuity factor of a level payment', () => {
    expect(annuityFactor(0.08, 360) * 100_000).toBeCloseTo(733.7646, 4);
    expect(annuityFactor(0, 120)).toBeCloseTo(1 / 120, 15);
  });

  it('lists each month the ARM rows whose rate changes, in row order, with their schedule entries', () => {
    const months = 400;
    const s = armScheduleFor(loans, path, undefined);
    const calendar = resetCalendarFor(loans, months, undefined);
    const size = calendar.rows.length;
    const into = {
      rows: new Int32Array(size),
      rates: new Float64Array(size),
      factors: new Float64Array(size),
    };
    const byMonth = scheduleByMonthFor(s, calendar, s, into, undefined);
    // Stepping the rows as the kernel does: a change when the month reaches the next one.
    const nextReset = Float64Array.from(loans.monthsToReset);
    const pointer = Float64Array.from(s.start);
    let changes = 0;
    for (let t = 1; t <= months; t++) {
      const due: number[] = [];
      for (let i = loans.fixedCount; i < loans.count; i++) {
        if (nextReset[i] !== t) continue;
        due.push(i);
        const j = calendar.first[t]! + due.length - 1;
        // Until the last installment: after it the loan has no balance, and no change.
        if (t <= loans.remainingTerm[i]!) {
          expect(byMonth.rates[j]).toBe(s.rates[pointer[i]!]);
          expect(byMonth.factors[j]).toBe(s.factors[pointer[i]!]);
        }
        pointer[i]! += 1;
        nextReset[i] = t + loans.resetPeriod[i]!;
      }
      expect([...calendar.rows.subarray(calendar.first[t]!, calendar.first[t + 1]!)]).toEqual(due);
      changes += due.length;
    }
    expect(changes).toBeGreaterThan(loans.count);
    expect(resetCalendarFor(loans, 300, calendar)).toBe(calendar);
    expect(byMonth.rows).toEqual(calendar.rows);
    expect(scheduleByMonthFor(s, calendar, s, into, byMonth)).toBe(byMonth);
  });
});
