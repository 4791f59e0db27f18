import type { Step } from '../deal/schema.ts';
import { allocate } from '../money/allocate.ts';
import { cents, excess, min, scale, sub, ZERO, type Cents } from '../money/cents.ts';
import { workingClass, type Ledger, type WorkingClass } from './ledger.ts';

/** A pot of money a phase pays from: Interest Remittance, Principal Distribution, Excess. */
export interface Fund {
  readonly name: string;
  available: Cents;
}

function assertNever(value: never): never {
  throw new Error(`internal: unhandled step ${JSON.stringify(value)}`);
}

function pay(
  ledger: Ledger,
  fund: Fund,
  to: string,
  due: Cents,
  step: string,
  reason: string,
  phase: 'interest' | 'principal' | 'excess',
): Cents {
  const amount = min(fund.available, due);
  fund.available = sub(fund.available, amount);
  if (due > 0 && ledger.tracing) {
    ledger.note({
      phase,
      step,
      from: fund.name,
      to,
      amount,
      reason:
        amount < due ? `${reason}; fund short by ${((due - amount) / 100).toFixed(2)}` : reason,
      inputs: { due, available: amount + fund.available },
    });
  }
  return amount;
}

function carryForwardDue(c: WorkingClass): Cents {
  return excess(c.interest?.carryForwardDue ?? ZERO, c.carryForwardPaid);
}

function currentDue(c: WorkingClass): Cents {
  return excess(c.currentDue, c.currentPaid);
}

/**
 * The most principal a class may take now. Before the Stepdown Date (or during a Trigger Event)
 * its whole balance, in order. After it: enough to bring this class and every class senior to
 * it down to its target share of the ending pool (never less than the pool less the OC floor).
 * Class P is paid only once every floating class is retired.
 */
function principalCap(ledger: Ledger, name: string): Cents {
  const c = workingClass(ledger, name);
  const definition = ledger.deal.classByName.get(name);
  if (definition?.kind === 'prepaymentCharges') {
    const floatingLeft = ledger.floating.some((working) => working.balance > 0);
    return floatingLeft ? ZERO : c.balance;
  }
  if (definition?.kind !== 'floating' || !ledger.targetsApply) return c.balance;
  let seniorThrough = 0;
  for (const working of ledger.floating) {
    seniorThrough += working.balance;
    if (working.name === name) break;
  }
  const pool = ledger.endingPool;
  const target = min(
    scale(pool, definition.principalTarget),
    excess(pool, ledger.deal.overcollateralization.floor),
  );
  return min(c.balance, excess(cents(seniorThrough), target));
}

/** Pays principal to the classes of a principal step, in order. */
export function payPrincipal(
  ledger: Ledger,
  fund: Fund,
  classes: readonly string[],
  phase: 'principal' | 'excess',
): Cents {
  let paid = 0;
  for (const name of classes) {
    const c = workingClass(ledger, name);
    const cap = principalCap(ledger, name);
    // The reason is only worded when the run is traced (projections run millions of these).
    const reason = !ledger.tracing
      ? ''
      : ledger.targetsApply
        ? `principal to ${name} down to its target after the Stepdown Date (cap ${(cap / 100).toFixed(2)})`
        : `principal to ${name} in order, up to its balance`;
    const amount = pay(ledger, fund, name, cap, 'principal', reason, phase);
    c.balance = sub(c.balance, amount);
    c.principalPaid = cents(c.principalPaid + amount);
    paid += amount;
  }
  return cents(paid);
}

type InterestPart = 'current' | 'unpaid';

const CURRENT_AND_UNPAID: readonly InterestPart[] = ['current', 'unpaid'];
const CURRENT: readonly InterestPart[] = ['current'];
const UNPAID: readonly InterestPart[] = ['unpaid'];
const INTEREST_LABEL: Record<InterestPart, string> = {
  current: 'Monthly Interest Distributable Amount',
  unpaid: 'Unpaid Interest Amount (carry forward)',
};

function interestDue(c: WorkingClass, part: InterestPart): Cents {
  return part === 'current' ? currentDue(c) : carryForwardDue(c);
}

