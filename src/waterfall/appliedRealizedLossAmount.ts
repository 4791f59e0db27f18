import { cents, min, sub, sum, type Cents } from '../money/cents.ts';
import { certificateBalance, workingClass, type Ledger } from './ledger.ts';

/**
 * Applied Realized Loss Amount: after the distribution, whatever the certificates exceed the
 * ending pool by is written down from the classes in the deal's loss-allocation order (the
 * most junior first), each at most to zero. Returns the total written down; CE absorbs the
 * realized losses beyond it (its balance is the OC).
 */
export function applyRealizedLosses(ledger: Ledger): Cents {
  const order = ledger.deal.lossAllocation;
  let undercollateralized = certificateBalance(ledger) - ledger.endingPool;
  for (const name of order) {
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
        reason: `certificates exceed the pool: Applied Realized Loss Amount written down in the order ${order.join(', ')}`,
      });
    }
  }
  return sum(order, (name) => workingClass(ledger, name).realizedLoss);
}
