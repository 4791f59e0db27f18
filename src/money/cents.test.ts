import { describe, expect, it } from 'vitest';
import { add, cents, excess, parseDollars, roundHalfUp, scale, sub } from './cents.ts';

describe('cents', () => {
  it('parses dollar text exactly', () => {
    expect(parseDollars('160,369,748.35')).toBe(16036974835);
    expect(parseDollars('0.5')).toBe(50);
    expect(parseDollars('-12.05')).toBe(-1205);
    expect(() => parseDollars('1.234')).toThrow(/at most 2 decimals/);
    expect(() => parseDollars('abc')).toThrow();
  });
  it('refuses fractional cents', () => {
    expect(() => cents(1.5)).toThrow(/whole number of cents/);
    expect(() => cents(Number.NaN)).toThrow();
  });
  it('adds, subtracts, floors at zero', () => {
    expect(add(cents(1), cents(2), cents(3))).toBe(6);
    expect(sub(cents(5), cents(7))).toBe(-2);
    expect(excess(cents(5), cents(7))).toBe(0);
    expect(excess(cents(9), cents(7))).toBe(2);
  });
  it('rounds half away from zero', () => {
    expect(roundHalfUp(2.5)).toBe(3);
    expect(roundHalfUp(-2.5)).toBe(-3);
    expect(roundHalfUp(2.4999)).toBe(2);
    // 2.00% of the 2002-1 cut-off pool: 198,644,095.79 x 0.02 = 3,972,881.9158 -> 3,972,881.92
    expect(scale(cents(19864409579), 0.02)).toBe(397288192);
  });
});