function recordInterest(c: WorkingClass, part: InterestPart, amount: Cents): void {
  if (part === 'current') c.currentPaid = cents(c.currentPaid + amount);
  else c.carryForwardPaid = cents(c.carryForwardPaid + amount);
}

// Runs for every class every month of every projected scenario: no allocation on the
// sequential path.
function payInterest(
  ledger: Ledger,
  fund: Fund,
  step: Extract<Step, { kind: 'interest' }>,
  phase: 'interest' | 'principal' | 'excess',
): void {
  const parts =
    step.part === 'currentAndUnpaid'
      ? CURRENT_AND_UNPAID
      : step.part === 'current'
        ? CURRENT
        : UNPAID;
  if (step.allocation === 'proRata' && step.classes.length > 1) {
    const classes = step.classes.map((name) => workingClass(ledger, name));
    for (const part of parts) {
      const dues = classes.map((c) => interestDue(c, part));
      const totalDue = cents(dues.reduce((a, b) => a + b, 0));
      const shares = allocate(min(fund.available, totalDue), dues);
      classes.forEach((c, i) => {
        const label = `${INTEREST_LABEL[part]}, pro rata`;
        recordInterest(
          c,
          part,
          pay(ledger, fund, c.name, shares[i] ?? ZERO, 'interest', label, phase),
        );
      });
    }
    return;
  }
  // Indexed loops and a direct label: measured 3-7% faster over a 1,000-scenario grid than
  // for...of with INTEREST_LABEL[part] (this runs for every class every projected month).
  const names = step.classes;
  for (let k = 0; k < names.length; k++) {
    const name = names[k]!;
    const c = workingClass(ledger, name);
    for (let j = 0; j < parts.length; j++) {
      const part = parts[j]!;
      const due = interestDue(c, part);
      const amount = pay(
        ledger,
        fund,
        name,
        due,
        'interest',
        part === 'current' ? INTEREST_LABEL.current : INTEREST_LABEL.unpaid,
        phase,
      );
      recordInterest(c, part, amount);
    }
  }
}

/**
 * The one interpreter of the priorities of payment: applies a step of the deal's waterfall to
 * a fund, changing the working ledger and adding to its trace.
 */
export function applyStep(
  ledger: Ledger,
  step: Step,
  fund: Fund,
  phase: 'interest' | 'principal' | 'excess',
): void {
  switch (step.kind) {
    case 'fee': {
      const fee = ledger.fees.get(step.fee);
      if (!fee) throw new Error(`internal: fee ${step.fee} missing`);
      const payee = ledger.deal.fees.find((f) => f.name === step.fee)?.payee ?? step.fee;
      const amount = pay(
        ledger,
        fund,
        payee,
        excess(fee.due, fee.paid),
        'fee',
        `${step.fee} fee`,
        phase,
      );
      fee.paid = cents(fee.paid + amount);
      return;
    }
    case 'interest':
      payInterest(ledger, fund, step, phase);
      return;
    case 'principal':
      payPrincipal(ledger, fund, step.classes, phase === 'interest' ? 'principal' : phase);
      return;
    case 'extraPrincipal': {
      // Extra Principal Distribution Amount: excess cashflow, up to the OC deficiency, paid in
      // the principal priority (the same principal steps as the Principal Distribution Amount).
      const amount = min(fund.available, ledger.deficiency);
      const extra: Fund = {
        name: `${fund.name} (Extra Principal Distribution Amount)`,
        available: amount,
      };
      for (const principalStep of ledger.deal.waterfall.principal) {
        if (principalStep.kind === 'principal')
          payPrincipal(ledger, extra, principalStep.classes, 'excess');
      }
      const used = sub(amount, extra.available);
      fund.available = sub(fund.available, used);
      ledger.extraPrincipalPaid = cents(ledger.extraPrincipalPaid + used);
      if (ledger.tracing) {
        ledger.note({
          phase,
          step: 'extraPrincipal',
          from: fund.name,
          amount: used,
          reason: `Extra Principal Distribution Amount: the lesser of the excess cashflow and the OC deficiency ${(ledger.deficiency / 100).toFixed(2)}`,
          inputs: { deficiency: ledger.deficiency },
        });
      }
      return;
    }
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
