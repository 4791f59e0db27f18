import { afterAll, describe, expect, it } from 'vitest';
import { resolveDeal } from '../../deal/builtIn.ts';
import { plainDate } from '../../money/plainDate.ts';
import { expandGrid } from '../../projection/grid.ts';
import { closeGridPool } from '../../projection/gridRunner.ts';
import { parseScenario } from '../../projection/scenarioFile.ts';
import { dealRemittancePath } from '../../servicing/dealRemittances.ts';
import { readRemittance } from '../../servicing/readRemittance.ts';
import { builtInHistory } from './builtInHistory.ts';
import { createPortal } from './portal.ts';
import { GRID_CHUNK, projections } from './projections.ts';
import type { Scenario } from '../../projection/scenarioSchema.ts';
import type { GridRow } from './projectionTypes.ts';

afterAll(() => closeGridPool());

describe("the API's projections", () => {
  it("start from the latest closed date's loans: January 2003 amortizes December's loans left", async () => {
    const deal = resolveDeal('nchet-2002-1');
    const service = projections(createPortal(builtInHistory()));
    const perform = parseScenario({ horizon: 1, foreclosures: 'perform' }, 'test');
    const result = await service.project(deal, perform, false, () => undefined);
    expect(result.asOf).toBe('2002-12-26');
    // No prepayment or default: each loan of December's report that is left pays its
    // installment less a month's interest at its own rate (no ARM resets in January 2003).
    const report = await readRemittance(dealRemittancePath(deal.id, plainDate('2002-12-26')));
    const left = report.rows.filter((r) => r.endingBalance > 0);
    const installment = (r: (typeof left)[number]): number =>
      r.scheduledPayment - (r.endingBalance * r.noteRate) / 12;
    const pool = left.reduce((sum, r) => sum + r.endingBalance, 0);
    const principal = left.reduce((sum, r) => sum + installment(r), 0);
    expect(result.loans).toBe(
      `509 loans as of 2002-12-26 from the remittance rows; 16 in foreclosure or REO, projected as performing; 26 delinquent or in bankruptcy, projected as performing`,
    );
    const january = result.periods[0]!;
    expect(january.date).toBe('2003-01-27');
    expect(Math.abs(january.poolBalance - (pool - principal))).toBeLessThanOrEqual(1);
    // By default the loans in foreclosure or REO are liquidated (in month 1 with no lag).
    const liquidate = await service.project(
      deal,
      parseScenario({ horizon: 1 }, 'test'),
      false,
      () => undefined,
    );
    const foreclosed = left.filter((r) => r.foreclosure || r.reo);
    expect(foreclosed.length).toBe(16);
    expect(liquidate.loans).toContain('16 in foreclosure or REO, liquidated in month 1;');
    const held = foreclosed.reduce((sum, r) => sum + r.endingBalance, 0);
    const theirs = foreclosed.reduce((sum, r) => sum + installment(r), 0);
    expect(
      Math.abs(liquidate.periods[0]!.poolBalance - (pool - held - (principal - theirs))),
    ).toBeLessThanOrEqual(1);
  });

  it('run a grid a chunk at a time into the sink, and stop before the next chunk once cancelled', async () => {
    const deal = resolveDeal('nchet-2002-1');
    const service = projections(createPortal(builtInHistory()));
    const scenarios = expandGrid({
      base: { horizon: 12 },
      vary: { 'prepayment.cpr': Array.from({ length: 2 * GRID_CHUNK + 1 }, (_, i) => i / 5) },
    });
    const chunks: GridRow[][] = [];
    const head = await service.grid(
      deal,
      scenarios,
      () => undefined,
      async (rows) => {
        chunks.push(rows);
      },
    );
    expect(head.asOf).toBe('2002-12-26');
    expect(chunks.map((rows) => rows.length)).toEqual([GRID_CHUNK, GRID_CHUNK, 1]);
    expect(chunks.flat().map((row) => row.index)).toEqual(scenarios.map((_, i) => i));

    const abort = new AbortController();
    let written = 0;
    const cancelled = service.grid(
      deal,
      scenarios,
      () => undefined,
      async (rows) => {
        written += rows.length;
        abort.abort();
      },
      abort.signal,
    );
    await expect(cancelled).rejects.toThrow('cancelled');
    expect(written).toBe(GRID_CHUNK);
  });

  it('keep a grid going past a scenario that fails: its row carries the error, the rest ran', async () => {
    const deal = resolveDeal('nchet-2002-1');
    const service = projections(createPortal(builtInHistory()));
    const good = expandGrid({ base: { horizon: 12 }, vary: { 'prepayment.cpr': [10, 20] } });
    // Past the API's validation, a scenario the run cannot take: a prepayment with no curve.
    const bad = { name: 'no curve', horizon: 12, prepayment: {} } as unknown as Scenario;
    const rows: GridRow[] = [];
    await service.grid(
      deal,
      [good[0]!, bad, good[1]!],
      () => undefined,
      async (chunk) => {
        rows.push(...chunk);
      },
    );
    expect(rows.map((row) => row.index)).toEqual([0, 1, 2]);
    expect(rows[1]!.name).toBe('no curve');
    expect(rows[1]!.classes).toEqual([]);
    expect(rows[1]!.error?.message).toMatch(/whole number of cents/);
    for (const row of [rows[0]!, rows[2]!]) {
      expect(row.error).toBeUndefined();
      expect(row.classes.map((c) => c.name)).toContain('M-4');
    }
    const alone = [] as GridRow[];
    await service.grid(
      deal,
      [good[1]!],
      () => undefined,
      async (chunk) => {
        alone.push(...chunk);
      },
    );
    expect(rows[2]!.classes).toEqual(alone[0]!.classes);
  });
});
