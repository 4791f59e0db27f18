import { accruesInterest, type InterestOnlyClass } from '../deal/deal.ts';
import type { AccrualPeriod } from '../deal/schedule.ts';
import { add, cents, excess, ZERO, type Cents } from '../money/cents.ts';
import { creditEnhancementPercentage } from './creditEnhancementPercentage.ts';
import { delinquencyPercentage } from './delinquencyPercentage.ts';
import type { IndexFixing } from './distribute.ts';
import { interestOnlyNotional } from './interestOnlyNotional.ts';
import { reserveFundTarget } from './reserveFund.ts';
import { certificateBalance, workingClass, type Ledger, type WorkingClass } from './ledger.ts';
import type { ClassStepdownTest } from './classStepdownTests.ts';
import type { ExpenseFigures } from './extraordinaryExpenses.ts';
import type { OvercollateralizationAmounts } from './overcollateralizationAmounts.ts';
import type {
  ClassDistribution,
  ClassState,
  CollectionPeriod,
  DealState,
  Distribution,
  LoanGroupFigures,
  SupplementalInterestTrustFigures,
  TriggerTest,
} from './types.ts';

const ZERO_STATE: ClassState = {
  balance: ZERO,
  unpaidInterest: ZERO,
  netWacCarryover: ZERO,
  unpaidRealizedLoss: ZERO,
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * One class's figures of the date from its working figures: what it was paid and what it still
 * carries forward (unpaid interest, Net WAC Rate Carryover, unpaid realized losses: floating and
 * interest-only classes only). CE begins the date at its OC before the distribution.
 */
function classRecord(
  c: WorkingClass,
  before: ClassState,
  ceBefore: Cents,
  period: CollectionPeriod,
): Mutable<ClassDistribution> {
  const definition = c.definition;
  const i = c.interest;
  const isFloating = accruesInterest(definition);
  const interestPaid = add(c.currentPaid, c.carryForwardPaid, c.otherPaid);
  return {
    name: definition.name,
    beginningBalance:
      definition.kind === 'overcollateralization'
        ? ceBefore
        : definition.kind === 'interestOnly'
          ? c.balance
          : before.balance,
    passThroughRate:
      i?.passThroughRate ??
      (definition.kind === 'overcollateralization' && period.beginningPoolBalance > 0
        ? (interestPaid * 12) / period.beginningPoolBalance
        : 0),
    couponRate: i?.couponRate ?? 0,
    accruedInterest: i?.accrued ?? ZERO,
    prepaymentInterestShortfall: c.prepaymentInterestShortfall,
    reliefActShortfall: c.reliefActShortfall,
    interestPaid,
    principalPaid: c.principalPaid,
    realizedLoss: c.realizedLoss,
    realizedLossReimbursed: c.realizedLossReimbursed,
    netWacCarryoverPaid: c.netWacCarryoverPaid,
    endingBalance: c.balance,
    unpaidInterest: isFloating
      ? add(
          excess(i?.carryForwardDue ?? ZERO, c.carryForwardPaid),
          excess(c.currentDue, c.currentPaid),
        )
      : ZERO,
    netWacCarryover: isFloating
      ? excess(i?.netWacCarryoverDue ?? ZERO, c.netWacCarryoverPaid)
      : ZERO,
    netWacCarryoverCurrent: i?.netWacCarryoverCurrent ?? ZERO,
    unpaidRealizedLoss: isFloating
      ? add(excess(c.unpaidRealizedLoss, c.realizedLossReimbursed), c.realizedLoss)
      : ZERO,
  };
}

/** What `distribute` decided and computed on the way, for the record of the date. */
export interface DateFigures {
  readonly distributionNumber: number;
  readonly accrual: AccrualPeriod;
  readonly index: IndexFixing;
  readonly netWacRate: number;
  readonly interestRemittanceAmount: Cents;
  readonly principalRemittanceAmount: Cents;
  readonly principalDistributed: Cents;
  readonly required: Cents;
  readonly overcollateralization: OvercollateralizationAmounts;
  readonly netMonthlyExcessCashflow: Cents;
  readonly appliedLosses: Cents;
  readonly seniorEnhancement: number;
  readonly cumulativeRealizedLosses: Cents;
  readonly stepdownDate: boolean;
  readonly triggerEvent: boolean;
  readonly triggerTests: readonly TriggerTest[];
  readonly classStepdownTests: readonly ClassStepdownTest[];
  readonly terminated: boolean;
  readonly supplemental: SupplementalInterestTrustFigures | undefined;
  /** Deals with an annual cap on extraordinary expenses: the date's expenses under it. */
  readonly expenses: ExpenseFigures | undefined;
  /** Deals with loan groups: each group's figures, and the subordinates' Net WAC Rate. */
  readonly loanGroups:
    | { readonly groups: readonly LoanGroupFigures[]; readonly subordinateNetWacRate: number }
    | undefined;
  /** What the trust keeps of its triggers for the next date (`triggerMemory`). */
  readonly triggerMemory: Pick<DealState, 'delinquencyHistory' | 'breachedTriggers'>;
}

/**
 * The record of a distribution date from the worked ledger: CE's balance set to the OC after
 * the distribution (it absorbs the realized losses not written down), each class's figures in
 * the deal's order with its carry-forwards, the date's figures, and the trust's state after.
 */
export function distributionRecord(
  ledger: Ledger,
  state: DealState,
  period: CollectionPeriod,
  f: DateFigures,
): { distribution: Distribution; state: DealState } {
  const deal = ledger.deal;
  const endingPool = ledger.endingPool;
  const ocAmount = cents(Math.max(endingPool - certificateBalance(ledger), 0));
  const ce = workingClass(ledger, deal.overcollateralizationClass.name);
  const ceBefore = ce.balance;
  ce.balance = ocAmount;
  ce.realizedLoss = excess(period.realizedLosses, f.appliedLosses);

  // An interest-only class ends the date at its notional for the next one.
  const endingNotional = (io: InterestOnlyClass): Cents => {
    const after: Record<string, ClassState> = {};
    for (const c of ledger.classes) after[c.name] = { ...ZERO_STATE, balance: c.balance };
    return interestOnlyNotional(io, f.distributionNumber + 1, after, endingPool);
  };
  // Each class's record and its state for the next date, in the deal's order (the ledger's).
  const classes: ClassDistribution[] = [];
  const nextClasses: Record<string, ClassState> = {};
  for (const c of ledger.classes) {
    const definition = c.definition;
    const record = classRecord(c, state.classes[c.name] as ClassState, ceBefore, period);
    if (definition.kind === 'interestOnly') record.endingBalance = endingNotional(definition);
    classes.push(record);
    nextClasses[definition.name] = {
      balance: record.endingBalance,
      unpaidInterest: record.unpaidInterest,
      netWacCarryover: record.netWacCarryover,
      unpaidRealizedLoss: record.unpaidRealizedLoss,
    };
  }

  let seniorAfter = 0;
  for (const name of deal.stepdown.seniorClasses) seniorAfter += workingClass(ledger, name).balance;
  const liquidated = add(period.realizedLosses, period.liquidationProceeds);
  const distribution: Distribution = {
    dealId: deal.id,
    distributionNumber: f.distributionNumber,
    distributionDate: period.distributionDate,
    accrualStart: f.accrual.start,
    accrualEnd: f.accrual.end,
    accrualDays: f.accrual.days,
    indexRate: f.index.rate,
    indexDeterminationDate: f.index.determinationDate,
    period,
    classes,
    fees: deal.fees.map((fee) => ({
      name: fee.name,
      payee: fee.payee,
      amount: ledger.fees.get(fee.name)?.paid ?? ZERO,
      servicerCompensation: fee.servicerCompensation,
    })),
    interestRemittanceAmount: f.interestRemittanceAmount,
    principalRemittanceAmount: f.principalRemittanceAmount,
    principalDistributionAmount: add(f.principalDistributed, ledger.extraPrincipalPaid),
    netWacRate: f.netWacRate,
    overcollateralization: {
      required: f.required,
      amount: ocAmount,
      deficiency: excess(f.required, ocAmount),
      increase: ledger.extraPrincipalPaid,
      reduction: f.overcollateralization.reduction,
      floor: deal.overcollateralization.floor,
    },
    netMonthlyExcessCashflow: f.netMonthlyExcessCashflow,
    creditEnhancementPercentage: creditEnhancementPercentage(
      cents(seniorAfter),
      endingPool,
      deal.prepaymentChargeClass
        ? workingClass(ledger, deal.prepaymentChargeClass.name).balance
        : ZERO,
    ),
    seniorEnhancementPercentage: f.seniorEnhancement,
    delinquencyPercentage: delinquencyPercentage(period.delinquency, endingPool),
    stepdownDate: f.stepdownDate,
    triggerEvent: f.triggerEvent,
    triggerTests: f.triggerTests,
    // The optional figures are undefined rather than left out: every date's record then has one
    // shape (an object literal, not one grown by spreads), which the grid reads fast; JSON and
    // the statements drop undefined alike.
    classStepdownTests: f.classStepdownTests.length > 0 ? f.classStepdownTests : undefined,
    optionalTerminationDate: endingPool <= deal.cleanUpCallBalance,
    cleanUpCallExercised: f.terminated,
    cumulativeRealizedLosses: f.cumulativeRealizedLosses,
    lossSeverity: liquidated > 0 ? period.realizedLosses / liquidated : 0,
    netPrepaymentInterestShortfall: excess(
      period.prepaymentInterestShortfall,
      period.compensatingInterest,
    ),
    supplementalInterestTrust: f.supplemental,
    extraordinaryExpenses: f.expenses,
    loanGroups: f.loanGroups?.groups,
    subordinateNetWacRate: f.loanGroups?.subordinateNetWacRate,
    reserveFund: ledger.reserveFund && {
      beginningBalance: state.reserveFundBalance ?? ZERO,
      target: reserveFundTarget(ledger),
      deposited: ledger.reserveFund.deposited,
      drawn: ledger.reserveFund.drawn,
      released: ledger.reserveFund.released,
      endingBalance: ledger.reserveFund.balance,
    },
    trace: ledger.trace,
  };

  // A state leaves out what its deal does not have (stored states stay as they were); the
  // optional fields are assigned in the order the type lists them.
  const next: Mutable<DealState> = {
    dealId: deal.id,
    distributionNumber: f.distributionNumber,
    lastDate: period.distributionDate,
    poolBalance: endingPool,
    loanCount: period.endingLoanCount,
    classes: nextClasses,
    requiredOvercollateralization: f.required,
    stepdownOccurred: f.stepdownDate,
    cumulativeRealizedLosses: f.cumulativeRealizedLosses,
    terminated: f.terminated,
  };
  const memory = f.triggerMemory;
  if (memory.delinquencyHistory) next.delinquencyHistory = memory.delinquencyHistory;
  if (memory.breachedTriggers) next.breachedTriggers = memory.breachedTriggers;
  if (ledger.reserveFund) next.reserveFundBalance = ledger.reserveFund.balance;
  if (f.expenses) {
    next.extraordinaryExpenses = {
      year: f.expenses.year,
      reimbursed: f.expenses.reimbursedThisYear,
      unpaid: f.expenses.unpaidAfter,
    };
  }
  if (f.loanGroups) {
    next.groupPoolBalances = Object.fromEntries(
      f.loanGroups.groups.map((g) => [g.name, g.collections.endingPoolBalance]),
    );
  }
  return { distribution, state: next };
}
