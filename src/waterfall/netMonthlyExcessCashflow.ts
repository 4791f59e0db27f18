import { add, type Cents } from '../money/cents.ts';
import type { Ledger } from './ledger.ts';

/**
 * Net Monthly Excess Cashflow: the interest remaining after fees and class interest, the
 * Overcollateralization Reduction Amount, and any principal no class could take. April 2002:
 * 942,980.71, all of it to CE.
 */
export function netMonthlyExcessCashflow(
  ledger: Ledger,
  interestRemaining: Cents,
  reduction: Cents,
  principalUnused: Cents,
): Cents {
  const amount = add(interestRemaining, reduction, principalUnused);
  if (ledger.tracing) {
    ledger.note({
      phase: 'available',
      step: 'netMonthlyExcessCashflow',
      amount,
      reason:
        'interest remaining + Overcollateralization Reduction Amount + principal not needed by the classes',
      inputs: { interestRemaining, reduction, principalUnused },
    });
  }
  return amount;
}
