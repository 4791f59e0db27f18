import { bearsInterest } from '../deal/deal.ts';
import type { NasAllocation } from '../deal/schema.ts';
import { allocate } from '../money/allocate.ts';
import { cents, excess, min, roundHalfUp, scale, sub, ZERO, type Cents } from '../money/cents.ts';
import { pay, type Fund, type Phase } from './fund.ts';
import { workingClass, type Ledger, type WorkingClass } from './ledger.ts';
import { scheduleEntry } from './scheduleEntry.ts';

/** How a principal step splits what it pays among its classes. */
export type PrincipalAllocation = 'sequential' | 'proRata' | NasAllocation;

/**
 * The most principal a class may take now. Before the Stepdown Date (or during a Trigger Event)
 * its whole balance, in order. After it: enough to bring this class and every class senior to
 * it down to its target share of the ending pool (never less than the pool less the OC floor).
 * Class P is paid only once every floating class is retired.
 */
function principalCap(ledger: Ledger, c: WorkingClass, fund: Fund): Cents {
  const definition = c.definition;
  if (definition.kind === 'prepaymentCharges') {
    const floatingLeft = ledger.floating.some((working) => working.balance > 0);
    return floatingLeft ? ZERO : c.balance;
  }
  if (!bearsInterest(definition) || !ledger.targetsApply) return c.balance;
  // A class that failed its own stepdown test is paid as before the Stepdown Date.
  if (ledger.classStepdownFailed?.has(c.name)) return c.balance;
  const budget = seniorBudget(ledger, c, fund);
  if (budget !== undefined) return min(c.balance, budget);
  return min(c.balance, aboveTarget(ledger, c, definition.principalTarget));
}

/**
 * Deals with loan groups, after the Stepdown Date: what the fund's group may still pay any
 * group's senior classes, its part of the Senior Principal Distribution Amount (the seniors'
 * balance above their target, split by the groups' shares of the Principal Remittance Amount).
 * Undefined where that rule does not apply (a subordinate class, a pool of one group).
 */
function seniorBudget(ledger: Ledger, c: WorkingClass, fund: Fund): Cents | undefined {
  const budget = ledger.seniorPrincipalBudget;
  if (budget === undefined || fund.group === undefined || c.seniorGroup === undefined)
    return undefined;
  return budget[fund.group];
}

/** Principal paid to a senior class counts against its fund's group's senior budget. */
function spendSeniorBudget(ledger: Ledger, c: WorkingClass, fund: Fund, amount: Cents): void {
  const budget = ledger.seniorPrincipalBudget;
  if (budget !== undefined && fund.group !== undefined && c.seniorGroup !== undefined)
    budget[fund.group] = sub(budget[fund.group]!, amount);
}

/**
 * What this class and every class senior to it (the seniority) stand above its target: the
 * target share of the ending pool, never less than the pool less the OC floor.
 */
function aboveTarget(ledger: Ledger, c: WorkingClass, principalTarget: number): Cents {
  let seniorThrough = 0;
  for (const working of ledger.floating) {
    seniorThrough += working.balance;
    if (working === c) break;
  }
  const pool = ledger.endingPool;
  const target = min(
    scale(pool, principalTarget),
    excess(pool, ledger.deal.overcollateralization.floor),
  );
  return excess(cents(seniorThrough), target);
}

/**
 * Principal to classes pro rata by their balances: together at most their balances or, after
 * the Stepdown Date, what they stand above the target of the last of them (the classes share
 * one target, as the seniors of a group share the Senior Principal Distribution Amount). The
 * split floors each share and hands out the leftover cents by `allocate`'s rule.
 */
