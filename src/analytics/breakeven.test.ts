import { beforeAll, describe, expect, it } from 'vitest';
import { resolveDeal } from '../deal/builtIn.ts';
import { dealContext } from '../projection/dealContext.ts';
import type { ProjectionContext } from '../projection/projectionContext.ts';
import { parseScenario } from '../projection/scenarioFile.ts';
import { breakevenCdr, lossesAtCdr } from './breakeven.ts';
import { bisectBoundary } from './rootFinding.ts';

const deal = resolveDeal('nchet-2002-1');
let ctx: ProjectionContext;
beforeAll(async () => {
  ctx = await dealContext(deal);
});

describe('bisection on a yes/no question', () => {
  it('brackets the boundary within the tolerance', async () => {
    const r = await bisectBoundary((x) => x >= 37.123, 0, 100, 0.01);
    expect(r.yes).toBeGreaterThanOrEqual(37.123);
    expect(r.no).toBeLessThan(37.123);
    expect(r.yes - r.no).toBeLessThanOrEqual(0.01);
    expect(r.evaluations).toBe(Math.ceil(Math.log2(100 / 0.01)));
  });
});

describe('breakeven CDR of the M classes', () => {
  const tolerance = 0.05;
  const severities = [30, 45, 60];
  const classes = ['M-1', 'M-2', 'M-3', 'M-4'];

  it('is where the class first loses principal, and is monotone in severity', async () => {
    const table = new Map<string, number[]>();
    for (const severity of severities) {
      const scenario = parseScenario({ prepayment: { cpr: 25 }, severity, recoveryLag: 12 });
      const lossesAt = lossesAtCdr(ctx, scenario);
      for (const name of classes) {
        const b = await breakevenCdr(lossesAt, name, tolerance);
        expect(b.cdr).toBeDefined();
        // No loss just below the breakeven, a loss at it.
        expect(lossesAt(b.noLossCdr!).get(name)).toBe(0);
        expect(lossesAt(b.cdr!).get(name)!).toBeGreaterThan(0);
        table.set(name, [...(table.get(name) ?? []), b.cdr!]);
      }
    }
    for (const name of classes) {
      const cdrs = table.get(name)!;
      // Higher severity: the class breaks at a lower CDR.
      for (let k = 1; k < cdrs.length; k++) expect(cdrs[k]!).toBeLessThan(cdrs[k - 1]!);
    }
    // Junior classes break first: at each severity, M-4 < M-3 < M-2 < M-1.
    severities.forEach((_, k) => {
      const row = classes.map((name) => table.get(name)![k]!);
      for (let j = 1; j < row.length; j++) expect(row[j]!).toBeLessThan(row[j - 1]!);
    });
  });
});
