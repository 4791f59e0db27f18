import { availableParallelism, loadavg } from 'node:os';
import { runGrid } from '../src/projection/gridRunner.ts';
import type { ProjectionContext } from '../src/projection/projectionContext.ts';
import { projectScenarioCollateral } from '../src/projection/runScenario.ts';
import { runAndSummarize } from '../src/analytics/scenarioSummary.ts';
import type { Scenario } from '../src/projection/scenarioSchema.ts';
import type { Workspace } from '../src/projection/workspace.ts';

/** Memory of the process (all threads) and of the main thread's heap, in MB. */
export interface Memory {
  readonly rss: number;
  readonly heap: number;
}

export function memory(): Memory {
  const m = process.memoryUsage();
  return { rss: m.rss / 1e6, heap: m.heapUsed / 1e6 };
}

export const mb = (x: number): string => `${x.toFixed(1)} MB`;
export const millions = (x: number): string => `${(x / 1e6).toFixed(1)} M`;

/** The machine, so a reader can tell a busy run from a quiet one. */
export function machine(): string {
  const [one, five] = loadavg();
  return `${availableParallelism()} cores, load average ${one!.toFixed(2)} (1 min) ${five!.toFixed(2)} (5 min), Node ${process.version}`;
}

/**
 * One scenario in this thread, repeated: the best of `rounds` (a shared machine's other work
 * only ever makes a round slower). Returns loan-months per second of the collateral loop alone
 * and milliseconds per scenario for the whole run (loop, waterfall, analytics).
 */
export function single(
  ctx: ProjectionContext,
  scenario: Scenario,
  rounds: number,
): { loopRate: number; loanMonths: number; loopMs: number; fullMs: number; months: number } {
  let ws: Workspace | undefined;
  let best = Number.POSITIVE_INFINITY;
  let loanMonths = 0;
  for (let k = 0; k < rounds; k++) {
    const t = performance.now();
    const r = projectScenarioCollateral(ctx, scenario, ws);
    best = Math.min(best, performance.now() - t);
    ws = r.workspace;
    loanMonths = r.loanMonths;
  }
  let full = Number.POSITIVE_INFINITY;
  let months = 0;
  for (let k = 0; k < Math.max(3, Math.ceil(rounds / 4)); k++) {
    const t = performance.now();
    const r = runAndSummarize(ctx, scenario, ws);
    full = Math.min(full, performance.now() - t);
    ws = r.workspace;
    months = r.summary.months;
  }
  return { loopRate: (loanMonths / best) * 1000, loanMonths, loopMs: best, fullMs: full, months };
}

export interface GridFigures {
  readonly seconds: number;
  readonly loanMonths: number;
  readonly rate: number;
  readonly workerCpuSeconds: number;
  /** CPU time of the whole process (all threads) over the grid: what the queue's cost is set against. */
  readonly processCpuSeconds: number;
  readonly before: Memory;
  readonly after: Memory;
  /** RSS at each tenth of the grid: flat if the run holds nothing per scenario. */
  readonly rssSamples: number[];
  readonly maxWorkerHeap: number;
}

/** A grid on the worker pool (both cores), with memory sampled as it goes. */
export async function grid(
  ctx: ProjectionContext,
  scenarios: readonly Scenario[],
  collateralOnly: boolean,
): Promise<GridFigures> {
  const before = memory();
  const rssSamples: number[] = [];
  const step = Math.max(1, Math.floor(scenarios.length / 10));
  let next = step;
  const cpu = process.cpuUsage();
  const result = await runGrid(ctx, scenarios, {
    collateralOnly,
    onProgress: (done) => {
      if (done >= next) {
        rssSamples.push(memory().rss);
        next += step;
      }
    },
  });
  const used = process.cpuUsage(cpu);
  const after = memory();
  return {
    seconds: result.wallMs / 1000,
    loanMonths: result.loanMonths,
    rate: (result.loanMonths / result.wallMs) * 1000,
    workerCpuSeconds: result.workerCpuMs / 1000,
    processCpuSeconds: (used.user + used.system) / 1e6,
    before,
    after,
    rssSamples,
    maxWorkerHeap: result.maxWorkerHeap / 1e6,
  };
}
