import { add, type Cents } from '../money/cents.ts';
import type { GroupCollections } from '../trust/types.ts';

/**
 * Principal Remittance Amount: scheduled principal, curtailments, payments in full, net
 * liquidation proceeds and repurchase (incl. clean-up call) principal.
 */
export function principalRemittanceAmount(period: GroupCollections): Cents {
  return add(
    period.scheduledPrincipal,
    period.curtailments,
    period.paymentsInFull,
    period.liquidationProceeds,
    period.repurchasePrincipal,
  );
}
