import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { SingleBar } from 'cli-progress';
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
import { resolveDeal } from '../../deal/builtIn.ts';
import { readStateFile } from '../../deal/stateFile.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import { readPeriodTotalsFile } from '../../servicing/periodTotalsFile.ts';
import { dealContext, tapeArrays } from '../../projection/dealContext.ts';
import { readGridFile } from '../../projection/grid.ts';
import { closeGridPool, runGrid } from '../../projection/gridRunner.ts';
import { contextForLoans } from '../../projection/projectionContext.ts';
import { representativeLines } from '../../projection/repLines.ts';
import { runScenario } from '../../projection/runScenario.ts';
import { parseScenario, readJsonFile } from '../../projection/scenarioFile.ts';
import type { Scenario } from '../../projection/scenarioSchema.ts';

interface ProjectOptions {
  deal: string;
  tape?: string;
  state?: string;
  scenario?: string;
  grid?: string;
  cpr?: number;
  psa?: number;
  cdr?: number;
  severity?: number;
  lag?: number;
  delinquency?: number;
  advancing: boolean;
  index?: number;
  history: boolean;
  call?: boolean;
  price?: number;
  horizon?: number;
  repLines?: boolean;
  breakeven: boolean;
  cashFlows?: string;
  pool?: boolean;
  threads?: number;
  format: 'table' | 'csv' | 'json';
  out?: string;
}

const number =
  (flag: string) =>
  (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) {
      throw new TrusteeError('INVALID_SCENARIO', `bad ${flag}`, [
        { field: flag, message: 'not a number', expected: 'a number', got: value },
      ]);
    }
    return n;
  };

/** A progress bar on standard error, only when it is a terminal. */
function progressBar(total: number, label: string): { update(n: number): void; stop(): void } {
  if (!process.stderr.isTTY || total < 2) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    stream: process.stderr,
    format: `${label} [{bar}] {value}/{total} {eta}s left`,
    hideCursor: true,
  });
  bar.start(total, 0);
  return { update: (n) => bar.update(n), stop: () => bar.stop() };
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
  set('delinquency', o.delinquency);
  if (!o.advancing) set('advancing', false);
  if (o.index !== undefined) set('index', { flat: o.index, history: o.history });
  else if (!o.history) throw new TrusteeError('INVALID_SCENARIO', '--no-history needs --index');
  set('cleanUpCall', o.call);
  set('price', o.price);
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

