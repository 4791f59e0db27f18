import { cents, min, ZERO, type Cents } from '../money/cents.ts';
import type { Ledger } from './ledger.ts';

export interface OvercollateralizationAmounts {
  /** The OC once the Principal Remittance Amount were paid to the certificates. */
  readonly afterRemittance: Cents;
  /** Overcollateralization Deficiency Amount: the Required amount less that OC. */
  readonly deficiency: Cents;
  /**
   * Overcollateralization Reduction Amount: the OC above the Required amount, at most the
   * Principal Remittance Amount; it leaves principal and joins the excess cashflow.
   */
  readonly reduction: Cents;
}

/**
 * The Overcollateralization Deficiency and Reduction Amounts of a date, from the ending pool,
 * the certificates before principal, the Principal Remittance Amount and the Required
 * Overcollateralized Amount. Sets the ledger's deficiency, which the Extra Principal
 * Distribution Amount may cover. April 2002: the OC stays at 3,972,995.79, neither deficient
 * nor in excess.
 */
export function overcollateralizationAmounts(
  ledger: Ledger,
  certificatesBefore: Cents,
  principalRemittance: Cents,
  required: Cents,
): OvercollateralizationAmounts {
  const afterRemittance = cents(ledger.endingPool - (certificatesBefore - principalRemittance));
  const reduction =
    afterRemittance > required ? min(principalRemittance, cents(afterRemittance - required)) : ZERO;
  const deficiency = afterRemittance < required ? cents(required - afterRemittance) : ZERO;
  ledger.deficiency = deficiency;
  if (ledger.tracing) {
    const dollars = (c: number): string => (c / 100).toFixed(2);
    ledger.note({
      phase: 'available',
      step: 'overcollateralization',
      reason: `Required Overcollateralized Amount ${dollars(required)}; OC after the principal remittance ${dollars(afterRemittance)}; deficiency ${dollars(deficiency)}; reduction ${dollars(reduction)}`,
      inputs: { required, ocAfterRemittance: afterRemittance, deficiency, reduction },
    });
  }
  return { afterRemittance, deficiency, reduction };
}
