import { describe, expect, it } from 'vitest';
import { resetRate } from './armReset.ts';
import { armLoan } from './testLoans.ts';

const arm = armLoan.arm!;

describe('resetRate', () => {
  it('rounds index + margin to the nearest 1/8% and applies the first cap', () => {
    // 5.53% + 6.25% = 11.78% -> 11.75%, capped at 8.50% + 1.50% = 10.00%.
    expect(resetRate(arm, 0.085, 0.0553, true)).toBe(0.1);
  });
  it('applies the periodic cap at later resets, and nothing when within it', () => {
    expect(resetRate(arm, 0.1, 0.0553, false)).toBe(0.115);
    expect(resetRate(arm, 0.115, 0.0553, false)).toBe(0.1175);
  });
  it('keeps the rate within the life floor and cap', () => {
    // 1.00% + 6.25% = 7.25%: the cap allows 7.00%, the floor holds 8.50%.
    expect(resetRate(arm, 0.085, 0.01, true)).toBe(0.085);
    // 9.50% + 6.25% = 15.75%: the periodic cap allows 16.00%, the life cap holds 15.50%.
    expect(resetRate(arm, 0.145, 0.095, false)).toBe(0.155);
  });
  it('uses the first cap when it differs from the periodic one', () => {
    const wide = { ...arm, firstCap: 0.03, periodicCap: 0.01 };
    expect(resetRate(wide, 0.085, 0.0553, true)).toBe(0.115);
    expect(resetRate(wide, 0.115, 0.0553, false)).toBe(0.1175);
    expect(resetRate(wide, 0.115, 0.02, false)).toBe(0.105);
  });
});
