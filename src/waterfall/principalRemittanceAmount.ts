import { add, type Cents } from '../money/cents.ts';
import type { CollectionPeriod } from './types.ts';

/**
 * Principal Remittance Amount: scheduled principal, curtailments, payments in full, net
 * liquidation proceeds and repurchase (incl. clean-up call) principal.
 */
export function principalRemittanceAmount(period: CollectionPeriod): Cents {
  return add(
    period.scheduledPrincipal,
    period.curtailments,
    period.paymentsInFull,
    period.liquidationProceeds,
    period.repurchasePrincipal,
  );
}
