import { errorRecord } from '../errors/catalogue.ts';
import type { Deal } from '../deal/deal.ts';
import { indexTableFromData, type IndexFixings } from '../deal/indexRates.ts';
import type { DealFile } from '../deal/schema.ts';
import { loadDeal } from '../deal/loadDeal.ts';
import { runAndSummarize, type ScenarioSummary } from '../analytics/scenarioSummary.ts';
import type { DealState } from '../waterfall/types.ts';
import { loanArraysOnBuffer } from './loanArrays.ts';
import { contextForLoans, type ProjectionContext } from './projectionContext.ts';
import { projectScenarioCollateral } from './runScenario.ts';
import type { Scenario } from './scenarioSchema.ts';
import type { Workspace } from './workspace.ts';
import type { ScenarioOutcome } from './gridOutcome.ts';

/** What the main thread sends: the context (once per key; the loans by shared memory) and a batch. */
export interface WorkerTask {
  readonly key: string;
  readonly dealFile: DealFile;
  readonly dealSource: string;
  readonly state: DealState;
  readonly buffer: SharedArrayBuffer;
  readonly count: number;
  readonly fixedCount: number;
  /** The context's index fixings (the worker uses the caller's, whatever its own data/ holds). */
  readonly indexTable: IndexFixings;
  readonly scenarios: readonly Scenario[];
  readonly untilRetired: boolean;
  /** Project the collateral only (the benchmark's loop figure): no waterfall, no summaries. */
  readonly collateralOnly?: boolean;
  /**
   * Catch each scenario's error and return it in `outcomes` instead of failing the batch (the
   * queue's grids: one bad scenario fails alone).
   */
  readonly isolateFailures?: boolean;
}

export interface WorkerResult {
  readonly summaries: ScenarioSummary[];
  /** With `isolateFailures`: each scenario's summary or error, in order (summaries empty). */
  readonly outcomes?: ScenarioOutcome[];
  readonly loanMonths: number;
  /** CPU time of the batch in this worker (microseconds), and the worker's heap after it. */
  readonly cpuMicros: number;
  readonly heapUsed: number;
}

/** This thread's CPU time in microseconds (process.threadCpuUsage, Node >= 23.9). */
export function threadCpu(): number {
  const used = process.threadCpuUsage();
  return used.user + used.system;
}

const heap = (): number => process.memoryUsage().heapUsed;

// Each worker keeps one context and one workspace, reused by every task with the same key.
let cached: { key: string; context: ProjectionContext } | undefined;
let workspace: Workspace | undefined;

function contextFor(task: WorkerTask): ProjectionContext {
  if (cached?.key === task.key) return cached.context;
  const deal: Deal = loadDeal(task.dealFile, task.dealSource);
  const loans = loanArraysOnBuffer(task.buffer, task.count, task.fixedCount);
  const context = contextForLoans(deal, indexTableFromData(task.indexTable), task.state, loans);
  cached = { key: task.key, context };
  return context;
}

/** Runs a batch of scenarios and returns their summaries (piscina calls this in a worker). */
export default function runBatch(task: WorkerTask): WorkerResult {
  const start = threadCpu();
  const context = contextFor(task);
  let loanMonths = 0;
  if (task.collateralOnly) {
    for (const scenario of task.scenarios) {
      const r = projectScenarioCollateral(context, scenario, workspace);
      workspace = r.workspace;
      loanMonths += r.loanMonths;
    }
    return { summaries: [], loanMonths, cpuMicros: threadCpu() - start, heapUsed: heap() };
  }
  if (task.isolateFailures) {
    const outcomes = task.scenarios.map((scenario): ScenarioOutcome => {
      try {
        const r = runAndSummarize(context, scenario, workspace);
        workspace = r.workspace;
        loanMonths += r.loanMonths;
        return { summary: r.summary };
      } catch (error) {
        return { error: errorRecord(error) };
      }
    });
    return {
      summaries: [],
      outcomes,
      loanMonths,
      cpuMicros: threadCpu() - start,
      heapUsed: heap(),
    };
  }
  const summaries = task.scenarios.map((scenario) => {
    const r = runAndSummarize(context, scenario, workspace);
    workspace = r.workspace;
    loanMonths += r.loanMonths;
    return r.summary;
  });
  return {
    summaries,
    loanMonths,
    cpuMicros: threadCpu() - start,
    heapUsed: heap(),
  };
}
