import { add, excess, type Cents } from '../money/cents.ts';
import type { Ledger } from './ledger.ts';
import type { GroupCollections } from '../trust/types.ts';

/**
 * Interest Remittance Amount: interest collected and advanced, plus compensating interest, less
 * extraordinary trust fund expenses (under a deal's annual cap, those within it: `expenses`). April 2002: 1,429,737.83 (no compensating interest or
 * expenses).
 */
export function interestRemittanceAmount(
  ledger: Ledger,
  period: GroupCollections,
  group?: string,
  expenses: Cents = period.extraordinaryExpenses,
): Cents {
  const amount = excess(add(period.interestCollected, period.compensatingInterest), expenses);
  if (ledger.tracing) {
    ledger.note({
      phase: 'available',
      step: 'interestRemittanceAmount',
      ...(group !== undefined ? { from: `Group ${group}` } : {}),
      amount,
      reason:
        'interest collected and advanced + compensating interest - extraordinary trust fund expenses',
      inputs: {
        interestCollected: period.interestCollected,
        compensatingInterest: period.compensatingInterest,
        extraordinaryExpenses: expenses,
      },
    });
  }
  return amount;
}
