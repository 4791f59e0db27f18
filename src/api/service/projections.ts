import { breakevenCdr, lossesAtCdr } from '../../analytics/breakeven.ts';
import { summarizeRun } from '../../analytics/scenarioSummary.ts';
import type { Deal } from '../../deal/deal.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import type { Loan } from '../../collateral/loan.ts';
import { readTape } from '../../projection/dealContext.ts';
import { expandGrid } from '../../projection/grid.ts';
import { localGrids, type GridBackend } from '../../projection/gridRunner.ts';
import { contextForLoans, type ProjectionContext } from '../../projection/projectionContext.ts';
import { runScenario, type ScenarioRun } from '../../projection/runScenario.ts';
import { parseScenario } from '../../projection/scenarioFile.ts';
import type { Scenario } from '../../projection/scenarioSchema.ts';
import {
  describeLoans,
  startingLoans,
  type ClosedRemittance,
  type LoanOrigin,
} from '../../projection/startingLoans.ts';
import { indexTableFor } from '../../deal/builtIn.ts';
import type { DealState } from '../../waterfall/types.ts';
import type { Portal } from './portal.ts';
import type {
  ClassProjection,
  GridHead,
  GridRow,
  ProjectedPeriod,
  ProjectionResult,
} from './projectionTypes.ts';

/** Lets the event loop answer other requests between two runs of a long job. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Scenarios a grid hands the worker pool at a time. Between two such chunks the job writes the
 * rows it has to disk (so memory holds one chunk, not the grid) and checks whether it was
 * cancelled (so a cancel stops the grid within one chunk, about a second on two cores).
 */
export const GRID_CHUNK = 200;

/** Stops a cancelled job's work at its next check; the registry has already marked it. */
function stopIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Error('cancelled');
}

/** A scenario from a request: the projection's schema, and no server file paths (`actuals`). */
export function scenarioFromRequest(json: unknown, field = 'scenario'): Scenario {
  const scenario = parseScenario(json, 'request', [field]);
  if (scenario.actuals) {
    throw new TrusteeError('INVALID_SCENARIO', 'request: the scenario names server files', [
      {
        field: `${field}.actuals`,
        message: 'not accepted over HTTP',
        expected: 'no actuals field',
      },
    ]);
  }
  return scenario;
}

/** A grid's refusal with its fields named from the body (`grid.base.severity`, `grid.bse`). */
function inGrid(error: unknown): unknown {
  if (!(error instanceof TrusteeError)) return error;
  const details = error.details.map((d) => ({ ...d, field: d.field ? `grid.${d.field}` : 'grid' }));
  return new TrusteeError(error.code, error.toJSON().message, details);
}

/** A grid from a request, expanded into its scenarios (the size was checked before: jobLimits). */
export function gridFromRequest(json: unknown): Scenario[] {
  let scenarios: Scenario[];
  try {
    scenarios = expandGrid(json, 'request');
  } catch (error) {
    throw inGrid(error);
  }
  scenarios.forEach((s, i) => {
    if (s.actuals) scenarioFromRequest(s, `grid[${i}]`);
  });
  return scenarios;
}

function periodsOf(deal: Deal, run: ScenarioRun): ProjectedPeriod[] {
  return run.distributions.map((d) => ({
    date: d.distributionDate,
    poolBalance: d.period.endingPoolBalance,
    excessCashflow: d.netMonthlyExcessCashflow,
    classes: Object.fromEntries(
      deal.interestBearingClasses.map((c) => {
        const row = d.classes.find((x) => x.name === c.name);
        return [
          c.name,
          {
            principal: row?.principalPaid ?? 0,
            interest: row?.interestPaid ?? 0,
            balance: row?.endingBalance ?? 0,
            writedown: row?.realizedLoss ?? 0,
          },
        ];
      }),
    ),
  }));
}

function classesOf(deal: Deal, run: ScenarioRun): ClassProjection[] {
  return summarizeRun(deal, run).classes.map((c) => ({
    name: c.name,
    startBalance: c.startBalance,
    principal: c.principal,
    interest: c.interest,
    writedown: c.writedown,
    wal: c.wal ?? null,
    yield: c.yield ?? null,
    firstPrincipalDate: c.windowStart ?? null,
    lastPrincipalDate: c.windowEnd ?? null,
  }));
}

/** The remittance the latest closed date was run from; undefined when nothing is closed. */
async function latestRemittance(
  portal: Portal,
  deal: Deal,
  state: DealState,
): Promise<ClosedRemittance | undefined> {
  if (state.distributionNumber === 0) return undefined;
  const remittance = await portal.remittance(deal.id, state.lastDate);
  return {
    rows: remittance.rows,
    label: 'the remittance rows',
    source: `${deal.id} ${state.lastDate} remittance (${remittance.source})`,
  };
}

