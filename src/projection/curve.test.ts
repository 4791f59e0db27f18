import { describe, expect, it } from 'vitest';
import { fillCurve } from './curve.ts';
import { smmFromCpr } from './rates.ts';

describe('fillCurve', () => {
  it('fills a constant curve with its one value, a vector month by month', () => {
    const constant = new Float64Array(5);
    fillCurve(constant, 20, smmFromCpr);
    expect([...constant]).toEqual(Array.from({ length: 5 }, () => smmFromCpr(0.2)));
    const vector = new Float64Array(4);
    fillCurve(vector, { by: 'month', vector: [10, 20] }, (x) => x);
    expect([...vector]).toEqual([0.1, 0.1, 0.2, 0.2]);
  });
});
