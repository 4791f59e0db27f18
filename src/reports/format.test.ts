import { describe, expect, it } from 'vitest';
import { cents } from '../money/cents.ts';
import { count, dollarsAndCents, percent, plainDollars, wholeDollars, yesNo } from './format.ts';

describe('format', () => {
  it('prints cents with separators, as the statement does', () => {
    expect(dollarsAndCents(cents(16036974835))).toBe('160,369,748.35');
    expect(dollarsAndCents(cents(0))).toBe('0.00');
    expect(dollarsAndCents(cents(-123456))).toBe('-1,234.56');
    expect(dollarsAndCents(cents(5))).toBe('0.05');
  });

  it('rounds to whole dollars half up only when printing', () => {
    expect(wholeDollars(cents(397299579))).toBe('3,972,996'); // Required OC, April 2002
    expect(wholeDollars(cents(94298071))).toBe('942,981'); // Net Monthly Excess Cash Flow
    expect(wholeDollars(cents(134438421))).toBe('1,344,384'); // interest total 1,344,384.21
    expect(wholeDollars(cents(150))).toBe('2');
    expect(wholeDollars(cents(149))).toBe('1');
    expect(wholeDollars(cents(-150))).toBe('-2');
    expect(wholeDollars(cents(-49))).toBe('0');
  });

  it('prints machine amounts without separators', () => {
    expect(plainDollars(cents(30657350))).toBe('306573.50');
    expect(plainDollars(cents(-7))).toBe('-0.07');
  });

  it('prints rates, counts and flags', () => {
    expect(percent(0.0222, 5)).toBe('2.22000%');
    expect(percent(0.19064653694102485, 3)).toBe('19.065%');
    expect(percent(0.001892024306442658, 3)).toBe('0.189%');
    expect(count(1234567)).toBe('1,234,567');
    expect(yesNo(false)).toBe('NO');
    expect(yesNo(true)).toBe('YES');
  });
});