/**
 * Projections for the API: the scenario from the latest closed state of the deal, with the
 * loans as they stood then (from that date's remittance rows; the cut-off tape aged and scaled
 * when the date has only totals), through the projection and analytics layers (the same
 * waterfall as actual distributions). Jobs report progress in runs done.
 */
export function projections(portal: Portal, grids: GridBackend = localGrids) {
  const tapes = new Map<string, Promise<Loan[]>>();
  const contexts = new Map<string, { context: ProjectionContext; origin: LoanOrigin }>();
  const contextFor = async (
    deal: Deal,
  ): Promise<{ context: ProjectionContext; origin: LoanOrigin }> => {
    const state = await portal.latestState(deal.id);
    const key = `${deal.id}@${state.lastDate}`;
    const known = contexts.get(key);
    if (known && known.context.state.poolBalance === state.poolBalance) return known;
    let tape = tapes.get(deal.id);
    if (!tape) {
      // A deal of the book: the tape it was added with; a built-in deal: its tape file.
      tape = portal.bookLoans(deal.id).then((ofBook) => ofBook ?? readTape(deal));
      tapes.set(deal.id, tape);
      tape.catch(() => tapes.delete(deal.id));
    }
    const table = indexTableFor(deal);
    const closed = await latestRemittance(portal, deal, state);
    const { loans, origin } = startingLoans(deal, state, await tape, table, closed);
    const entry = { context: contextForLoans(deal, table, state, loans), origin };
    contexts.set(key, entry);
    return entry;
  };
  return {
    async project(
      deal: Deal,
      scenario: Scenario,
      breakevens: boolean,
      report: (done: number, total: number) => void,
      signal?: AbortSignal,
    ): Promise<ProjectionResult> {
      const { context: ctx, origin } = await contextFor(deal);
      const total = 1 + (breakevens ? deal.interestBearingClasses.length : 0);
      const run = runScenario(ctx, scenario);
      report(1, total);
      const result: ProjectionResult = {
        dealId: deal.id,
        asOf: ctx.state.lastDate,
        loans: describeLoans(origin, scenario),
        scenario,
        classes: classesOf(deal, run),
        periods: periodsOf(deal, run),
        breakevens: null,
      };
      if (!breakevens) return result;
      const losses = lossesAtCdr(ctx, scenario);
      result.breakevens = [];
      for (const [i, c] of deal.interestBearingClasses.entries()) {
        await breathe();
        stopIfCancelled(signal);
        const b = await breakevenCdr(losses, c.name);
        result.breakevens.push({ class: c.name, cdr: b.cdr === undefined ? null : b.cdr / 100 });
        report(2 + i, total);
      }
      return result;
    },
    /**
     * A grid on the projection's worker pool or a queue's workers (`grids`), GRID_CHUNK
     * scenarios at a time: each chunk's rows go to `sink` (the job's result file) as they come,
     * progress as batches come back; a cancelled job stops before its next chunk. Returns the
     * fields besides the rows.
     */
    async grid(
      deal: Deal,
      scenarios: Scenario[],
      report: (done: number, total: number) => void,
      sink: (rows: GridRow[]) => Promise<void>,
      signal?: AbortSignal,
    ): Promise<GridHead> {
      const { context: ctx, origin } = await contextFor(deal);
      for (let from = 0; from < scenarios.length; from += GRID_CHUNK) {
        stopIfCancelled(signal);
        const chunk = scenarios.slice(from, from + GRID_CHUNK);
        const onProgress = (done: number) => report(from + done, scenarios.length);
        const outcomes = await grids(ctx, chunk, onProgress, signal);
        await sink(
          outcomes.map((outcome, i): GridRow => {
            const { name, ...assumptions } = chunk[i] as Scenario;
            const row = { index: from + i, name: name ?? `scenario ${from + i + 1}`, assumptions };
            // A scenario that failed fails alone: its row carries the error, the others run.
            if (outcome.error) return { ...row, classes: [], error: outcome.error };
            return {
              ...row,
              classes: outcome.summary.classes.map((c) => ({
                name: c.name,
                wal: c.wal ?? null,
                yield: c.yield ?? null,
                writedown: c.writedown,
              })),
            };
          }),
        );
      }
      return { dealId: deal.id, asOf: ctx.state.lastDate, loans: describeLoans(origin) };
    },
  };
}

export type Projections = ReturnType<typeof projections>;
