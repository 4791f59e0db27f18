import {
  accruesInterest,
  type Deal,
  type InterestBearingClass,
  type InterestOnlyClass,
} from '../deal/deal.ts';
import { accrualPeriod } from '../deal/schedule.ts';
import { TrusteeError } from '../errors/catalogue.ts';
import { add, cents, sub, ZERO, type Cents } from '../money/cents.ts';
import type { PlainDate } from '../money/plainDate.ts';
import { allocate } from '../money/allocate.ts';
import { applyStep, type Fund } from './applyStep.ts';
import { applyRealizedLosses } from './appliedRealizedLossAmount.ts';
import { checkDistributionDate } from './checkDistributionDate.ts';
import { classStepdownTests } from './classStepdownTests.ts';
import { creditEnhancementPercentage } from './creditEnhancementPercentage.ts';
import { distributionRecord } from './distributionRecord.ts';
import { expensesUnderCap } from './extraordinaryExpenses.ts';
import { feeAmounts, feeParts } from './feeAmounts.ts';
import { stepFunds } from './fund.ts';
import { groupCollections } from './groupCollections.ts';
import { interestOnlyNotional } from './interestOnlyNotional.ts';
import { interestRemittanceAmount } from './interestRemittanceAmount.ts';
import { allocateInterestShortfalls } from './interestShortfalls.ts';
import { certificateBalance, newLedger, type Ledger } from './ledger.ts';
import {
  monthlyInterestDistributableAmount,
  type ClassInterest,
} from './monthlyInterestDistributableAmount.ts';
import type { Phase } from './fund.ts';
import { netMonthlyExcessCashflow } from './netMonthlyExcessCashflow.ts';
import { supplementalAmounts } from './netSwapPayment.ts';
import { groupNetLoanRates, netWacRate } from './netWacRate.ts';
import { seniorPrincipalDistributionAmounts } from './seniorPrincipalDistributionAmount.ts';
import { overcollateralizationAmounts } from './overcollateralizationAmounts.ts';
import { payPrepaymentCharges } from './prepaymentCharges.ts';
import { principalRemittanceAmount } from './principalRemittanceAmount.ts';
import { requiredOvercollateralizedAmount } from './requiredOvercollateralizedAmount.ts';
import { stepdownDate, stepdownReason } from './stepdownDate.ts';
import { triggerEvent, triggerMemory, triggerTests } from './triggerEvent.ts';
import type { ClassState, CollectionPeriod, DealState, Distribution } from './types.ts';

/** The index fixing for the period and the date it was determined. */
export interface IndexFixing {
  readonly rate: number;
  readonly determinationDate: PlainDate;
}

export interface DistributeOptions {
  /**
   * Record the trace (default true). Projections that run millions of months turn it off:
   * the figures are the same, only the audit trail is not built.
   */
  readonly trace?: boolean;
}

/**
 * Runs one distribution date: the pooling and servicing agreement's priorities of payment over
 * one collection period's totals. Pure: (deal, state before, period totals, index fixing) ->
 * (distribution with its trace, state after). The same function runs actual distributions from
 * remittance data and projected ones from modeled collateral. Each amount the agreement defines
 * is computed by the function named for it (one a file); what stays here is the order of the
 * agreement's section on distributions.
 */
