import { errorRecord } from '../errors/catalogue.ts';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { runAndSummarize, type ScenarioSummary } from '../analytics/scenarioSummary.ts';
import { loanBuffer } from './loanArrays.ts';
import type { ProjectionContext } from './projectionContext.ts';
import { projectScenarioCollateral } from './runScenario.ts';
import type { Scenario } from './scenarioSchema.ts';
import type { WorkerResult, WorkerTask } from './scenarioWorker.ts';
import type { Workspace } from './workspace.ts';
import type { ScenarioOutcome } from './gridOutcome.ts';

export interface GridOptions {
  /** Worker threads (default: the machine's cores); 0 runs in this thread. */
  readonly threads?: number;
  /** Scenarios a task carries (default: enough for about 8 tasks a thread, at most 25). */
  readonly batchSize?: number;
  /** Stop each waterfall once the offered classes are retired (default true; see runScenario). */
  readonly untilRetired?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
  /** Project the collateral only, no waterfall or summaries (the benchmark's loop figure). */
  readonly collateralOnly?: boolean;
  /**
   * Catch each scenario's error apart: the result's `outcomes` hold a summary or an error per
   * scenario and one bad scenario fails alone (servers' grids); without it, one fails the call.
   */
  readonly isolateFailures?: boolean;
}

export interface GridResult {
  /** One summary per scenario, in the grid's order (empty with `isolateFailures`). */
  readonly summaries: ScenarioSummary[];
  /** With `isolateFailures`: each scenario's summary or error, in the grid's order. */
  readonly outcomes: ScenarioOutcome[];
  readonly loanMonths: number;
  readonly wallMs: number;
  /** CPU time the scenarios took in the workers, and the largest worker heap seen. */
  readonly workerCpuMs: number;
  readonly maxWorkerHeap: number;
}

let pool: Piscina | undefined;
let poolThreads = 0;
let contexts = 0;
const keys = new WeakMap<ProjectionContext, string>();

/** The shared worker pool (created on first use, sized to the machine's cores). */
export function gridPool(threads = availableParallelism()): Piscina {
  if (pool && poolThreads === threads) return pool;
  void pool?.destroy();
  pool = new Piscina({
    filename: new URL('./scenarioWorker.ts', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 256 },
  });
  poolThreads = threads;
  return pool;
}

/** Stops the worker threads (the CLI and the benchmark call it before exiting). */
export async function closeGridPool(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.destroy();
}

/** A batch for the pool: the context (by key; the loans by shared memory) and the scenarios. */
function workerTask(
  ctx: ProjectionContext,
  scenarios: readonly Scenario[],
  flags: Pick<WorkerTask, 'untilRetired' | 'collateralOnly' | 'isolateFailures'>,
): WorkerTask {
  let key = keys.get(ctx);
  if (!key) {
    contexts += 1;
    key = `${process.pid}:${contexts}`;
    keys.set(ctx, key);
  }
  return {
    key,
    dealFile: ctx.deal.file,
    dealSource: ctx.deal.id,
    state: ctx.state,
    buffer: loanBuffer(ctx.loans),
    count: ctx.loans.count,
    fixedCount: ctx.loans.fixedCount,
    indexTable: ctx.table.data,
    scenarios,
    ...flags,
  };
}

/**
 * One batch of scenarios as one task of the pool, each scenario's error caught apart (the
 * queue's workers run their jobs so): a summary or an error per scenario, in order.
 */
export async function runIsolatedBatch(
  ctx: ProjectionContext,
  scenarios: readonly Scenario[],
  threads = availableParallelism(),
): Promise<{ outcomes: ScenarioOutcome[]; cpuMicros: number; heapUsed: number }> {
  const task = workerTask(ctx, scenarios, { untilRetired: true, isolateFailures: true });
  const result = (await gridPool(threads).run(task)) as WorkerResult;
  return {
    outcomes: result.outcomes ?? [],
    cpuMicros: result.cpuMicros,
    heapUsed: result.heapUsed,
  };
}

