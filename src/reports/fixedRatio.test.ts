import { describe, expect, it } from 'vitest';
import { fixedRatio, perThousand } from './fixedRatio.ts';

describe('fixedRatio', () => {
  it('gives the April 2002 per-$1,000 figures and factors', () => {
    expect(perThousand(13864332, 16090100000)).toBe(0.861668);
    expect(perThousand(30657350, 16090100000)).toBe(1.905355);
    expect(perThousand(16023110503, 16090100000)).toBe(995.836602);
    expect(perThousand(94298071, 397299579)).toBe(237.347523);
    expect(perThousand(13864332 + 30657350, 16090100000, 5)).toBe(2.76702);
    expect(perThousand(3168588, 943500000)).toBe(3.358334);
    expect(fixedRatio(16023110503, 16090100000, 6)).toBe(0.995837);
    expect(fixedRatio(19797420082, 19864409579, 6)).toBe(0.996628);
  });

  it('rounds exact halves up, which binary toFixed can get wrong', () => {
    // 1.0005 is stored as 1.000499999...; the exact ratio 10005/10000 must round up.
    expect((1.0005).toFixed(3)).toBe('1.000');
    expect(fixedRatio(10005, 10000, 3)).toBe(1.001);
    expect(fixedRatio(-10005, 10000, 3)).toBe(-1.001);
    expect(fixedRatio(1, 3, 0)).toBe(0);
    expect(fixedRatio(2, 3, 0)).toBe(1);
  });

  it('refuses fractions and zero denominators; per-$1,000 of nothing is 0', () => {
    expect(() => fixedRatio(1.5, 2, 2)).toThrow(RangeError);
    expect(() => fixedRatio(1, 0, 2)).toThrow(RangeError);
    expect(perThousand(100, 0)).toBe(0);
  });
});