export function distribute(
  deal: Deal,
  stateBefore: DealState,
  period: CollectionPeriod,
  index: IndexFixing,
  file = '<period>',
  options: DistributeOptions = {},
): { distribution: Distribution; state: DealState } {
  let state = stateBefore;
  const n = checkDistributionDate(deal, state, period, file);
  const accrual = accrualPeriod(deal, n);
  const endingPool = period.endingPoolBalance;
  const terminated = period.cleanUpCall === true;

  // Amounts due: the fees, and each class's Monthly Interest Distributable Amount at its
  // pass-through rate (the coupon capped by the Net WAC Rate). The margins step up once the pool
  // was at or below the clean-up call threshold on an earlier date (the Optional Termination
  // Date passed).
  // With loan groups, each group's fees, and each class's Net WAC from its group's loans (the
  // subordinates' from all groups').
  const groups = groupCollections(deal, state, period, file);
  const grouped = groups.length > 0;
  const parts = grouped ? feeParts(deal, groups, accrual, n) : undefined;
  const fees = parts ? feeTotals(parts) : feeAmounts(deal, period, accrual, n);
  const steppedUp = n > 1 && state.poolBalance <= deal.cleanUpCallBalance;
  const netWac = netWacRate(period.weightedAverageRate, deal.netWacFeeRate, accrual.days);
  const netLoanRate = period.weightedAverageRate - deal.netWacFeeRate;
  const groupRates = grouped ? groupNetLoanRates(deal, state, groups) : undefined;
  // Interest-only classes accrue on their notional for the date: the working balance they carry.
  if (deal.interestOnlyClasses.length > 0) state = withNotionals(deal, state, n);
  const accrueClass = (c: InterestBearingClass | InterestOnlyClass): ClassInterest => {
    const group = groupRates ? deal.seniorGroup.get(c.name) : undefined;
    const classNetRate = !groupRates
      ? netLoanRate
      : group !== undefined
        ? groupRates.groups[group]!
        : groupRates.subordinate;
    return monthlyInterestDistributableAmount(
      c,
      state.classes[c.name] as ClassState,
      index.rate,
      classNetRate,
      accrual.days,
      steppedUp,
    );
  };
  // Each class's interest in the deal's order of classes (none for CE, P and R).
  const interest = deal.classes.map((c) => (accruesInterest(c) ? accrueClass(c) : undefined));

  // The tests made after principal collections, before distributions: the senior Credit
  // Enhancement Percentage, the Trigger Event and the Stepdown Date.
  let seniorBefore = 0;
  for (const name of deal.stepdown.seniorClasses) seniorBefore += state.classes[name]?.balance ?? 0;
  const pClass = deal.prepaymentChargeClass?.name;
  const seniorEnhancement = creditEnhancementPercentage(
    cents(seniorBefore),
    endingPool,
    pClass !== undefined ? (state.classes[pClass]?.balance ?? ZERO) : ZERO,
  );
  const cumulativeRealizedLosses = add(state.cumulativeRealizedLosses, period.realizedLosses);
  const tracing = options.trace ?? true;
  const tests = triggerTests(
    deal,
    state,
    period,
    n,
    seniorEnhancement,
    cumulativeRealizedLosses,
    tracing,
  );
  const inTrigger = triggerEvent(tests, deal.triggerEvent);
  const stepdown = stepdownDate(deal, state, n, seniorBefore, seniorEnhancement);
  const ledger = newLedger(
    deal,
    state,
    interest,
    fees,
    { distributionNumber: n, triggerEvent: inTrigger, stepdownDate: stepdown, terminated },
    endingPool,
    tracing,
  );
  if (parts) {
    ledger.feeParts = new Map(
      [...parts].map(([name, dues]) => [name, dues.map((due) => ({ due, paid: ZERO }))]),
    );
  }
  if (ledger.tracing) {
    ledger.note({
      phase: 'tests',
      step: 'stepdownDate',
      reason: stepdownReason(deal, state, n, seniorBefore, seniorEnhancement, stepdown),
      inputs: { distributionNumber: n, seniorEnhancement, stepdownDate: stepdown },
    });
    for (const t of tests) {
      ledger.note({
        phase: 'tests',
        step: `trigger:${t.kind}`,
        reason: t.description,
        inputs: { value: t.value, threshold: t.threshold, breached: t.breached },
      });
    }
  }

  // The supplemental interest trust: the swap's legs and the cap's payment at this date's index.
  const supplemental =
    deal.swap || deal.cap
      ? supplementalAmounts(deal.swap, deal.cap, n, index.rate, accrual.days)
      : undefined;
  if (supplemental) {
    ledger.netSwapPaymentDue = supplemental.netSwapPayment;
    ledger.swapTerminationDue = supplemental.swapTerminationPayment;
    if (grouped && supplemental.netSwapPayment > 0) {
      const balances = groups.map((g) => g.beginningPoolBalance);
      ledger.netSwapPaymentParts = allocate(
        supplemental.netSwapPayment,
        balances.some((b) => b > 0) ? balances : balances.map(() => 1),
      ).map((due) => ({ due, paid: ZERO }));
    }
    if (ledger.tracing) {
      ledger.note({
        phase: 'available',
        step: 'supplementalInterestTrust',
        amount: add(supplemental.netSwapReceipt, supplemental.capReceipt),
        reason: `swap: fixed leg ${(supplemental.swapFixed / 100).toFixed(2)} against floating leg ${(supplemental.swapFloating / 100).toFixed(2)} on ${(supplemental.swapNotional / 100).toFixed(2)}; cap ${(supplemental.capReceipt / 100).toFixed(2)} on ${(supplemental.capNotional / 100).toFixed(2)}`,
        inputs: {
          netSwapPayment: supplemental.netSwapPayment,
          netSwapReceipt: supplemental.netSwapReceipt,
          capReceipt: supplemental.capReceipt,
        },
      });
    }
  }

  // (1) The Interest Remittance Amount, less the interest shortfalls allocated to the classes,
  // to the Net Swap Payment, the fees and the classes' interest.
  // With loan groups, each group's Interest Remittance Amount is a fund of its own. Under an
  // annual cap on extraordinary expenses only those within it come off (each group's share).
  const expenses = expensesUnderCap(deal.extraordinaryExpenseCap, state, period);
  if (expenses) ledger.expensesAboveCap = expenses.aboveCap;
  const groupExpenses = !expenses
    ? groups.map((g) => g.extraordinaryExpenses)
    : grouped && expenses.senior > 0
      ? allocate(
          expenses.senior,
          groups.map((g) => g.extraordinaryExpenses),
        )
      : groups.map(() => ZERO);
  const interestFunds: Fund[] = grouped
    ? groups.map((g, i) => ({
        name: `Interest Remittance Amount (Group ${deal.groups[i]!.name})`,
        available: interestRemittanceAmount(ledger, g, deal.groups[i]!.name, groupExpenses[i]),
        group: i,
      }))
    : [
        {
          name: 'Interest Remittance Amount',
          available: interestRemittanceAmount(
            ledger,
            period,
            undefined,
            expenses?.senior ?? period.extraordinaryExpenses,
          ),
        },
      ];
  if (grouped) {
    // A group whose expenses exceed its own interest: the rest comes off the other groups'.
    let unabsorbed = 0;
    groups.forEach((g, i) => {
      unabsorbed += Math.max(0, groupExpenses[i]! - g.interestCollected - g.compensatingInterest);
    });
    for (const fund of interestFunds) {
      const take = Math.min(fund.available, unabsorbed);
      fund.available = cents(fund.available - take);
      unabsorbed -= take;
    }
  }
  const groupInterestRemittance = interestFunds.map((f) => f.available);
  const interestRemittance = total(groupInterestRemittance);
  allocateInterestShortfalls(ledger, period, interestRemittance);
  const interestLeft = payPriority(ledger, 'interest', interestFunds);

  // (2) The Principal Distribution Amount: the Principal Remittance Amount less the
  // Overcollateralization Reduction Amount, to the classes' principal.
  const principalRemittance = principalRemittanceAmount(period);
  const required = requiredOvercollateralizedAmount(
    deal,
    stepdown,
    inTrigger,
    state.requiredOvercollateralization,
    endingPool,
    terminated,
  );
  const oc = overcollateralizationAmounts(
    ledger,
    certificateBalance(ledger),
    principalRemittance,
    required,
  );
  if (ledger.tracing) {
    ledger.note({
      phase: 'available',
      step: 'principalRemittanceAmount',
      amount: principalRemittance,
      reason:
        'scheduled principal + curtailments + payments in full + net liquidation proceeds + repurchases',
    });
  }
  // The classes' own stepdown tests, after the Stepdown Date (deals whose classes have them).
  const classTests = classStepdownTests(ledger);
  if (classTests.some((t) => !t.passed)) {
    ledger.classStepdownFailed = new Set(
      classTests.filter((t) => !t.passed).map((t) => t.className),
    );
  }
  // With loan groups, each group's Principal Distribution Amount: its Principal Remittance
  // Amount less its share of the reduction (by its share of the Principal Remittance Amount);
  // after the Stepdown Date each group's part of the Senior Principal Distribution Amount.
  const groupPrincipalRemittance = groups.map((g) => principalRemittanceAmount(g));
  const groupReduction =
    grouped && oc.reduction > 0
      ? allocate(oc.reduction, groupPrincipalRemittance)
      : groups.map(() => ZERO);
  const principalFunds: Fund[] = grouped
    ? groups.map((_, i) => ({
        name: `Principal Distribution Amount (Group ${deal.groups[i]!.name})`,
        available: sub(groupPrincipalRemittance[i]!, groupReduction[i]!),
        group: i,
      }))
    : [
        {
          name: 'Principal Distribution Amount',
          available: sub(principalRemittance, oc.reduction),
        },
      ];
  if (grouped) {
    ledger.groupPrincipalShares = groupPrincipalRemittance;
    if (ledger.targetsApply) {
      ledger.seniorPrincipalBudget = seniorPrincipalDistributionAmounts(
        ledger,
        groupPrincipalRemittance,
        groups.map((g) => g.endingPoolBalance),
      );
    }
  }
  const seniorBudgets = ledger.seniorPrincipalBudget?.slice();
  const principalLeft = payPriority(ledger, 'principal', principalFunds);
  const principalDistributed = sub(sub(principalRemittance, oc.reduction), principalLeft);

  // (3) The Net Monthly Excess Cashflow: the Extra Principal Distribution Amount, unpaid
  // interest, reimbursements, Net WAC Rate Carryover, and the remainder to CE, then R.
  const excessCashflow = netMonthlyExcessCashflow(
    ledger,
    interestLeft,
    oc.reduction,
    principalLeft,
  );
  const excessLeft = payPriority(ledger, 'excess', [
    { name: 'Net Monthly Excess Cashflow', available: excessCashflow },
  ]);
  if (excessLeft > 0) {
    // The loader refuses excess steps that never reach a remainder; a remainder that names no
    // class would leave cash undistributed: refuse rather than lose it.
    throw new TrusteeError(
      'INVALID_DEAL',
      `${deal.id}: ${(excessLeft / 100).toFixed(2)} of excess cashflow has no payee`,
      [
        {
          field: 'waterfall.excess',
          message: 'the excess cashflow steps must end with a remainder step',
          expected: '{ "kind": "remainder", ... }',
        },
      ],
    );
  }

  // (3a) The swap and cap receipts, to what the classes are still owed, the rest to CE.
  const receipts = supplemental
    ? add(supplemental.netSwapReceipt, supplemental.capReceipt, supplemental.swapTerminationReceipt)
    : ZERO;
  if (supplemental) {
    const left = payPriority(ledger, 'supplemental', [
      { name: 'Supplemental Interest Trust', available: receipts },
    ]);
    if (left > 0) {
      // The loader requires the supplemental priority to end in a remainder with no condition.
      throw new Error(`internal: ${left} of swap and cap receipts have no payee`);
    }
  }

  // (4) Applied Realized Loss Amounts, and the prepayment charges to class P.
  const appliedLosses = applyRealizedLosses(ledger);
  payPrepaymentCharges(ledger, period, file);

  return distributionRecord(ledger, state, period, {
    distributionNumber: n,
    accrual,
    index,
    netWacRate: netWac,
    interestRemittanceAmount: interestRemittance,
    principalRemittanceAmount: principalRemittance,
    principalDistributed,
    required,
    overcollateralization: oc,
    netMonthlyExcessCashflow: excessCashflow,
    appliedLosses,
    seniorEnhancement,
    cumulativeRealizedLosses,
    stepdownDate: stepdown,
    triggerEvent: inTrigger,
    triggerTests: tests,
    classStepdownTests: classTests,
    terminated,
    triggerMemory: triggerMemory(deal, state, tests, period),
    supplemental: supplemental && {
      ...supplemental,
      netSwapPaymentPaid: ledger.netSwapPaymentPaid,
      swapTerminationPaid: ledger.swapTerminationPaid,
      receipts,
    },
    expenses: expenses && {
      incurred: period.extraordinaryExpenses,
      reimbursedSenior: expenses.senior,
      capRemaining: expenses.capRemaining,
      year: expenses.year,
      reimbursedThisYear: expenses.reimbursedThisYear,
      aboveCap: expenses.aboveCap,
      reimbursedFromExcess: ledger.expensesReimbursedFromExcess,
      unpaidAfter: cents(expenses.aboveCap - ledger.expensesReimbursedFromExcess),
    },
    loanGroups:
      grouped && groupRates
        ? {
            groups: groups.map((collections, i) => ({
              name: deal.groups[i]!.name,
              collections,
              netWacRate: (groupRates.groups[i]! * 30) / accrual.days,
              interestRemittanceAmount: groupInterestRemittance[i]!,
              principalRemittanceAmount: groupPrincipalRemittance[i]!,
              overcollateralizationReduction: groupReduction[i]!,
              seniorPrincipalDistributionAmount: seniorBudgets?.[i],
            })),
            subordinateNetWacRate: (groupRates.subordinate * 30) / accrual.days,
          }
        : undefined,
  });
}