function runInThread(
  ctx: ProjectionContext,
  scenarios: readonly Scenario[],
  o: GridOptions,
): GridResult {
  const start = performance.now();
  const cpu = process.cpuUsage();
  let workspace: Workspace | undefined;
  let loanMonths = 0;
  const summaries: ScenarioSummary[] = [];
  const outcomes: ScenarioOutcome[] = [];
  const summarize = (scenario: Scenario): ScenarioSummary => {
    const r = runAndSummarize(ctx, scenario, workspace);
    workspace = r.workspace;
    loanMonths += r.loanMonths;
    return r.summary;
  };
  scenarios.forEach((scenario, i) => {
    if (o.collateralOnly) {
      const r = projectScenarioCollateral(ctx, scenario, workspace);
      workspace = r.workspace;
      loanMonths += r.loanMonths;
    } else if (o.isolateFailures) {
      try {
        outcomes.push({ summary: summarize(scenario) });
      } catch (error) {
        outcomes.push({ error: errorRecord(error) });
      }
    } else summaries.push(summarize(scenario));
    o.onProgress?.(i + 1, scenarios.length);
  });
  const used = process.cpuUsage(cpu);
  return {
    summaries,
    outcomes,
    loanMonths,
    wallMs: performance.now() - start,
    workerCpuMs: (used.user + used.system) / 1000,
    maxWorkerHeap: process.memoryUsage().heapUsed,
  };
}

/**
 * Runs a grid of scenarios from one context on the worker pool, in batches. The loans go to the
 * workers as shared memory (no copy); each worker builds the context once and reuses one
 * workspace, so memory stays flat however many scenarios run. Summaries come back in order.
 */
export async function runGrid(
  ctx: ProjectionContext,
  scenarios: readonly Scenario[],
  o: GridOptions = {},
): Promise<GridResult> {
  const threads = o.threads ?? availableParallelism();
  if (threads === 0) return runInThread(ctx, scenarios, o);
  const start = performance.now();
  const batch =
    o.batchSize ?? Math.max(1, Math.min(25, Math.ceil(scenarios.length / (threads * 8))));
  const p = gridPool(threads);
  const summaries: ScenarioSummary[] = new Array(o.isolateFailures ? 0 : scenarios.length);
  const outcomes: ScenarioOutcome[] = new Array(o.isolateFailures ? scenarios.length : 0);
  let done = 0;
  let loanMonths = 0;
  let cpuMicros = 0;
  let maxHeap = 0;
  const tasks: Promise<void>[] = [];
  for (let from = 0; from < scenarios.length; from += batch) {
    const task = workerTask(ctx, scenarios.slice(from, from + batch), {
      untilRetired: o.untilRetired ?? true,
      collateralOnly: o.collateralOnly ?? false,
      isolateFailures: o.isolateFailures ?? false,
    });
    tasks.push(
      (p.run(task) as Promise<WorkerResult>).then((result) => {
        result.summaries.forEach((s, i) => (summaries[from + i] = s));
        result.outcomes?.forEach((s, i) => (outcomes[from + i] = s));
        done += task.scenarios.length;
        loanMonths += result.loanMonths;
        cpuMicros += result.cpuMicros;
        maxHeap = Math.max(maxHeap, result.heapUsed);
        o.onProgress?.(done, scenarios.length);
      }),
    );
  }
  await Promise.all(tasks);
  return {
    summaries,
    outcomes,
    loanMonths,
    wallMs: performance.now() - start,
    workerCpuMs: cpuMicros / 1000,
    maxWorkerHeap: maxHeap,
  };
}

/**
 * Where a server's grids run: this machine's pool (runGrid) or a queue's workers
 * (queue/queuedGrid.ts). Each scenario's summary or error in the grid's order: a scenario that
 * fails fails alone (issue 12), the rest complete.
 */
export type GridBackend = (
  ctx: ProjectionContext,
  scenarios: readonly Scenario[],
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
) => Promise<ScenarioOutcome[]>;

/** Grids on this machine's worker pool. */
export const localGrids: GridBackend = async (ctx, scenarios, onProgress) =>
  (await runGrid(ctx, scenarios, { onProgress, isolateFailures: true })).outcomes;
