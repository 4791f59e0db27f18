import type { Step } from '../deal/schema.ts';
import { cents, excess, ZERO } from '../money/cents.ts';
import { payExtraPrincipal } from './extraPrincipalDistributionAmount.ts';
import { payExpensesAboveCap } from './extraordinaryExpenses.ts';
import { payFee } from './feeAmounts.ts';
import { payNetSwapPayment, paySwapTerminationPayment } from './netSwapPayment.ts';
import { pay, type Fund, type Phase } from './fund.ts';
import { workingClass, type Ledger } from './ledger.ts';
import { payInterest } from './payInterest.ts';
import { payPrincipal } from './principalDistribution.ts';
import { reserveFundDeposit, reserveFundDraw } from './reserveFund.ts';
import { conditionHolds, describeCondition } from './stepCondition.ts';

export type { Fund } from './fund.ts';

function assertNever(value: never): never {
  throw new Error(`internal: unhandled step ${JSON.stringify(value)}`);
}

/**
 * The one interpreter of the priorities of payment: applies a step of the deal's waterfall to
 * a fund, changing the working ledger and adding to its trace.
 */
export function applyStep(ledger: Ledger, step: Step, fund: Fund, phase: Phase): void {
  if (step.when !== undefined && !conditionHolds(step.when, ledger.tests)) {
    if (ledger.tracing) {
      ledger.note({
        phase,
        step: step.kind,
        from: fund.name,
        amount: ZERO,
        reason: `does not apply: only when ${describeCondition(step.when)}`,
      });
    }
    return;
  }
  switch (step.kind) {
    case 'fee':
      payFee(ledger, fund, step, phase);
      return;
    case 'interest':
      payInterest(ledger, fund, step, phase);
      return;
    case 'principal':
      payPrincipal(
        ledger,
        fund,
        step.classes,
        phase === 'interest' ? 'principal' : phase,
        step.allocation,
      );
      return;
    case 'extraPrincipal':
      payExtraPrincipal(ledger, fund, phase);
      return;
    case 'realizedLossReimbursement':
      for (const name of step.classes) {
        const c = workingClass(ledger, name);
        const amount = pay(
          ledger,
          fund,
          name,
          excess(c.unpaidRealizedLoss, c.realizedLossReimbursed),
          'realizedLossReimbursement',
          'Unpaid Realized Loss Amount reimbursed',
          phase,
        );
        c.realizedLossReimbursed = cents(c.realizedLossReimbursed + amount);
      }
      return;
    case 'netWacCarryover':
      for (const name of step.classes) {
        const c = workingClass(ledger, name);
        const due = excess(c.interest?.netWacCarryoverDue ?? ZERO, c.netWacCarryoverPaid);
        const amount = pay(
          ledger,
          fund,
          name,
          due,
          'netWacCarryover',
          'Net WAC Rate Carryover Amount',
          phase,
        );
        c.netWacCarryoverPaid = cents(c.netWacCarryoverPaid + amount);
      }
      return;
    case 'netSwapPayment':
      payNetSwapPayment(ledger, fund, phase);
      return;
    case 'expenseReimbursement':
      payExpensesAboveCap(ledger, fund, phase);
      return;
    case 'swapTerminationPayment':
      paySwapTerminationPayment(ledger, fund, step.causedBy, phase);
      return;
    case 'reserveFundDeposit':
      reserveFundDeposit(ledger, fund, phase);
      return;
    case 'reserveFundDraw': {
      // The rule of the shortfall it covers, paid from the reserve fund's balance.
      const covers = step.covers ?? 'interest';
      const classes = step.classes ?? [];
      const rule: Step =
        covers === 'interest'
          ? {
              kind: 'interest',
              classes,
              part: step.part ?? 'currentAndUnpaid',
              allocation: 'sequential',
            }
          : covers === 'realizedLosses'
            ? { kind: 'realizedLossReimbursement', classes }
            : { kind: 'extraPrincipal' };
      reserveFundDraw(ledger, (reserveFund) => applyStep(ledger, rule, reserveFund, phase));
      return;
    }
    case 'remainder': {
      const c = workingClass(ledger, step.class);
      const amount = pay(
        ledger,
        fund,
        step.class,
        fund.available,
        'remainder',
        ledger.tracing ? `what remains of the ${fund.name}` : '',
        phase,
      );
      c.otherPaid = cents(c.otherPaid + amount);
      return;
    }
    default:
      assertNever(step);
  }
}
