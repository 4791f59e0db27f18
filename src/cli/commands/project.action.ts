import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { breakevenCdr, lossesAtCdr, type Breakeven } from '../../analytics/breakeven.ts';
import {
  classCashFlowTable,
  classSummaryTable,
  gridSummaryTable,
  poolCashFlowTable,
  type Table,
} from '../../analytics/outputTables.ts';
import { renderCsv, renderText, tableObjects } from '../../analytics/renderTable.ts';
import { summarizeRun } from '../../analytics/scenarioSummary.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import { readPeriodTotalsFile } from '../../servicing/periodTotalsFile.ts';
import { readGridFile } from '../../projection/grid.ts';
import { readIndexCurveFile } from '../../projection/indexCurveFile.ts';
import { DEFAULT_QUEUE_NAME } from '../../projection/queue/gridQueue.ts';
import type { Deal } from '../../deal/deal.ts';
import type { ProjectionStart } from '../../projection/dealContext.ts';
import { contextForLoans, type ProjectionContext } from '../../projection/projectionContext.ts';
import { representativeLines } from '../../projection/repLines.ts';
import { runScenario } from '../../projection/runScenario.ts';
import { parseScenario, readJsonFile } from '../../projection/scenarioFile.ts';
import type { Scenario } from '../../projection/scenarioSchema.ts';
import { describeLoans } from '../../projection/startingLoans.ts';
import { backtestTable } from '../../analytics/backtest.ts';
import type { Distribution } from '../../waterfall/types.ts';
import type { ProjectOptions } from './project.ts';
import { dealToProject, projectStart } from './projectStart.ts';
import { attachedGrid, localGrid, queuedGrid, type GridRun } from './projectGrid.ts';
import { progressBar } from './progressBar.ts';

/** `--prices A-IO=5,M-1=99.5`: each class's price, percent. */
function classPrices(text: string): Record<string, number> {
  const prices: Record<string, number> = {};
  for (const item of text.split(',')) {
    const [name, value] = item.split('=');
    const price = Number(value);
    if (!name || value === undefined || !Number.isFinite(price)) {
      throw new TrusteeError('USAGE', `--prices: "${item}" is not class=percent (e.g. A-IO=5)`);
    }
    prices[name.trim()] = price;
  }
  return prices;
}

/** The scenario: the --scenario file (if any) with the flags laid over it. */
function scenarioFrom(o: ProjectOptions): Scenario {
  const json = (o.scenario ? readJsonFile(o.scenario) : {}) as Record<string, unknown>;
  const set = (key: string, value: unknown): void => {
    if (value !== undefined) json[key] = value;
  };
  if (o.cpr !== undefined) set('prepayment', { cpr: o.cpr });
  if (o.psa !== undefined) set('prepayment', { psa: o.psa });
  if (o.cdr !== undefined) set('default', { cdr: o.cdr });
  set('severity', o.severity);
  set('recoveryLag', o.lag);
  set('foreclosureLag', o.foreclosureLag);
  set('foreclosures', o.foreclosures);
  set('rollToDefault', o.rollToDefault);
  set('delinquency', o.delinquency);
  if (!o.advancing) set('advancing', false);
  if (o.index !== undefined && o.indexCurve !== undefined)
    throw new TrusteeError('USAGE', 'give --index or --index-curve, not both');
  if (o.index !== undefined) set('index', { flat: o.index, history: o.history });
  else if (o.indexCurve !== undefined)
    set('index', {
      forward: readIndexCurveFile(o.indexCurve),
      shockBps: o.indexShock ?? 0,
      history: o.history,
    });
  else if (!o.history)
    throw new TrusteeError('INVALID_SCENARIO', '--no-history needs --index or --index-curve');
  if (o.indexShock !== undefined && o.indexCurve === undefined)
    throw new TrusteeError('USAGE', '--index-shock needs --index-curve');
  set('cleanUpCall', o.call);
  set('price', o.price);
  if (o.prices !== undefined) set('prices', classPrices(o.prices));
  set('horizon', o.horizon);
  if (json.name === undefined) {
    const parts = [
      o.cpr !== undefined && `CPR ${o.cpr}`,
      o.psa !== undefined && `PSA ${o.psa}`,
      o.cdr !== undefined && `CDR ${o.cdr}`,
      o.severity !== undefined && `severity ${o.severity}`,
      o.call && 'to call',
    ].filter(Boolean);
    if (parts.length > 0) json.name = parts.join(', ');
  }
  return parseScenario(json, o.scenario ?? 'command line');
}

