import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDeal } from '../deal/builtIn.ts';
import { dealContext } from './dealContext.ts';
import { expandGrid } from './grid.ts';
import { closeGridPool, runGrid } from './gridRunner.ts';
import type { ProjectionContext } from './projectionContext.ts';
import type { Scenario } from './scenarioSchema.ts';

const deal = resolveDeal('nchet-2002-1');
let ctx: ProjectionContext;
beforeAll(async () => {
  ctx = await dealContext(deal);
});
afterAll(closeGridPool);

describe('grid runner', () => {
  const scenarios = expandGrid({
    base: { severity: 40, recoveryLag: 12 },
    vary: { 'prepayment.cpr': [10, 30], 'default.cdr': [0, 15, 30] },
  });

  it('gives the same summaries on the worker threads as in this thread, in order', async () => {
    const progress: number[] = [];
    const pooled = await runGrid(ctx, scenarios, {
      threads: 2,
      batchSize: 2,
      onProgress: (done) => progress.push(done),
    });
    const inThread = await runGrid(ctx, scenarios, { threads: 0 });
    expect(pooled.summaries).toEqual(inThread.summaries);
    expect(pooled.summaries.map((s) => s.name)).toEqual(scenarios.map((s) => s.name));
    expect(pooled.loanMonths).toBe(inThread.loanMonths);
    expect(pooled.loanMonths).toBeGreaterThan(6 * 500 * 100);
    expect(progress[progress.length - 1]).toBe(6);
    // More defaults, more loss to the junior class.
    const m4 = pooled.summaries.map((s) => s.classes.find((c) => c.name === 'M-4')!.principalLoss);
    expect(m4[2]!).toBeGreaterThan(m4[0]!);
  });

  it('with isolated failures, fails a bad scenario alone and runs the rest as before', async () => {
    const bad = { name: 'no curve', prepayment: {} } as unknown as Scenario;
    const mixed = [scenarios[0]!, bad, scenarios[1]!];
    const clean = await runGrid(ctx, [scenarios[0]!, scenarios[1]!], { threads: 0 });
    for (const threads of [0, 2]) {
      const run = await runGrid(ctx, mixed, { threads, batchSize: 2, isolateFailures: true });
      expect(run.outcomes[1]!.error?.message).toMatch(/whole number of cents/);
      expect([run.outcomes[0]!.summary, run.outcomes[2]!.summary]).toEqual(clean.summaries);
    }
    await expect(runGrid(ctx, mixed, { threads: 0 })).rejects.toThrow();
  });
});
