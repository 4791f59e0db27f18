import { bearsInterest, type InterestOnlyClass } from '../deal/deal.ts';
import type { AccrualPeriod } from '../deal/schedule.ts';
import { add, cents, excess, ZERO, type Cents } from '../money/cents.ts';
import { creditEnhancementPercentage } from './creditEnhancementPercentage.ts';
import { delinquencyPercentage } from './delinquencyPercentage.ts';
import type { IndexFixing } from './distribute.ts';
import { interestOnlyNotional } from './interestOnlyNotional.ts';
import { reserveFundTarget } from './reserveFund.ts';
import { certificateBalance, workingClass, type Ledger } from './ledger.ts';
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
    for (const c of ledger.classes.values()) after[c.name] = { ...ZERO_STATE, balance: c.balance };
    return interestOnlyNotional(io, f.distributionNumber + 1, after, endingPool);
  };
  const classes: ClassDistribution[] = deal.classes.map((definition) => {
    const c = workingClass(ledger, definition.name);
    const before = state.classes[definition.name] as ClassState;
    const i = c.interest;
    const isFloating = bearsInterest(definition) || definition.kind === 'interestOnly';
    const unpaidInterest = isFloating
      ? add(
          excess(i?.carryForwardDue ?? ZERO, c.carryForwardPaid),
          excess(c.currentDue, c.currentPaid),
        )
      : ZERO;
    const netWacCarryover = isFloating
      ? excess(i?.netWacCarryoverDue ?? ZERO, c.netWacCarryoverPaid)
      : ZERO;
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
      endingBalance: definition.kind === 'interestOnly' ? endingNotional(definition) : c.balance,
      unpaidInterest,
      netWacCarryover,
      netWacCarryoverCurrent: i?.netWacCarryoverCurrent ?? ZERO,
      unpaidRealizedLoss: isFloating
        ? add(excess(c.unpaidRealizedLoss, c.realizedLossReimbursed), c.realizedLoss)
        : ZERO,
    };
  });

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
    ...(f.classStepdownTests.length > 0 ? { classStepdownTests: f.classStepdownTests } : {}),
    optionalTerminationDate: endingPool <= deal.cleanUpCallBalance,
    cleanUpCallExercised: f.terminated,
    cumulativeRealizedLosses: f.cumulativeRealizedLosses,
    lossSeverity: liquidated > 0 ? period.realizedLosses / liquidated : 0,
    netPrepaymentInterestShortfall: excess(
      period.prepaymentInterestShortfall,
      period.compensatingInterest,
    ),
    ...(f.supplemental ? { supplementalInterestTrust: f.supplemental } : {}),
    ...(f.expenses ? { extraordinaryExpenses: f.expenses } : {}),
    ...(f.loanGroups
      ? {
          loanGroups: f.loanGroups.groups,
          subordinateNetWacRate: f.loanGroups.subordinateNetWacRate,
        }
      : {}),
    ...(ledger.reserveFund
      ? {
          reserveFund: {
            beginningBalance: state.reserveFundBalance ?? ZERO,
            target: reserveFundTarget(ledger),
            deposited: ledger.reserveFund.deposited,
            drawn: ledger.reserveFund.drawn,
            released: ledger.reserveFund.released,
            endingBalance: ledger.reserveFund.balance,
          },
        }
      : {}),
    trace: ledger.trace,
  };

  const nextClasses: Record<string, ClassState> = {};
  for (const c of classes) {
    nextClasses[c.name] = {
      balance: c.endingBalance,
      unpaidInterest: c.unpaidInterest,
      netWacCarryover: c.netWacCarryover,
      unpaidRealizedLoss: c.unpaidRealizedLoss,
    };
  }
  const next: DealState = {
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
    ...f.triggerMemory,
    ...(ledger.reserveFund ? { reserveFundBalance: ledger.reserveFund.balance } : {}),
    ...(f.expenses
      ? {
          extraordinaryExpenses: {
            year: f.expenses.year,
            reimbursed: f.expenses.reimbursedThisYear,
            unpaid: f.expenses.unpaidAfter,
          },
        }
      : {}),
    ...(f.loanGroups
      ? {
          groupPoolBalances: Object.fromEntries(
            f.loanGroups.groups.map((g) => [g.name, g.collections.endingPoolBalance]),
          ),
        }
      : {}),
  };
  return { distribution, state: next };
}
