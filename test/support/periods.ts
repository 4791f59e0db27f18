import type { Deal } from '../../src/deal/deal.ts';
import { accrualPeriod, distributionDate } from '../../src/deal/schedule.ts';
import { cents, roundHalfUp, ZERO, type Cents } from '../../src/money/cents.ts';
import { accrue } from '../../src/money/rate.ts';
import type {
  CollectionPeriod,
  DealState,
  Delinquency,
  DelinquencyBucket,
} from '../../src/waterfall/types.ts';
import type { GroupCollections } from '../../src/trust/types.ts';
import { sumCollections } from '../../src/trust/sumCollections.ts';

export interface PeriodShape {
  /** Single monthly mortality of prepayments (fraction of the balance after scheduled principal). */
  smm?: number;
  /** Monthly default rate (fraction of the beginning balance liquidated). */
  mdr?: number;
  severity?: number;
  wac?: number;
  /** Stated principal 60+ days delinquent, as a fraction of the ending pool. */
  seriousDelinquency?: number;
  prepaymentChargeRate?: number;
  prepaymentInterestShortfall?: Cents;
  compensatingInterest?: Cents;
  reliefActShortfall?: Cents;
  cleanUpCall?: boolean;
  /** Extraordinary trust fund expenses of the period (cents; each group's, with groups). */
  extraordinaryExpenses?: number;
}

const bucket = (count: number, amount: Cents): DelinquencyBucket => ({
  count,
  unpaidPrincipal: amount,
  statedPrincipal: amount,
});
const none = bucket(0, ZERO);

/**
 * A collection period that reconciles with the state: for tests of the waterfall. A deal with
 * loan groups gets each group's figures from the same shape on the group's balance (group II's
 * rate 0.40% above group I's), and the period's are their sums.
 */
export function syntheticPeriod(
  deal: Deal,
  state: DealState,
  shape: PeriodShape = {},
): CollectionPeriod {
  const n = state.distributionNumber + 1;
  const source = `synthetic period ${n} (${accrualPeriod(deal, n).days} days)`;
  const clean = shape.cleanUpCall === true;
  if (deal.groups.length === 0) {
    return {
      ...groupPeriod(deal, state.poolBalance, state.loanCount, shape, n),
      distributionDate: distributionDate(deal, n),
      cleanUpCall: clean,
      source,
    };
  }
  const last = deal.groups.length - 1;
  let loansLeft = state.loanCount;
  const groups = deal.groups.map((g, i) => {
    const balance = state.groupPoolBalances?.[g.name] ?? g.cutoffBalance;
    // The loans split as the balances are (the state keeps the pool's count only), the last
    // group taking what the others leave.
    const count =
      i === last
        ? loansLeft
        : Math.round((state.loanCount * balance) / Math.max(1, state.poolBalance));
    loansLeft -= count;
    const wac = (shape.wac ?? 0.0866) + 0.004 * i;
    return groupPeriod(deal, balance, count, { ...shape, wac }, n);
  });
  return {
    ...sumCollections(groups),
    distributionDate: distributionDate(deal, n),
    cleanUpCall: clean,
    source,
    groups: Object.fromEntries(deal.groups.map((g, i) => [g.name, groups[i]!])),
  };
}

function groupPeriod(
  deal: Deal,
  begin: Cents,
  loanCount: number,
  shape: PeriodShape,
  n: number,
): GroupCollections {
  const wac = shape.wac ?? 0.0866;
  const clean = shape.cleanUpCall === true;
  const scheduled = clean ? ZERO : roundHalfUp(begin * 0.0008);
  const defaulted = clean ? ZERO : roundHalfUp((begin - scheduled) * (shape.mdr ?? 0));
  const severity = shape.severity ?? 0.4;
  const realizedLosses = roundHalfUp(defaulted * severity);
  const liquidationProceeds = cents(defaulted - realizedLosses);
  const prepaid = clean ? ZERO : roundHalfUp((begin - scheduled - defaulted) * (shape.smm ?? 0));
  const curtailments = roundHalfUp(prepaid * 0.05);
  const paymentsInFull = cents(prepaid - curtailments);
  const repurchasePrincipal = clean ? begin : ZERO;
  const ending = cents(begin - scheduled - defaulted - prepaid - repurchasePrincipal);
  const serious = roundHalfUp(ending * (shape.seriousDelinquency ?? 0));
  const delinquency: Delinquency = {
    days30to59: bucket(3, roundHalfUp(ending * 0.01)),
    days60to89: bucket(serious > 0 ? 1 : 0, serious),
    days90plus: none,
    foreclosure: none,
    bankruptcy: none,
    bankruptcy60plus: none,
    reo: none,
    reoBookValue: ZERO,
  };
  const loanSize = Math.max(1, Math.round(deal.cutoffBalance / deal.cutoffLoanCount));
  const loansGone = Math.min(loanCount, Math.round((paymentsInFull + defaulted) / loanSize));
  return {
    beginningPoolBalance: begin,
    endingPoolBalance: ending,
    beginningLoanCount: loanCount,
    endingLoanCount: clean ? 0 : loanCount - loansGone,
    scheduledPrincipal: scheduled,
    curtailments,
    paymentsInFull,
    liquidationProceeds,
    repurchasePrincipal,
    realizedLosses,
    bankruptcyLosses: ZERO,
    interestCollected: accrue(begin, wac, 30, 360),
    compensatingInterest: shape.compensatingInterest ?? ZERO,
    prepaymentInterestShortfall: shape.prepaymentInterestShortfall ?? ZERO,
    reliefActShortfall: shape.reliefActShortfall ?? ZERO,
    prepaymentCharges: roundHalfUp(paymentsInFull * (shape.prepaymentChargeRate ?? 0)),
    advances: roundHalfUp(begin * 0.006),
    reoPrincipalAmortization: ZERO,
    extraordinaryExpenses: cents(shape.extraordinaryExpenses ?? 0),
    weightedAverageRate: wac,
    weightedAverageRemainingTerm: Math.max(0, 358 - n),
    delinquency,
  };
}
