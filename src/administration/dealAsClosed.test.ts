import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../store/canonicalJson.ts';
import { withClassOrder } from './dealAsClosed.ts';
import { deal } from './testPeriods.ts';

describe('withClassOrder', () => {
  it("puts a stored (sorted) deal file's classes back in the filed order", () => {
    const sorted = JSON.parse(canonicalJson(deal.file)) as { classes: object };
    expect(Object.keys(sorted.classes)).toEqual(['A', 'CE', 'M-1', 'M-2', 'M-3', 'M-4', 'P', 'R']);
    const filed = deal.classes.map((c) => c.name);
    const restored = withClassOrder(sorted, filed) as { classes: object };
    expect(Object.keys(restored.classes)).toEqual([
      'A',
      'M-1',
      'M-2',
      'M-3',
      'M-4',
      'CE',
      'P',
      'R',
    ]);
  });

  it('keeps classes the order does not name, after the named ones', () => {
    const file = { classes: { B: 1, A: 2, C: 3 } };
    expect(Object.keys((withClassOrder(file, ['C', 'A']) as typeof file).classes)).toEqual([
      'C',
      'A',
      'B',
    ]);
  });
});