function output(
  tables: readonly Table[],
  o: ProjectOptions,
  extra: Record<string, unknown>,
): string {
  if (o.format === 'json') {
    const body: Record<string, unknown> = { ...extra };
    for (const t of tables) {
      const [key = t.id, sub] = t.id.split('.');
      if (sub === undefined) body[key] = tableObjects(t);
      else body[key] = { ...(body[key] as object | undefined), [sub]: tableObjects(t) };
    }
    return `${JSON.stringify(body, null, 2)}\n`;
  }
  if (o.format === 'csv') {
    if (tables.length === 1) return renderCsv(tables[0]!);
    return tables.map((t) => `# ${t.title}\n${renderCsv(t)}`).join('\n');
  }
  const head = Object.entries(extra)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join('\n');
  return `${head}\n\n${tables.map(renderText).join('\n')}`;
}

/**
 * The header's lines on the start: the state (date, pool, loans), where it and the loans came
 * from, and (one scenario) what becomes of the loans in foreclosure or REO.
 */
function startLines(
  begin: ProjectionStart,
  ctx: ProjectionContext,
  repLines: boolean,
  scenario?: Scenario,
) {
  const { state } = ctx;
  const lines = repLines ? `; grouped into ${ctx.loans.count} representative lines` : '';
  return {
    deal: state.dealId,
    start: `after distribution ${state.distributionNumber} (${state.lastDate}), pool ${(state.poolBalance / 100).toFixed(2)}, ${state.loanCount} loans`,
    state: begin.stateFrom,
    loans: `${describeLoans(begin.loans, scenario)}${lines}`,
  };
}

/** What --compare compares with: the dates the store closed after --after's. */
function laterDistributions(begin: ProjectionStart, o: ProjectOptions): readonly Distribution[] {
  if (!o.after || !begin.later || begin.later.length === 0) {
    throw new TrusteeError(
      'INVALID_INPUT',
      '--compare has no later distributions to compare with',
      [
        {
          field: '--compare',
          message: o.after
            ? `nothing of ${begin.context.state.dealId} is closed after ${o.after}`
            : 'the projection starts after the latest closed date',
          expected: '--after an earlier closed date of the store',
        },
      ],
    );
  }
  return begin.later;
}

/** Refuses --grid-id or --queue-name without --queue, and --grid-id with a single scenario. */
function checkQueueFlags(o: ProjectOptions): void {
  const needs = (flag: string, what: string, expected: string) =>
    new TrusteeError('INVALID_INPUT', `${flag} needs ${what}`, [
      { field: flag, message: `given without ${what}`, expected },
    ]);
  if (o.gridId && !o.queue) throw needs('--grid-id', '--queue', '--queue redis://HOST:PORT');
  if (o.queueName !== DEFAULT_QUEUE_NAME && !o.queue)
    throw needs('--queue-name', '--queue', '--queue redis://HOST:PORT');
  if (o.queue && !o.grid && !o.gridId)
    throw needs('--queue', '--grid or --grid-id', 'a grid file, or the id of a grid sent before');
}

/** The text of a grid's run, and its failed scenarios (reported after the text). */
function gridText(deal: Deal, run: GridRun, o: ProjectOptions, count: number) {
  const text = output([gridSummaryTable(deal, run.summaries)], o, {
    ...run.head,
    scenarios: count,
    seconds: Number(run.seconds.toFixed(2)),
  });
  return { text, failures: run.failures };
}

