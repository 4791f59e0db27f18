import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cprFromSmm, psaCpr, rampCpr, sdaCdr, smmFromCpr } from './rates.ts';

describe('rate conversions', () => {
  it('turns 6% CPR into an SMM of 0.5143% and back', () => {
    expect(smmFromCpr(0.06)).toBeCloseTo(0.005143, 7);
    expect(cprFromSmm(smmFromCpr(0.06))).toBeCloseTo(0.06, 14);
    expect(smmFromCpr(1)).toBe(1);
    expect(smmFromCpr(0)).toBe(0);
  });
  it('round-trips any CPR', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.999, noNaN: true }), (cpr) => {
        expect(cprFromSmm(smmFromCpr(cpr))).toBeCloseTo(cpr, 12);
      }),
    );
  });
  it('follows the PSA ramp: 0.2% a month to 6% at month 30', () => {
    expect(psaCpr(100, 1)).toBeCloseTo(0.002, 15);
    expect(psaCpr(100, 15)).toBeCloseTo(0.03, 15);
    expect(psaCpr(100, 30)).toBeCloseTo(0.06, 15);
    expect(psaCpr(100, 200)).toBeCloseTo(0.06, 15);
    expect(psaCpr(150, 10)).toBeCloseTo(0.03, 15);
  });
  it('follows the SDA curve: up to 0.6% at 30, level to 60, down to 0.03% at 120', () => {
    expect(sdaCdr(100, 1)).toBeCloseTo(0.0002, 15);
    expect(sdaCdr(100, 30)).toBeCloseTo(0.006, 15);
    expect(sdaCdr(100, 60)).toBeCloseTo(0.006, 15);
    expect(sdaCdr(100, 120)).toBeCloseTo(0.0003, 15);
    expect(sdaCdr(100, 300)).toBeCloseTo(0.0003, 15);
    expect(sdaCdr(200, 30)).toBeCloseTo(0.012, 15);
  });
  it('follows a PPC ramp from its first to its last month', () => {
    const ramp = { from: 0.04, to: 0.2, months: 12 };
    expect(rampCpr(100, ramp, 1)).toBeCloseTo(0.04, 15);
    expect(rampCpr(100, ramp, 12)).toBeCloseTo(0.2, 15);
    expect(rampCpr(100, ramp, 6.5)).toBeCloseTo(0.12, 15);
    expect(rampCpr(50, ramp, 40)).toBeCloseTo(0.1, 15);
  });
});
