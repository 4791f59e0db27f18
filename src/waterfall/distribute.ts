import type { Deal, InterestBearingClass, InterestOnlyClass } from '../deal/deal.ts';
import { accrualPeriod } from '../deal/schedule.ts';
import { TrusteeError } from '../errors/catalogue.ts';
import { add, cents, sub, ZERO } from '../money/cents.ts';
import type { PlainDate } from '../money/plainDate.ts';
import { applyStep, type Fund } from './applyStep.ts';
import { applyRealizedLosses } from './appliedRealizedLossAmount.ts';
import { checkDistributionDate } from './checkDistributionDate.ts';
import { creditEnhancementPercentage } from './creditEnhancementPercentage.ts';
import { distributionRecord } from './distributionRecord.ts';
import { feeAmounts } from './feeAmounts.ts';
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
import { netWacRate } from './netWacRate.ts';
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
  const fees = feeAmounts(deal, period, accrual, n);
  const steppedUp = n > 1 && state.poolBalance <= deal.cleanUpCallBalance;
  const netWac = netWacRate(period.weightedAverageRate, deal.netWacFeeRate, accrual.days);
  const netLoanRate = period.weightedAverageRate - deal.netWacFeeRate;
  const interest = new Map<string, ClassInterest>();
  // Interest-only classes accrue on their notional for the date: the working balance they carry.
  if (deal.interestOnlyClasses.length > 0) state = withNotionals(deal, state, n);
  const accrueClass = (c: InterestBearingClass | InterestOnlyClass): void => {
    const before = state.classes[c.name] as ClassState;
    interest.set(
      c.name,
      monthlyInterestDistributableAmount(
        c,
        before,
        index.rate,
        netLoanRate,
        accrual.days,
        steppedUp,
      ),
    );
  };
  deal.interestBearingClasses.forEach(accrueClass);
  deal.interestOnlyClasses.forEach(accrueClass);

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
  const tests = triggerTests(deal, state, period, n, seniorEnhancement, cumulativeRealizedLosses);
  const inTrigger = triggerEvent(tests, deal.triggerEvent);
  const stepdown = stepdownDate(deal, state, n, seniorBefore, seniorEnhancement);
  const ledger = newLedger(
    deal,
    state,
    interest,
    fees,
    { distributionNumber: n, triggerEvent: inTrigger, stepdownDate: stepdown, terminated },
    endingPool,
    options.trace ?? true,
  );
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
  const interestRemittance = interestRemittanceAmount(ledger, period);
  allocateInterestShortfalls(ledger, period, interestRemittance);
  const interestFund = payPriority(ledger, 'interest', {
    name: 'Interest Remittance Amount',
    available: interestRemittance,
  });

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
  const principalFund = payPriority(ledger, 'principal', {
    name: 'Principal Distribution Amount',
    available: sub(principalRemittance, oc.reduction),
  });
  const principalDistributed = sub(sub(principalRemittance, oc.reduction), principalFund.available);

  // (3) The Net Monthly Excess Cashflow: the Extra Principal Distribution Amount, unpaid
  // interest, reimbursements, Net WAC Rate Carryover, and the remainder to CE, then R.
  const excessCashflow = netMonthlyExcessCashflow(
    ledger,
    interestFund.available,
    oc.reduction,
    principalFund.available,
  );
  const excessFund = payPriority(ledger, 'excess', {
    name: 'Net Monthly Excess Cashflow',
    available: excessCashflow,
  });
  if (excessFund.available > 0) {
    // The loader refuses excess steps that never reach a remainder; a remainder that names no
    // class would leave cash undistributed: refuse rather than lose it.
    throw new TrusteeError(
      'INVALID_DEAL',
      `${deal.id}: ${(excessFund.available / 100).toFixed(2)} of excess cashflow has no payee`,
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
  const receipts = supplemental ? add(supplemental.netSwapReceipt, supplemental.capReceipt) : ZERO;
  if (supplemental) {
    const left = payPriority(ledger, 'supplemental', {
      name: 'Supplemental Interest Trust',
      available: receipts,
    });
    if (left.available > 0) {
      // The loader requires the supplemental priority to end in a remainder with no condition.
      throw new Error(`internal: ${left.available} of swap and cap receipts have no payee`);
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
    terminated,
    triggerMemory: triggerMemory(deal, state, tests, period),
    supplemental: supplemental && {
      ...supplemental,
      netSwapPaymentPaid: ledger.netSwapPaymentPaid,
      receipts,
    },
  });
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

/** Runs one priority of payment of the deal over its fund; returns the fund with what is left. */
function payPriority(ledger: Ledger, phase: Phase, fund: Fund): Fund {
  for (const step of ledger.deal.waterfall[phase]) applyStep(ledger, step, fund, phase);
  return fund;
}
