import { cents, excess, min, scale, sub, ZERO, type Cents } from '../money/cents.ts';
import { pay, type Fund } from './fund.ts';
import { workingClass, type Ledger } from './ledger.ts';

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
