import { describe, expect, it } from 'vitest';
import { createPrng, hashString } from './prng.ts';

describe('createPrng', () => {
  it('gives the same sequence for the same seed, another for another seed', () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const c = createPrng(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    expect(hashString('500161')).toBe(hashString('500161'));
    expect(hashString('500161')).not.toBe(hashString('500162'));
  });
  it('draws within its ranges, with the right mean', () => {
    const p = createPrng(7);
    const n = 20_000;
    let sum = 0;
    let normal = 0;
    const counts = [0, 0, 0];
    for (let i = 0; i < n; i += 1) {
      const u = p.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      const k = p.int(3, 5);
      expect(k === 3 || k === 4 || k === 5).toBe(true);
      sum += u;
      normal += p.normal(10, 2);
      counts[p.weighted([1, 2, 7])]! += 1;
    }
    expect(sum / n).toBeCloseTo(0.5, 1);
    expect(normal / n).toBeCloseTo(10, 1);
    expect(counts.map((x) => Math.round((x / n) * 10))).toEqual([1, 2, 7]);
  });
});
