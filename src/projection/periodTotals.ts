import { cents, ZERO, type Cents } from '../money/cents.ts';
import type { PlainDate } from '../money/plainDate.ts';
import type { CollectionPeriod, Delinquency, DelinquencyBucket } from '../waterfall/types.ts';
import type { PoolTotals } from './workspace.ts';

const EMPTY: DelinquencyBucket = { count: 0, unpaidPrincipal: ZERO, statedPrincipal: ZERO };

function bucket(balance: Cents, count: number): DelinquencyBucket {
  return balance === 0 ? EMPTY : { count, unpaidPrincipal: balance, statedPrincipal: balance };
}

export interface PeriodTotalsOptions {
  /** The pool (cents) at the start: the trust's pool after the last distribution. */
  readonly startPool: Cents;
  readonly startLoanCount: number;
  /** The projection's own loan count at the start (sum of the rows' loans), to scale counts. */
  readonly projectedLoans: number;
  /** Distribution date of projected month t (t = 1, 2, ...). */
  readonly dateOf: (t: number) => PlainDate;
  /**
   * Exercise the clean-up call on the first distribution date whose pool, after the month's
   * collections, is at or below this (the Optional Termination Date); the margin step-up,
   * which starts the date after, never applies to a called month.
   */
  readonly cleanUpCallBalance?: Cents;
  readonly source: string;
}

/**
 * One item's running total rounded to cents: each month's amount is round(total to t) -
 * round(total to t - 1), so rounding never drifts (never below 0).
 */
class RunningCents {
  private total = 0;
  private rounded = 0;

  /** Adds the month's float amount; returns the month's cents. */
  add(value: number): number {
    this.total += value;
    const r = Math.round(this.total);
    const amount = Math.max(0, r - this.rounded);
    this.rounded = r;
    return amount;
  }
}

/** The period with the clean-up call exercised (the flag before its source, as it was written). */
function withCleanUpCall(period: CollectionPeriod): CollectionPeriod {
  const { source, ...figures } = period;
  return { ...figures, cleanUpCall: true, source };
}

/**
 * The projected months as the waterfall's input: pool-level float totals rounded to integer
 * cents so the pool rolls forward exactly. Each principal item and the losses are rounded on
 * their running totals (round(cumulative to t) - round(cumulative to t - 1)), so rounding never
 * drifts; the month the pool pays off ends at exactly 0. Periods are made as they are read, so
 * a run that stops early does not make the rest. With the clean-up call, its month's
 * remaining pool is the repurchase principal and the trust ends.
 */
export function* collectionPeriods(
  totals: PoolTotals,
  o: PeriodTotalsOptions,
): Generator<CollectionPeriod> {
  const scheduledPrincipal = new RunningCents();
  const prepayments = new RunningCents();
  const liquidationProceeds = new RunningCents();
  const realizedLosses = new RunningCents();
  // The month's principal items and losses in the order the last cents are taken from them;
  // one array for the whole run (each month overwrites it).
  const amounts = new Float64Array(4);
  const countScale = o.projectedLoans > 0 ? o.startLoanCount / o.projectedLoans : 0;
  let begin = o.startPool as number;
  let loans = o.startLoanCount;
  for (let t = 1; t <= totals.months; t++) {
    amounts[0] = scheduledPrincipal.add(totals.scheduledPrincipal[t]!);
    amounts[1] = prepayments.add(totals.prepayments[t]!);
    amounts[2] = liquidationProceeds.add(totals.liquidationProceeds[t]!);
    amounts[3] = realizedLosses.add(totals.realizedLosses[t]!);
    let end = begin - (amounts[0] + amounts[1] + amounts[2] + amounts[3]);
    if (end < 0 || totals.endBalance[t]! < 0.5) {
      // The last cents of rounding: a pool that is paid off ends at exactly zero (a shortfall
      // is added to scheduled principal, an excess taken from the items in order).
      let residual = end;
      if (residual > 0) amounts[0] += residual;
      for (let k = 0; k < amounts.length && residual < 0; k++) {
        const take = Math.min(amounts[k]!, -residual);
        amounts[k]! -= take;
        residual += take;
      }
      end = 0;
    }
    const scheduled = amounts[0]!;
    const prepaid = amounts[1]!;
    const proceeds = amounts[2]!;
    const losses = amounts[3]!;
    const call = o.cleanUpCallBalance !== undefined && end <= o.cleanUpCallBalance;
    const repurchase = call ? end : 0;
    if (call) end = 0;
    const pipeline = call ? 0 : Math.min(end, Math.round(totals.pipeline[t]!));
    const delinquent = call ? 0 : Math.min(end - pipeline, Math.round(totals.delinquent[t]!));
    const loansEnd = totals.loansEnd[t]!;
    let count = end === 0 ? 0 : Math.max(1, Math.min(loans, Math.round(loansEnd * countScale)));
    if (count > loans) count = loans;
    const average = loansEnd > 0 ? totals.endBalance[t]! / (loansEnd * countScale) : 1;
    const delinquency: Delinquency = {
      days30to59: EMPTY,
      days60to89: bucket(cents(delinquent), Math.round(delinquent / average)),
      days90plus: EMPTY,
      foreclosure: bucket(cents(pipeline), Math.round(totals.pipelineLoans[t]! * countScale)),
      bankruptcy: EMPTY,
      bankruptcy60plus: EMPTY,
      reo: EMPTY,
      reoBookValue: ZERO,
    };
    const beginFloat = totals.beginBalance[t]!;
    const endPerforming = totals.endPerforming[t]!;
    const period: CollectionPeriod = {
      distributionDate: o.dateOf(t),
      beginningPoolBalance: cents(begin),
      endingPoolBalance: cents(end),
      beginningLoanCount: loans,
      endingLoanCount: count,
      scheduledPrincipal: cents(scheduled),
      curtailments: ZERO,
      paymentsInFull: cents(prepaid),
      liquidationProceeds: cents(proceeds),
      repurchasePrincipal: cents(repurchase),
      realizedLosses: cents(losses),
      bankruptcyLosses: ZERO,
      interestCollected: cents(Math.round(totals.interestCollected[t]!)),
      compensatingInterest: ZERO,
      prepaymentInterestShortfall: ZERO,
      reliefActShortfall: ZERO,
      prepaymentCharges: cents(Math.round(totals.prepaymentCharges[t]!)),
      advances: cents(Math.round(totals.advances[t]!)),
      reoPrincipalAmortization: ZERO,
      extraordinaryExpenses: ZERO,
      weightedAverageRate: beginFloat > 0 ? totals.rateWeighted[t]! / beginFloat : 0,
      weightedAverageRemainingTerm: endPerforming > 0 ? totals.termWeighted[t]! / endPerforming : 0,
      delinquency,
      source: o.source,
    };
    yield call ? withCleanUpCall(period) : period;
    begin = end;
    loans = count;
    if (end === 0) break;
  }
}
