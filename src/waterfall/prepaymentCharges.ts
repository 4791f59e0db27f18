import { TrusteeError } from '../errors/catalogue.ts';
import { cents } from '../money/cents.ts';
import { workingClass, type Ledger } from './ledger.ts';
import type { CollectionPeriod } from './types.ts';

/**
 * Prepayment charges collected go to the prepayment-charge class (P), outside the priorities of
 * payment: they are no part of the funds the other classes are paid from. A deal without such
 * a class cannot take them.
 */
export function payPrepaymentCharges(ledger: Ledger, period: CollectionPeriod, file: string): void {
  if (period.prepaymentCharges === 0) return;
  const pClass = ledger.deal.prepaymentChargeClass;
  if (!pClass) {
    throw new TrusteeError(
      'INVALID_INPUT',
      `${file}: prepayment charges but the deal has no prepayment-charge class`,
      [{ file, field: 'prepaymentCharges', message: 'no class to pay them to', expected: '0' }],
    );
  }
  const p = workingClass(ledger, pClass.name);
  p.otherPaid = cents(p.otherPaid + period.prepaymentCharges);
  if (ledger.tracing) {
    ledger.note({
      phase: 'prepaymentCharges',
      step: 'prepaymentCharges',
      from: 'prepayment charges collected',
      to: pClass.name,
      amount: period.prepaymentCharges,
      reason: `prepayment charges are paid to class ${pClass.name}`,
    });
  }
}
