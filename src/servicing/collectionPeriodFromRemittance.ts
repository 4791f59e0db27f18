import type { Loan } from '../collateral/loan.ts';
import type { Deal } from '../deal/deal.ts';
import { cents, min, sum, type Cents } from '../money/cents.ts';
import { accrue } from '../money/rate.ts';
import { TrusteeError } from '../errors/catalogue.ts';
import { sumCollections } from '../trust/sumCollections.ts';
import type { CollectionPeriod, GroupCollections } from '../trust/types.ts';
import type { DelinquencyMethod } from './delinquencyStatus.ts';
import { delinquencyTable } from './delinquencyTable.ts';
import { positionsFromTape, type PoolPositions } from './poolPositions.ts';
import { reconcileRemittance, servicingFeeRate } from './reconcileRemittance.ts';
import type { RemittanceFile, RemittanceRow } from './remittanceRow.ts';
import { netLiquidationProceeds, rowKind, trustInterest } from './rowKind.ts';

export interface CollectionPeriodOptions {
  /** Delinquency buckets by the MBA (default) or OTS method. */
  readonly method?: DelinquencyMethod;
}

const total = (rows: readonly RemittanceRow[], amount: (r: RemittanceRow) => number): Cents =>
  cents(rows.reduce((s, r) => s + amount(r), 0));

/**
 * Turns a servicer's remittance report into the collection-period totals the waterfall takes,
 * after reconciling it (reconcileRemittance: nothing is returned from a report that fails).
 * `previous` is the pool before the period: the loan tape for the first period, else the
 * previous report's positions (positionsAfter).
 *
 * - interest collected = what the trust is owed loan by loan (collected + advanced -
 *   reimbursed - scheduled principal), i.e. net of PPIS and Relief Act shortfalls;
 * - prepayment interest shortfall = for each payoff, a month's interest less the interest to
 *   the payoff date; compensating interest = the lesser of it and the period's servicing fee
 *   (the fee on the beginning pool, as the waterfall computes it);
 * - liquidation proceeds are net of expenses; bankruptcy losses are losses on loans that stay
 *   (deficient valuations); REO principal amortization is the scheduled principal of REO loans;
 * - WAC on the beginning balances; WA remaining term on the ending balances (incl. REO).
 */
export function collectionPeriodFromRemittance(
  deal: Deal,
  previous: PoolPositions | readonly Loan[],
  report: RemittanceFile,
  options: CollectionPeriodOptions = {},
): CollectionPeriod {
  const positions = Array.isArray(previous)
    ? positionsFromTape(previous as readonly Loan[])
    : (previous as PoolPositions);
  const month = reconcileRemittance(deal, positions, report);
  const method = options.method ?? 'MBA';
  const figures = (rows: readonly RemittanceRow[]): GroupCollections =>
    collectionsOf(deal, rows, month, method);
  const source = `servicer remittance report ${report.file} (${report.rows.length} loans, delinquency by ${method})`;
  if (deal.groups.length === 0) {
    return { ...figures(report.rows), distributionDate: report.distributionDate, source };
  }
  // A deal with loan groups: each group's figures from its loans' lines, the pool's their sums.
  const names = deal.groups.map((g) => g.name);
  const strays = report.rows.filter((r) => !names.includes(r.group ?? ''));
  if (strays.length > 0) {
    throw new TrusteeError(
      'INVALID_INPUT',
      `${report.file}: loans with no group of ${deal.id}`,
      strays.slice(0, 10).map((r) => ({
        file: report.file,
        row: r.row,
        field: 'group',
        message: r.group === undefined ? 'no group given' : `unknown group "${r.group}"`,
        expected: `one of ${deal.id}'s groups (${names.join(', ')})`,
      })),
    );
  }
  const groups = names.map((name) => figures(report.rows.filter((r) => r.group === name)));
  return {
    ...sumCollections(groups),
    distributionDate: report.distributionDate,
    source,
    groups: Object.fromEntries(names.map((name, i) => [name, groups[i]!])),
  };
}

/** The period's figures from some of its lines: the whole report's, or one group's. */
function collectionsOf(
  deal: Deal,
  rows: readonly RemittanceRow[],
  month: ReturnType<typeof reconcileRemittance>,
  method: DelinquencyMethod,
): GroupCollections {
  const of = (kind: ReturnType<typeof rowKind>): RemittanceRow[] =>
    rows.filter((r) => rowKind(r) === kind);
  const payoffs = of('payoff');
  const liquidations = of('liquidation');
  const beginning = sum(rows, (r) => r.beginningBalance);
  const ending = sum(rows, (r) => r.endingBalance);
  const ppis = total(payoffs, (r) => r.scheduledInterest - trustInterest(r));
  const servicingFee = accrue(beginning, servicingFeeRate(deal), 30, 360);
  const weighted = (
    value: (r: RemittanceRow) => number,
    weight: (r: RemittanceRow) => number,
  ): number => {
    const w = rows.reduce((s, r) => s + weight(r), 0);
    return w === 0 ? 0 : rows.reduce((s, r) => s + weight(r) * value(r), 0) / w;
  };
  return {
    beginningPoolBalance: beginning,
    endingPoolBalance: ending,
    beginningLoanCount: rows.filter((r) => r.beginningBalance > 0).length,
    endingLoanCount: rows.filter((r) => r.endingBalance > 0).length,
    scheduledPrincipal: total(rows, (r) => r.scheduledPrincipal),
    curtailments: total(rows, (r) => r.curtailment),
    paymentsInFull: total(rows, (r) => r.payoff),
    liquidationProceeds: total(liquidations, netLiquidationProceeds),
    repurchasePrincipal: total(rows, (r) => r.repurchase),
    realizedLosses: total(rows, (r) => r.realizedLoss),
    bankruptcyLosses: total(of('installment'), (r) => r.realizedLoss),
    interestCollected: total(rows, trustInterest),
    compensatingInterest: min(ppis, servicingFee),
    prepaymentInterestShortfall: ppis,
    reliefActShortfall: total(rows, (r) => r.reliefActShortfall),
    prepaymentCharges: total(rows, (r) => r.prepaymentCharge),
    advances: total(rows, (r) => r.piAdvance),
    reoPrincipalAmortization: total(
      rows.filter((r) => r.reo),
      (r) => r.scheduledPrincipal,
    ),
    extraordinaryExpenses: cents(0),
    weightedAverageRate: weighted(
      (r) => r.noteRate,
      (r) => r.beginningBalance,
    ),
    weightedAverageRemainingTerm: weighted(
      (r) => r.remainingTerm,
      (r) => r.endingBalance,
    ),
    delinquency: delinquencyTable(rows, month, method),
  };
}
