import { cents, type Cents } from '../money/cents.ts';
import type { RemittanceRow } from './remittanceRow.ts';

type Row = Omit<RemittanceRow, 'row'>;

/** How a loan's period ended: an installment, or it left by payoff, repurchase or liquidation. */
export type RowKind = 'installment' | 'payoff' | 'repurchase' | 'liquidation';

/** The kinds a row claims (more than one is an error). */
export function rowKinds(r: Row): RowKind[] {
  const kinds: RowKind[] = [];
  if (r.payoff > 0) kinds.push('payoff');
  if (r.repurchase > 0) kinds.push('repurchase');
  if (
    r.liquidationProceeds > 0 ||
    r.liquidationExpenses > 0 ||
    (r.realizedLoss > 0 && r.endingBalance === 0)
  ) {
    kinds.push('liquidation');
  }
  return kinds.length === 0 ? ['installment'] : kinds;
}

export function rowKind(r: Row): RowKind {
  return rowKinds(r)[0] ?? 'installment';
}

/**
 * The interest the trust receives for the loan: what the borrower paid and the servicer
 * advanced, less the advances it took back and the scheduled principal. For an installment
 * that is its interest (less any Relief Act reduction), for a payoff the interest to the
 * payoff date, for a liquidation nothing.
 */
export function trustInterest(r: Row): number {
  return (
    r.actualPrincipal +
    r.actualInterest +
    r.piAdvance -
    r.advanceReimbursement -
    r.scheduledPrincipal
  );
}

/** Net liquidation proceeds applied to principal: proceeds less expenses and advances repaid. */
export function netLiquidationProceeds(r: Row): number {
  return r.liquidationProceeds - r.liquidationExpenses;
}

/** Cash for the loan net of the servicing fee: what the `remitted` column must hold. */
export function cashRemitted(r: Row): Cents {
  return cents(
    r.actualPrincipal +
      r.actualInterest +
      r.curtailment +
      r.payoff +
      r.repurchase +
      r.prepaymentCharge +
      r.liquidationProceeds -
      r.liquidationExpenses +
      r.piAdvance -
      r.advanceReimbursement -
      r.servicingFee,
  );
}

/** The stated balance the row must end with: beginning less every principal item and loss. */
export function rolledBalance(r: Row): number {
  return (
    r.beginningBalance -
    r.scheduledPrincipal -
    r.curtailment -
    r.payoff -
    r.repurchase -
    netLiquidationProceeds(r) -
    r.realizedLoss
  );
}