async function project(o: ProjectOptions): Promise<{ text: string; failures: string[] }> {
  checkQueueFlags(o);
  const { deal, book } = await dealToProject(o);
  if (o.gridId && !o.grid) {
    const run = await attachedGrid(deal, o, (total) => progressBar(total, 'scenarios'));
    return gridText(deal, run, o, run.summaries.length + run.failures.length);
  }
  const begin = await projectStart(deal, o, book);
  let ctx = begin.context;
  if (o.repLines) ctx = contextForLoans(deal, ctx.table, ctx.state, representativeLines(ctx.loans));
  if (o.grid) {
    const start = startLines(begin, ctx, o.repLines ?? false);
    const scenarios = readGridFile(o.grid);
    const bar = progressBar(scenarios.length, 'scenarios');
    const run = o.queue
      ? await queuedGrid(ctx, scenarios, o, start, bar)
      : await localGrid(ctx, scenarios, o, start, bar);
    return gridText(deal, run, o, scenarios.length);
  }
  const scenario = scenarioFrom(o);
  const start = startLines(begin, ctx, o.repLines ?? false, scenario);
  const actuals = (scenario.actuals ?? []).map((p) =>
    readPeriodTotalsFile(resolve(o.scenario ? dirname(o.scenario) : '.', p)),
  );
  const run = runScenario(ctx, scenario, { actuals });
  const summary = summarizeRun(deal, run);
  let breakevens: Breakeven[] | undefined;
  if (o.breakeven) {
    const lossesAt = lossesAtCdr(ctx, scenario);
    const bar = progressBar(deal.interestBearingClasses.length, 'breakevens');
    breakevens = [];
    for (const c of deal.interestBearingClasses) {
      breakevens.push(await breakevenCdr(lossesAt, c.name));
      bar.update(breakevens.length);
    }
    bar.stop();
  }
  const tables = [classSummaryTable(summary, breakevens)];
  const flowClasses =
    o.cashFlows === 'all' ? deal.classes.map((c) => c.name) : (o.cashFlows?.split(',') ?? []);
  for (const name of flowClasses) {
    if (!deal.classByName.has(name)) {
      throw new TrusteeError('UNKNOWN_CLASS', `no class "${name}" in ${deal.id}`, [
        {
          field: '--cash-flows',
          message: `unknown class "${name}"`,
          expected: deal.classes.map((c) => c.name).join(', '),
        },
      ]);
    }
    tables.push(classCashFlowTable(run, name));
  }
  if (o.pool) tables.push(poolCashFlowTable(run));
  if (o.compare) tables.push(backtestTable(deal, run.distributions, laterDistributions(begin, o)));
  const text = output(tables, o, {
    ...start,
    scenario: scenario.name ?? 'scenario',
    months: summary.months,
    last_date: summary.lastDate ?? '-',
    clean_up_call: summary.cleanUpCallDate ?? 'not exercised',
    pool_losses: (summary.poolLosses / 100).toFixed(2),
    pool_loss_pct: (summary.poolLossFraction * 100).toFixed(3),
    ...(o.format === 'json' ? { assumptions: scenario, breakevens: breakevens ?? null } : {}),
  });
  return { text, failures: [] };
}

/** The `project` command's work, loaded only when the command runs. */
export async function action(o: ProjectOptions): Promise<void> {
  const { text, failures } = await project(o);
  if (o.out) await writeFile(o.out, text);
  else process.stdout.write(text);
  // A queued grid's bad scenarios fail alone: the others are printed, then the errors.
  if (failures.length > 0) {
    throw new TrusteeError(
      'INVALID_SCENARIO',
      `${failures.length} scenarios of the grid failed:\n${failures.join('\n')}`,
    );
  }
}