async function project(o: ProjectOptions): Promise<string> {
  const deal = resolveDeal(o.deal);
  const tape = await tapeArrays(deal, o.tape);
  let ctx = await dealContext(deal, {
    tape,
    ...(o.state ? { state: readStateFile(deal, o.state) } : {}),
  });
  if (o.repLines) ctx = contextForLoans(deal, ctx.table, ctx.state, representativeLines(ctx.loans));
  const start = {
    deal: deal.id,
    start: `after distribution ${ctx.state.distributionNumber} (${ctx.state.lastDate}), pool ${(ctx.state.poolBalance / 100).toFixed(2)}`,
    loans: `${ctx.loans.count} ${o.repLines ? 'representative lines' : 'loans'}`,
  };
  if (o.grid) {
    const scenarios = readGridFile(o.grid);
    const bar = progressBar(scenarios.length, 'scenarios');
    try {
      const result = await runGrid(ctx, scenarios, {
        ...(o.threads !== undefined ? { threads: o.threads } : {}),
        onProgress: (done) => bar.update(done),
      });
      bar.stop();
      return output([gridSummaryTable(deal, result.summaries)], o, {
        ...start,
        scenarios: scenarios.length,
        seconds: Number((result.wallMs / 1000).toFixed(2)),
      });
    } finally {
      bar.stop();
      await closeGridPool();
    }
  }
  const scenario = scenarioFrom(o);
  const actuals = (scenario.actuals ?? []).map((p) =>
    readPeriodTotalsFile(resolve(o.scenario ? dirname(o.scenario) : '.', p)),
  );
  const run = runScenario(ctx, scenario, { actuals });
  const summary = summarizeRun(deal, run);
  let breakevens: Breakeven[] | undefined;
  if (o.breakeven) {
    const lossesAt = lossesAtCdr(ctx, scenario);
    const bar = progressBar(deal.floatingClasses.length, 'breakevens');
    breakevens = [];
    for (const c of deal.floatingClasses) {
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
  return output(tables, o, {
    ...start,
    scenario: scenario.name ?? 'scenario',
    months: summary.months,
    last_date: summary.lastDate ?? '-',
    clean_up_call: summary.cleanUpCallDate ?? 'not exercised',
    pool_losses: (summary.poolLosses / 100).toFixed(2),
    pool_loss_pct: (summary.poolLossFraction * 100).toFixed(3),
    ...(o.format === 'json' ? { assumptions: scenario, breakevens: breakevens ?? null } : {}),
  });
}

export function registerProject(program: Command): void {
  program
    .command('project')
    .description(
      'Project the collateral loan by loan, run each projected month through\n' +
        "the deal's waterfall, and print each class's WAL, principal window,\n" +
        'yield and discount margin, duration, losses and breakeven CDR.\n' +
        'With --grid, one summary line per scenario (docs/projections.md).',
    )
    .requiredOption('--deal <id|file.json>', 'built-in deal id (e.g. nchet-2002-1) or a deal file')
    .option('--tape <file>', "loan tape CSV (default: the deal's deals/<id>/tape.csv)")
    .option('--state <file>', "the trust's state to start from (default: the latest known)")
    .option('--scenario <file>', 'scenario JSON (the flags below override its fields)')
    .option('--grid <file>', 'grid of scenarios (JSON): one summary line each')
    .option('--cpr <pct>', 'constant prepayment rate, percent', number('--cpr'))
    .option('--psa <pct>', 'prepayment as a PSA multiple, percent', number('--psa'))
    .option('--cdr <pct>', 'constant default rate, percent', number('--cdr'))
    .option('--severity <pct>', 'loss severity, percent', number('--severity'))
    .option('--lag <months>', 'months from default to liquidation', number('--lag'))
    .option(
      '--delinquency <pct>',
      'performing balance 60+ days delinquent',
      number('--delinquency'),
    )
    .option('--no-advancing', 'the servicer does not advance delinquent interest')
    .option('--index <pct>', '1-month LIBOR after the known fixings, percent', number('--index'))
    .option('--no-history', "ignore the deal's index table (with --index)")
    .option('--call', 'exercise the clean-up call on the first date it is allowed')
    .option('--price <pct>', 'price for yields, percent of the current balance', number('--price'))
    .option('--horizon <months>', 'stop after this many months', number('--horizon'))
    .option('--rep-lines', 'project representative lines instead of every loan')
    .option('--no-breakeven', 'skip the breakeven CDR search')
    .option('--cash-flows <classes>', 'cash-flow table of these classes (A,M-1 or all)')
    .option('--pool', 'the pool cash-flow table')
    .option('--threads <n>', 'worker threads for --grid (default: cores)', number('--threads'))
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['table', 'csv', 'json'])
        .default('table'),
    )
    .option('--out <file>', 'write to a file instead of standard output')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  npx trustee project --deal nchet-2002-1 --cpr 25 --cdr 5 --severity 40\n' +
        '  npx trustee project --deal nchet-2002-1 --cpr 25 --cdr 5 --severity 40 --cash-flows A --format csv\n' +
        '  npx trustee project --deal nchet-2002-1 --grid docs/examples/grid.json --format csv',
    )
    .action(async (o: ProjectOptions) => {
      const text = await project(o);
      if (o.out) await writeFile(o.out, text);
      else process.stdout.write(text);
    });
}
