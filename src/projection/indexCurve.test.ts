import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDeal } from '../deal/builtIn.ts';
import { dealContext } from './dealContext.ts';
import { readIndexCurveFile } from './indexCurveFile.ts';
import { runScenario } from './runScenario.ts';
import { parseScenario } from './scenarioFile.ts';

/**
 * The swap and cap of a projection are paid on the projected index path: here a forward curve
 * from a file (`trustee project --index-curve FILE`), 1.00% then 7.00%, on the two-group swap
 * deal: the swap's floating leg and the cap's payment follow it, leg by leg to the cent.
 */
describe('a projection on a forward curve file', () => {
  it('pays the swap and the cap on the curve', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustee-curve-'));
    const path = join(dir, 'curve.csv');
    writeFileSync(path, 'month,rate\n1,1.00\n2,7.00\n');
    const curve = readIndexCurveFile(path);
    expect(curve).toEqual([1, 7]);
    const deal = resolveDeal('example-2004-groups-swap');
    const ctx = await dealContext(deal);
    const scenario = parseScenario({
      prepayment: { cpr: 20 },
      horizon: 3,
      index: { forward: curve, history: false },
    });
    const [first, second, third] = runScenario(ctx, scenario).distributions;
    const leg = (notional: number, rate: number, days: number): number =>
      Math.round((notional * rate * days) / 360);
    const swapOf = (d: typeof first) => d!.supplementalInterestTrust!;
    expect(first!.indexRate).toBeCloseTo(0.01, 12);
    expect(swapOf(first).swapFloating).toBe(
      leg(swapOf(first).swapNotional, 0.01, first!.accrualDays),
    );
    // 7.00% is above the cap's 6.50% strike: the cap pays the difference on its notional.
    expect(second!.indexRate).toBeCloseTo(0.07, 12);
    expect(swapOf(second).capReceipt).toBe(
      leg(swapOf(second).capNotional, 0.07 - 0.065, second!.accrualDays),
    );
    expect(swapOf(second).netSwapReceipt).toBeGreaterThan(0);
    // The last rate holds after the curve ends.
    expect(third!.indexRate).toBeCloseTo(0.07, 12);
  });

  it('refuses a curve with a bad row, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustee-curve-'));
    const path = join(dir, 'bad.csv');
    writeFileSync(path, 'month,rate\n1,3\n2,abc\n');
    expect(() => readIndexCurveFile(path)).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ row: 3, field: 'rate' })] }),
    );
  });
});
