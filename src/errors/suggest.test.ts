import { describe, expect, it } from 'vitest';
import { didYouMean, nearestName } from './suggest.ts';

describe('nearestName', () => {
  const totals = ['prepaymentCharges', 'scheduledPrincipal', 'curtailments', 'realizedLosses'];
  it('suggests the field a key misspells', () => {
    expect(nearestName('prepaymentCharge', totals)).toBe('prepaymentCharges');
    expect(nearestName('curtailment', totals)).toBe('curtailments');
    expect(nearestName('realisedLosses', totals)).toBe('realizedLosses');
  });
  it('matches names that differ only in case and separators', () => {
    expect(nearestName('Scheduled_Principal', totals)).toBe('scheduledPrincipal');
  });
  it('suggests nothing when no name is near', () => {
    expect(nearestName('color', totals)).toBeUndefined();
    expect(nearestName('x', ['y', 'zz'])).toBe('y');
    expect(nearestName('ab', [])).toBeUndefined();
    expect(didYouMean('color', totals)).toBe('');
    expect(didYouMean('curtailment', totals)).toBe(' (did you mean "curtailments"?)');
  });
});
