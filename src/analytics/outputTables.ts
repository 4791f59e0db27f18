import type { Deal } from '../deal/deal.ts';
import type { ScenarioRun } from '../projection/runScenario.ts';
import type { Breakeven } from './breakeven.ts';
import { classCashFlows } from './cashFlows.ts';
import type { ScenarioSummary } from './scenarioSummary.ts';

/** A table to print or write: a header and rows of cells (numbers are dollars or rates). */
export interface Table {
  /** Key in JSON output: "classes", "cashFlows.A", "pool", "grid". */
  readonly id: string;
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
  /** Decimals to print each numeric column with in text (money columns: 2). */
  readonly decimals?: readonly (number | undefined)[];
}

const dollars = (cents: number): number => Math.round(cents) / 100;
const pct = (x: number | undefined, decimals = 4): number | null =>
  x === undefined ? null : Number((x * 100).toFixed(decimals));
const fixed = (x: number | undefined, decimals: number): number | null =>
  x === undefined ? null : Number(x.toFixed(decimals));

function breakevenCell(b: Breakeven | undefined): string | number | null {
  if (!b) return null;
  return b.cdr === undefined ? '>100' : Number(b.cdr.toFixed(2));
}

/** Each offered class: WAL, principal window, yield and DM at the price, duration, losses. */
export function classSummaryTable(
  summary: ScenarioSummary,
  breakevens?: readonly Breakeven[],
): Table {
  return {
    id: 'classes',
    title: `Class summary: ${summary.name}`,
    header: [
      'class',
      'balance',
      'wal_years',
      'window_start',
      'window_end',
      'price',
      'yield_pct',
      'dm_bp',
      'mod_duration',
      'writedown',
      'principal_loss',
      'loss_pct',
      ...(breakevens ? ['breakeven_cdr'] : []),
    ],
    rows: summary.classes.map((c) => [
      c.name,
      dollars(c.startBalance),
      fixed(c.wal, 2),
      c.windowStart ?? null,
      c.windowEnd ?? null,
      c.price ?? null,
      pct(c.yield),
      c.discountMargin === undefined ? null : Number((c.discountMargin * 10_000).toFixed(1)),
      fixed(c.modifiedDuration, 2),
      dollars(c.writedown),
      dollars(c.principalLoss),
      pct(c.lossFraction, 2),
      ...(breakevens ? [breakevenCell(breakevens.find((b) => b.className === c.name))] : []),
    ]),
    decimals: [undefined, 2, 2, undefined, undefined, 3, 4, 1, 2, 2, 2, 2, 2],
  };
}

/** One class's cash flows by distribution date. */
export function classCashFlowTable(run: ScenarioRun, name: string): Table {
  const f = classCashFlows(
    run.distributions,
    name,
    run.startState.lastDate,
    run.startState.classes[name]?.balance ?? 0,
  );
  return {
    id: `cashFlows.${name}`,
    title: `Class ${name} cash flows: ${run.scenario.name ?? 'scenario'}`,
    header: [
      'date',
      'days',
      'index_pct',
      'interest',
      'principal',
      'other',
      'writedown',
      'balance',
      'total',
    ],
    rows: f.dates.map((date, k) => [
      date,
      f.accrualDays[k]!,
      pct(f.indexRates[k], 5),
      dollars(f.interest[k]!),
      dollars(f.principal[k]!),
      dollars(f.other[k]!),
      dollars(f.writedown[k]!),
      dollars(f.endingBalance[k]!),
      dollars(f.total[k]!),
    ]),
    decimals: [undefined, 0, 5, 2, 2, 2, 2, 2, 2],
  };
}

/** The pool by month: the collection-period totals the waterfall took and its excess cashflow. */
export function poolCashFlowTable(run: ScenarioRun): Table {
  return {
    id: 'pool',
    title: `Pool cash flows: ${run.scenario.name ?? 'scenario'}`,
    header: [
      'date',
      'beginning',
      'scheduled',
      'prepaid',
      'liquidation_proceeds',
      'realized_loss',
      'repurchase',
      'interest',
      'prepayment_charges',
      'ending',
      'loans',
      'wac_pct',
      'excess_cashflow',
    ],
    rows: run.periods.map((p, k) => [
      p.distributionDate,
      dollars(p.beginningPoolBalance),
      dollars(p.scheduledPrincipal + p.curtailments),
      dollars(p.paymentsInFull),
      dollars(p.liquidationProceeds),
      dollars(p.realizedLosses),
      dollars(p.repurchasePrincipal),
      dollars(p.interestCollected),
      dollars(p.prepaymentCharges),
      dollars(p.endingPoolBalance),
      p.endingLoanCount,
      pct(p.weightedAverageRate, 3),
      run.distributions[k] ? dollars(run.distributions[k].netMonthlyExcessCashflow) : null,
    ]),
    decimals: [undefined, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 3, 2],
  };
}

/** A grid: one row per scenario, WAL / yield / principal loss of each offered class. */
export function gridSummaryTable(deal: Deal, summaries: readonly ScenarioSummary[]): Table {
  const names = deal.interestBearingClasses.map((c) => c.name);
  return {
    id: 'grid',
    title: `Scenario grid: ${summaries.length} scenarios`,
    header: [
      'scenario',
      'pool_loss_pct',
      'call_date',
      ...names.flatMap((n) => [`${n}_wal`, `${n}_yield_pct`, `${n}_loss_pct`]),
    ],
    rows: summaries.map((s) => [
      s.name,
      pct(s.poolLossFraction, 2),
      s.cleanUpCallDate ?? null,
      ...names.flatMap((n) => {
        const c = s.classes.find((x) => x.name === n);
        return [fixed(c?.wal, 2), pct(c?.yield), pct(c?.lossFraction, 2)];
      }),
    ]),
    decimals: [undefined, 2, undefined, ...names.flatMap(() => [2, 4, 2])],
  };
}
