import type { ScenarioSummary } from '../../analytics/scenarioSummary.ts';
import type { Deal } from '../../deal/deal.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import { describeFailure, type ScenarioOutcome } from '../../projection/gridOutcome.ts';
import { closeGridPool, runGrid } from '../../projection/gridRunner.ts';
import type { ProjectionContext } from '../../projection/projectionContext.ts';
import { openGridQueue, type GridQueue } from '../../projection/queue/gridQueue.ts';
import {
  awaitGrid,
  describeGrid,
  runQueuedGrid,
  type QueuedGridResult,
} from '../../projection/queue/queuedGrid.ts';
import type { Scenario } from '../../projection/scenarioSchema.ts';
import type { ProjectOptions } from './project.ts';

/** A grid's outcome for the command's output: the header, the summaries, the failed scenarios. */
export interface GridRun {
  readonly head: Record<string, string | number>;
  readonly summaries: ScenarioSummary[];
  readonly seconds: number;
  readonly failures: string[];
}

type Progress = { update(n: number): void; stop(): void };

/** The grid on this machine's worker pool (no queue): a failed scenario fails alone. */
export async function localGrid(
  ctx: ProjectionContext,
  scenarios: readonly Scenario[],
  o: ProjectOptions,
  head: Record<string, string | number>,
  bar: Progress,
): Promise<GridRun> {
  try {
    const result = await runGrid(ctx, scenarios, {
      ...(o.threads !== undefined ? { threads: o.threads } : {}),
      onProgress: (done) => bar.update(done),
      isolateFailures: true,
    });
    return { head, ...outcomesRun(result.outcomes), seconds: result.wallMs / 1000 };
  } finally {
    bar.stop();
    await closeGridPool();
  }
}

/** The scenarios that ran and a line for each that failed, in the grid's order. */
function outcomesRun(
  outcomes: readonly ScenarioOutcome[],
): Pick<GridRun, 'summaries' | 'failures'> {
  const summaries: ScenarioSummary[] = [];
  const failures: string[] = [];
  outcomes.forEach((outcome, i) => {
    if (outcome.summary) summaries.push(outcome.summary);
    else failures.push(describeFailure(i, undefined, outcome.error));
  });
  return { summaries, failures };
}

function fromQueue(result: QueuedGridResult): GridRun {
  return {
    head: { ...result.grid.head, grid_id: result.gridId },
    ...outcomesRun(result.outcomes),
    seconds: result.wallMs / 1000,
  };
}

async function withQueue<T>(o: ProjectOptions, work: (q: GridQueue) => Promise<T>): Promise<T> {
  const q = await openGridQueue(o.queue!, o.queueName);
  try {
    return await work(q);
  } finally {
    await q.close();
  }
}

/**
 * The grid sent to the queue (`--queue`): its id goes to standard error at once, so that it can
 * be picked up again (`--grid-id`) if this client stops; the workers go on without it.
 */
export function queuedGrid(
  ctx: ProjectionContext,
  scenarios: readonly Scenario[],
  o: ProjectOptions,
  head: Record<string, string | number>,
  bar: Progress,
): Promise<GridRun> {
  return withQueue(o, async (q) => {
    try {
      const result = await runQueuedGrid(q, ctx, scenarios, {
        ...(o.gridId ? { gridId: o.gridId } : {}),
        head,
        onSubmitted: (id) =>
          process.stderr.write(
            `grid ${id}: ${scenarios.length} scenarios on the queue ${q.name} at ${q.url} (to pick it up again: --grid-id ${id})\n`,
          ),
        onProgress: (done) => bar.update(done),
      });
      return fromQueue(result);
    } finally {
      bar.stop();
    }
  });
}

/** A grid sent before, picked up again by its id (`--grid-id` without `--grid`). */
export function attachedGrid(
  deal: Deal,
  o: ProjectOptions,
  progress: (total: number) => Progress,
): Promise<GridRun> {
  return withQueue(o, async (q) => {
    const grid = await describeGrid(q, o.gridId!);
    if (grid.dealId !== deal.id) {
      throw new TrusteeError('INVALID_INPUT', `grid ${o.gridId} projects ${grid.dealId}`, [
        { field: '--deal', message: `not the grid's deal`, expected: grid.dealId, got: deal.id },
      ]);
    }
    const bar = progress(grid.total);
    try {
      return fromQueue(await awaitGrid(q, o.gridId!, { onProgress: (done) => bar.update(done) }));
    } finally {
      bar.stop();
    }
  });
}