function total(amounts: readonly Cents[]): Cents {
  let sum = 0;
  for (const amount of amounts) sum += amount;
  return cents(sum);
}

function feeTotals(parts: ReadonlyMap<string, readonly Cents[]>): Map<string, Cents> {
  return new Map([...parts].map(([name, dues]) => [name, total(dues)]));
}

/** The state with each interest-only class's balance set to its notional for distribution n. */
function withNotionals(deal: Deal, state: DealState, n: number): DealState {
  const classes = { ...state.classes };
  for (const io of deal.interestOnlyClasses) {
    const notional = interestOnlyNotional(io, n, state.classes, state.poolBalance);
    classes[io.name] = { ...classes[io.name]!, balance: notional };
  }
  return { ...state, classes };
}

/**
 * Runs one priority of payment of the deal over its funds (one, or one per loan group); returns
 * what is left of them.
 */
function payPriority(ledger: Ledger, phase: Phase, funds: readonly Fund[]): Cents {
  const steps = ledger.deal.waterfall[phase];
  if (funds.length === 1) {
    // One fund (a pool of one group, the excess cashflow): the path projections run most.
    const fund = funds[0]!;
    for (let k = 0; k < steps.length; k++) applyStep(ledger, steps[k]!, fund, phase);
    return fund.available;
  }
  for (const step of steps) {
    for (const fund of stepFunds(ledger.deal, step, funds)) applyStep(ledger, step, fund, phase);
  }
  let left = 0;
  for (const fund of funds) left += fund.available;
  return cents(left);
}