function payPrincipalProRata(
  ledger: Ledger,
  fund: Fund,
  classes: readonly string[],
  phase: Phase,
): Cents {
  const working = classes.map((name) => workingClass(ledger, name));
  const balances = working.map((c) => c.balance);
  const total = cents(balances.reduce((a, b) => a + b, 0));
  const last = working[working.length - 1]!;
  const budget = ledger.targetsApply ? seniorBudget(ledger, working[0]!, fund) : undefined;
  const failed = classes.some((name) => ledger.classStepdownFailed?.has(name));
  const caps = (): Cents =>
    cents(working.reduce((acc, c) => acc + principalCap(ledger, c, fund), 0));
  const cap = failed
    ? caps()
    : budget !== undefined
      ? min(total, budget)
      : ledger.targetsApply && bearsInterest(last.definition)
        ? min(total, aboveTarget(ledger, last, last.definition.principalTarget))
        : caps();
  const amount = min(fund.available, cap);
  if (amount === 0) return ZERO;
  const shares = allocate(amount, balances);
  let paid = 0;
  working.forEach((c, i) => {
    const share = shares[i] ?? ZERO;
    const reason = ledger.tracing
      ? `principal to ${c.name} pro rata by balance with ${classes.filter((n) => n !== c.name).join(', ')} (together ${(amount / 100).toFixed(2)})`
      : '';
    const paidNow = pay(ledger, fund, c.name, share, 'principal', reason, phase);
    spendSeniorBudget(ledger, c, fund, paidNow);
    c.balance = sub(c.balance, paidNow);
    c.principalPaid = cents(c.principalPaid + paidNow);
    paid += paidNow;
  });
  return cents(paid);
}

/**
 * The NAS class's NAS Principal Distribution Amount first (see `nasAllocationSchema`), rounded
 * half up to the cent, then the rest of the step's principal to the classes in order.
 */
function payPrincipalNas(
  ledger: Ledger,
  fund: Fund,
  classes: readonly string[],
  phase: Phase,
  nas: NasAllocation['nas'],
): Cents {
  const working = classes.map((name) => workingClass(ledger, name));
  const total = working.reduce((acc, c) => acc + c.balance, 0);
  const caps = cents(working.reduce((acc, c) => acc + principalCap(ledger, c, fund), 0));
  const budget = ledger.targetsApply ? seniorBudget(ledger, working[0]!, fund) : undefined;
  const amount = min(fund.available, budget !== undefined ? min(caps, budget) : caps);
  const percentage =
    scheduleEntry(nas.percentages, ledger.tests.distributionNumber)?.percentage ?? 0;
  const lockout = workingClass(ledger, nas.class);
  const share = total > 0 ? roundHalfUp((percentage * lockout.balance * amount) / total) : ZERO;
  const due = min(share, principalCap(ledger, lockout, fund));
  const reason = ledger.tracing
    ? `NAS Principal Distribution Amount: ${percentage * 100}% NAS Percentage x ${nas.class}'s share of the classes' balance x ${(amount / 100).toFixed(2)}`
    : '';
  // The step's principal is paid from a fund of its own: the NAS amount first, then in order.
  const step: Fund = { name: fund.name, available: amount, group: fund.group };
  const first = pay(ledger, step, nas.class, due, 'principal', reason, phase);
  spendSeniorBudget(ledger, lockout, fund, first);
  lockout.balance = sub(lockout.balance, first);
  lockout.principalPaid = cents(lockout.principalPaid + first);
  const paid = payPrincipal(ledger, step, classes, phase);
  fund.available = sub(fund.available, cents(first + paid));
  return cents(first + paid);
}

/** Pays principal to the classes of a principal step: in order, pro rata, or NAS first. */
export function payPrincipal(
  ledger: Ledger,
  fund: Fund,
  classes: readonly string[],
  phase: Phase,
  allocation: PrincipalAllocation = 'sequential',
): Cents {
  if (allocation === 'proRata' && classes.length > 1) {
    return payPrincipalProRata(ledger, fund, classes, phase);
  }
  if (typeof allocation === 'object') {
    return payPrincipalNas(ledger, fund, classes, phase, allocation.nas);
  }
  let paid = 0;
  for (const name of classes) {
    const c = workingClass(ledger, name);
    const cap = principalCap(ledger, c, fund);
    // The reason is only worded when the run is traced (projections run millions of these).
    const reason = !ledger.tracing
      ? ''
      : ledger.targetsApply
        ? `principal to ${name} down to its target after the Stepdown Date (cap ${(cap / 100).toFixed(2)})`
        : `principal to ${name} in order, up to its balance`;
    const amount = pay(ledger, fund, name, cap, 'principal', reason, phase);
    spendSeniorBudget(ledger, c, fund, amount);
    c.balance = sub(c.balance, amount);
    c.principalPaid = cents(c.principalPaid + amount);
    paid += amount;
  }
  return cents(paid);
}
