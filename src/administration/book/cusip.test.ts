import { describe, expect, it } from 'vitest';
import { cusipCheckDigit } from './cusip.ts';

describe('cusipCheckDigit', () => {
  it('gives the check digit of published CUSIPs', () => {
    expect(cusipCheckDigit('037833AK')).toBe('6'); // 037833AK6
    expect(cusipCheckDigit('38259P50')).toBe('8'); // 38259P508
    expect(cusipCheckDigit('59491810')).toBe('4'); // 594918104
  });
});
