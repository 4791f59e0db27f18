import type { Deal } from '../deal/deal.ts';
import { accrualPeriod, distributionDate } from '../deal/schedule.ts';
import { TrusteeError } from '../errors/catalogue.ts';
import { allocate } from '../money/allocate.ts';
import { add, cents, excess, min, sub, sum, ZERO, type Cents } from '../money/cents.ts';
import type { PlainDate } from '../money/plainDate.ts';
import { accrue } from '../money/rate.ts';
import { applyStep, type Fund } from './applyStep.ts';
import { classInterest, type ClassInterest } from './classInterest.ts';
import { certificateBalance, newLedger, workingClass, type Ledger } from './ledger.ts';
import { netWacRate } from './netWacRate.ts';
import { requiredOvercollateralization } from './overcollateralization.ts';
import {
  creditEnhancementPercentage,
  delinquencyPercentage,
  triggerTests,
} from './performanceTests.ts';
import { principalRemittanceAmount } from './principalRemittance.ts';
import { reconcilePeriod } from './reconcilePeriod.ts';
import type {
  ClassDistribution,
  ClassState,
  CollectionPeriod,
  DealState,
  Distribution,
} from './types.ts';

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

const dollars = (c: number): string => (c / 100).toFixed(2);

/**
 * Net prepayment interest shortfalls (not covered by compensating interest) and Relief Act
 * shortfalls reduce the excess interest first (CE's share); only what exceeds it reduces the
 * offered classes' interest, pro rata by accrued interest, as the statement's "Reduction from
 * the Allocation of" table shows.
 */
function allocateShortfalls(
  ledger: Ledger,
  period: CollectionPeriod,
  interestRemittance: Cents,
): void {
  const netPpis = excess(period.prepaymentInterestShortfall, period.compensatingInterest);
  const relief = period.reliefActShortfall;
  const shortfall = add(netPpis, relief);
  if (shortfall === 0) return;
  const classes = ledger.deal.interestShortfallClasses.map((name) => workingClass(ledger, name));
  const accrued = sum(classes, (c) => c.currentDue);
  const feesDue = sum([...ledger.fees.values()], (f) => f.due);
  // The excess interest that would have been there had the shortfall been collected.
  const excessCapacity = excess(add(interestRemittance, shortfall), add(accrued, feesDue));
  const toClasses = excess(shortfall, excessCapacity);
  if (toClasses === 0) {
    if (ledger.tracing) {
      ledger.note({
        phase: 'available',
        step: 'interestShortfalls',
        amount: shortfall,
        reason: 'net PPIS and Relief Act shortfalls absorbed by excess interest (CE)',
      });
    }
    return;
  }
  const shares = allocate(
    min(toClasses, accrued),
    classes.map((c) => c.currentDue),
  );
  classes.forEach((c, i) => {
    const share = shares[i] ?? ZERO;
    // Split each class's share between PPIS and Relief Act in proportion to the two.
    const [ppisPart = ZERO, reliefPart = ZERO] = allocate(share, [netPpis, relief]);
    c.prepaymentInterestShortfall = ppisPart;
    c.reliefActShortfall = reliefPart;
    c.currentDue = sub(c.currentDue, share);
    if (ledger.tracing) {
      ledger.note({
        phase: 'available',
        step: 'interestShortfalls',
        to: c.name,
        amount: share,
        reason:
          'share of net PPIS and Relief Act shortfalls beyond the excess interest, pro rata by accrued interest',
      });
    }
  });
}

/**
 * Runs one distribution date: the pooling and servicing agreement's priorities of payment over
 * one collection period's totals. Pure: (deal, state before, period totals, index fixing) ->
 * (distribution with its trace, state after). The same function runs actual distributions from
 * remittance data and projected ones from modeled collateral.
 */
export function distribute(
  deal: Deal,
  state: DealState,
  period: CollectionPeriod,
  index: IndexFixing,
  file = '<period>',
  options: DistributeOptions = {},
): { distribution: Distribution; state: DealState } {
  if (state.terminated) {
    throw new TrusteeError(
      'OUT_OF_ORDER',
      `${deal.id}: the trust was terminated by the clean-up call on ${state.lastDate}`,
    );
  }
  const n = state.distributionNumber + 1;
  const expected = distributionDate(deal, n);
  if (period.distributionDate !== expected) {
    throw new TrusteeError(
      'OUT_OF_ORDER',
      `${file}: distribution ${n} of ${deal.id} is on ${expected}`,
      [
        {
          file,
          field: 'distributionDate',
          message: `after distribution ${state.distributionNumber} (${state.lastDate}) comes ${expected}`,
          expected,
          got: period.distributionDate,
        },
      ],
    );
  }
  reconcilePeriod(state, period, file);
  const accrual = accrualPeriod(deal, n);
  const endingPool = period.endingPoolBalance;
  const terminated = period.cleanUpCall === true;
  if (terminated && endingPool !== 0) {
    throw new TrusteeError('UNRECONCILED', `${file}: the clean-up call buys the whole pool`, [
      {
        file,
        field: 'endingPoolBalance',
        message: 'a clean-up call period must end with no loans',
        expected: '0',
        got: dollars(endingPool),
      },
    ]);
  }

  // Fees: 30/360 on the beginning pool, one month (e.g. servicing 0.50% / 12 = 82,547.02 in April 2002).
  const fees = new Map<string, Cents>(
    deal.fees.map((fee) => [
      fee.name,
      accrue(
        period.beginningPoolBalance,
        fee.rate,
        fee.dayCount === '30/360' ? 30 : accrual.days,
        360,
      ),
    ]),
  );

  // Coupons and the Net WAC cap. The margin steps up once the pool was at or below the
  // clean-up call threshold on an earlier distribution date (the Optional Termination Date).
  const steppedUp = n > 1 && state.poolBalance <= deal.cleanUpCallBalance;
  const netWac = netWacRate(period.weightedAverageRate, deal.netWacFeeRate, accrual.days);
  const interest = new Map<string, ClassInterest>();
  for (const c of deal.floatingClasses) {
    const before = state.classes[c.name] as ClassState;
    interest.set(c.name, classInterest(c, before, index.rate, netWac, accrual.days, steppedUp));
  }

  // Tests made after principal collections, before distributions: the Stepdown Date and triggers.
  const senior = deal.stepdown.seniorClass;
  const seniorBefore = state.classes[senior]?.balance ?? ZERO;
  const seniorEnhancement = creditEnhancementPercentage(seniorBefore, endingPool);
  const cumulativeRealizedLosses = add(state.cumulativeRealizedLosses, period.realizedLosses);
  const tests = triggerTests(deal, period, n, seniorEnhancement, cumulativeRealizedLosses);
  const triggerEvent = tests.some((t) => t.breached);
  const stepdownDate =
    state.stepdownOccurred ||
    seniorBefore === 0 ||
    (n >= deal.stepdown.earliestDistribution &&
      seniorEnhancement >= deal.stepdown.creditEnhancementTarget);
  const targetsApply = stepdownDate && !triggerEvent && !terminated;

  const ledger = newLedger(
    deal,
    state,
    interest,
    fees,
    targetsApply,
    endingPool,
    options.trace ?? true,
  );
  if (ledger.tracing) {
    ledger.note({
      phase: 'tests',
      step: 'stepdownDate',
      reason: stepdownDate
        ? state.stepdownOccurred
          ? 'the Stepdown Date occurred earlier'
          : seniorBefore === 0
            ? `class ${senior} was paid in full`
            : `distribution ${n} >= ${deal.stepdown.earliestDistribution} and senior enhancement ${(seniorEnhancement * 100).toFixed(3)}% >= ${(deal.stepdown.creditEnhancementTarget * 100).toFixed(2)}%`
        : `not yet: distribution ${n} (needs ${deal.stepdown.earliestDistribution}) and senior enhancement ${(seniorEnhancement * 100).toFixed(3)}% (needs ${(deal.stepdown.creditEnhancementTarget * 100).toFixed(2)}%)`,
      inputs: { distributionNumber: n, seniorEnhancement, stepdownDate },
    });
  }
  if (ledger.tracing) {
    for (const t of tests) {
      ledger.note({
        phase: 'tests',
        step: `trigger:${t.kind}`,
        reason: t.description,
        inputs: { value: t.value, threshold: t.threshold, breached: t.breached },
      });
    }
  }

  // Interest Remittance Amount: interest collected and advanced, compensating interest, less
  // extraordinary trust fund expenses.
  const interestRemittance = excess(
    add(period.interestCollected, period.compensatingInterest),
    period.extraordinaryExpenses,
  );
  if (ledger.tracing) {
    ledger.note({
      phase: 'available',
      step: 'interestRemittanceAmount',
      amount: interestRemittance,
      reason:
        'interest collected and advanced + compensating interest - extraordinary trust fund expenses',
      inputs: {
        interestCollected: period.interestCollected,
        compensatingInterest: period.compensatingInterest,
        extraordinaryExpenses: period.extraordinaryExpenses,
      },
    });
  }
  allocateShortfalls(ledger, period, interestRemittance);

  const interestFund: Fund = { name: 'Interest Remittance Amount', available: interestRemittance };
  for (const step of deal.waterfall.interest) applyStep(ledger, step, interestFund, 'interest');

  // Principal: the Principal Remittance Amount, less any Overcollateralization Reduction Amount.
  const principalRemittance = principalRemittanceAmount(period);
  const certificatesBefore = certificateBalance(ledger);
  const ocAfterRemittance = endingPool - (certificatesBefore - principalRemittance);
  const required = requiredOvercollateralization(
    deal,
    stepdownDate,
    triggerEvent,
    state.requiredOvercollateralization,
    endingPool,
    terminated,
  );
  const reduction =
    ocAfterRemittance > required
      ? min(principalRemittance, cents(ocAfterRemittance - required))
      : ZERO;
  ledger.deficiency = ocAfterRemittance < required ? cents(required - ocAfterRemittance) : ZERO;
  if (ledger.tracing) {
    ledger.note({
      phase: 'available',
      step: 'overcollateralization',
      reason: `Required Overcollateralized Amount ${dollars(required)}; OC after the principal remittance ${dollars(ocAfterRemittance)}; deficiency ${dollars(ledger.deficiency)}; reduction ${dollars(reduction)}`,
      inputs: { required, ocAfterRemittance, deficiency: ledger.deficiency, reduction },
    });
  }
  const principalFund: Fund = {
    name: 'Principal Distribution Amount',
    available: sub(principalRemittance, reduction),
  };
  if (ledger.tracing) {
    ledger.note({
      phase: 'available',
      step: 'principalRemittanceAmount',
      amount: principalRemittance,
      reason:
        'scheduled principal + curtailments + payments in full + net liquidation proceeds + repurchases',
    });
  }
  for (const step of deal.waterfall.principal) applyStep(ledger, step, principalFund, 'principal');
  const principalDistributed = sub(sub(principalRemittance, reduction), principalFund.available);

  // Net Monthly Excess Cashflow: interest left after class interest, the OC reduction, and any
  // principal no class could take.
  const netMonthlyExcessCashflow = add(interestFund.available, reduction, principalFund.available);
  if (ledger.tracing) {
    ledger.note({
      phase: 'available',
      step: 'netMonthlyExcessCashflow',
      amount: netMonthlyExcessCashflow,
      reason:
        'interest remaining + Overcollateralization Reduction Amount + principal not needed by the classes',
      inputs: {
        interestRemaining: interestFund.available,
        reduction,
        principalUnused: principalFund.available,
      },
    });
  }
  const excessFund: Fund = {
    name: 'Net Monthly Excess Cashflow',
    available: netMonthlyExcessCashflow,
  };
  for (const step of deal.waterfall.excess) applyStep(ledger, step, excessFund, 'excess');
  if (excessFund.available > 0) {
    // A deal whose excess steps end without a remainder step leaves cash undistributed: refuse.
    throw new TrusteeError(
      'INVALID_DEAL',
      `${deal.id}: ${dollars(excessFund.available)} of excess cashflow has no payee`,
      [
        {
          field: 'waterfall.excess',
          message: 'the excess cashflow steps must end with a remainder step',
          expected: '{ "kind": "remainder", ... }',
        },
      ],
    );
  }

  // Applied Realized Loss Amounts: certificates above the pool are written down in order.
  let undercollateralized = certificateBalance(ledger) - endingPool;
  for (const name of deal.lossAllocation) {
    if (undercollateralized <= 0) break;
    const c = workingClass(ledger, name);
    const writeDown = min(c.balance, cents(undercollateralized));
    if (writeDown === 0) continue;
    c.balance = sub(c.balance, writeDown);
    c.realizedLoss = writeDown;
    undercollateralized -= writeDown;
    if (ledger.tracing) {
      ledger.note({
        phase: 'losses',
        step: 'appliedRealizedLoss',
        to: name,
        amount: writeDown,
        reason: `certificates exceed the pool: Applied Realized Loss Amount written down in the order ${deal.lossAllocation.join(', ')}`,
      });
    }
  }
  const appliedLosses = sum(deal.lossAllocation, (name) => workingClass(ledger, name).realizedLoss);

  // Prepayment charges go to class P, outside the waterfall.
  const pClass = deal.prepaymentChargeClass;
  if (pClass && period.prepaymentCharges > 0) {
    const p = workingClass(ledger, pClass.name);
    p.otherPaid = cents(p.otherPaid + period.prepaymentCharges);
    if (ledger.tracing) {
      ledger.note({
        phase: 'prepaymentCharges',
        step: 'prepaymentCharges',
        from: 'prepayment charges collected',
        to: pClass.name,
        amount: period.prepaymentCharges,
        reason: `prepayment charges are paid to class ${pClass.name}`,
      });
    }
  } else if (!pClass && period.prepaymentCharges > 0) {
    throw new TrusteeError(
      'INVALID_INPUT',
      `${file}: prepayment charges but the deal has no prepayment-charge class`,
      [{ file, field: 'prepaymentCharges', message: 'no class to pay them to', expected: '0' }],
    );
  }

  // The CE balance is the overcollateralization after the distribution.
  const certificatesAfter = certificateBalance(ledger);
  const ocAmount = cents(Math.max(endingPool - certificatesAfter, 0));
  const ceName = deal.overcollateralizationClass.name;
  const ce = workingClass(ledger, ceName);
  const ceBefore = ce.balance;
  ce.balance = ocAmount;
  // CE absorbs the realized losses not written down to the certificates.
  ce.realizedLoss = excess(period.realizedLosses, appliedLosses);

  const classes: ClassDistribution[] = deal.classes.map((definition) => {
    const c = workingClass(ledger, definition.name);
    const before = state.classes[definition.name] as ClassState;
    const i = c.interest;
    const isFloating = definition.kind === 'floating';
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
      beginningBalance: definition.kind === 'overcollateralization' ? ceBefore : before.balance,
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
      unpaidInterest,
      netWacCarryover,
      netWacCarryoverCurrent: i?.netWacCarryoverCurrent ?? ZERO,
      unpaidRealizedLoss: isFloating
        ? add(excess(c.unpaidRealizedLoss, c.realizedLossReimbursed), c.realizedLoss)
        : ZERO,
    };
  });

  const seniorAfter = workingClass(ledger, senior).balance;
  const liquidated = add(period.realizedLosses, period.liquidationProceeds);
  const distribution: Distribution = {
    dealId: deal.id,
    distributionNumber: n,
    distributionDate: period.distributionDate,
    accrualStart: accrual.start,
    accrualEnd: accrual.end,
    accrualDays: accrual.days,
    indexRate: index.rate,
    indexDeterminationDate: index.determinationDate,
    period,
    classes,
    fees: deal.fees.map((fee) => ({
      name: fee.name,
      payee: fee.payee,
      amount: ledger.fees.get(fee.name)?.paid ?? ZERO,
      servicerCompensation: fee.servicerCompensation,
    })),
    interestRemittanceAmount: interestRemittance,
    principalRemittanceAmount: principalRemittance,
    principalDistributionAmount: add(principalDistributed, ledger.extraPrincipalPaid),
    netWacRate: netWac,
    overcollateralization: {
      required,
      amount: ocAmount,
      deficiency: excess(required, ocAmount),
      increase: ledger.extraPrincipalPaid,
      reduction,
      floor: deal.overcollateralization.floor,
    },
    netMonthlyExcessCashflow,
    creditEnhancementPercentage: creditEnhancementPercentage(seniorAfter, endingPool),
    seniorEnhancementPercentage: seniorEnhancement,
    delinquencyPercentage: delinquencyPercentage(period.delinquency, endingPool),
    stepdownDate,
    triggerEvent,
    triggerTests: tests,
    optionalTerminationDate: endingPool <= deal.cleanUpCallBalance,
    cleanUpCallExercised: terminated,
    cumulativeRealizedLosses,
    lossSeverity: liquidated > 0 ? period.realizedLosses / liquidated : 0,
    netPrepaymentInterestShortfall: excess(
      period.prepaymentInterestShortfall,
      period.compensatingInterest,
    ),
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
    distributionNumber: n,
    lastDate: period.distributionDate,
    poolBalance: endingPool,
    loanCount: period.endingLoanCount,
    classes: nextClasses,
    requiredOvercollateralization: required,
    stepdownOccurred: stepdownDate,
    cumulativeRealizedLosses,
    terminated,
  };
  return { distribution, state: next };
}
