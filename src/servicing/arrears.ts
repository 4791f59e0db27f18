import { cents, ZERO, type Cents } from '../money/cents.ts';
import type { RemittanceLine } from './writeRemittance.ts';

/** A loan's installments missed and advanced by the servicer, oldest first. */
export interface Arrears {
  arrears: { principal: Cents; interest: Cents }[];
}

/** The month's scheduled installment. */
interface Installment {
  readonly principal: Cents;
  readonly interest: Cents;
}

/**
 * A month of a loan that is behind or falls behind, as the servicer reports it: `miss` (the
 * installment is not paid: it is advanced and joins the arrears), `stay` (one installment is
 * paid, the oldest owed, reimbursing its advance; this month's is advanced: the loan stays as
 * far behind), `cure` (every installment owed is paid with this month's: the advances are
 * reimbursed). The simulator and the derived year report delinquency alike through this.
 */
export function arrearsMonth(
  kind: 'miss' | 'stay' | 'cure',
  line: RemittanceLine,
  loan: Arrears,
  installment: Installment,
  owed: Cents,
): RemittanceLine {
  switch (kind) {
    case 'miss':
      loan.arrears.push({ principal: installment.principal, interest: installment.interest });
      return { ...line, piAdvance: owed };
    case 'stay': {
      const oldest = loan.arrears.shift() ?? { principal: ZERO, interest: ZERO };
      loan.arrears.push({ principal: installment.principal, interest: installment.interest });
      return {
        ...line,
        actualPrincipal: oldest.principal,
        actualInterest: oldest.interest,
        advanceReimbursement: cents(oldest.principal + oldest.interest),
        piAdvance: owed,
      };
    }
    case 'cure': {
      const p = loan.arrears.reduce((t, x) => t + x.principal, 0);
      const i = loan.arrears.reduce((t, x) => t + x.interest, 0);
      loan.arrears = [];
      return {
        ...line,
        actualPrincipal: cents(p + installment.principal),
        actualInterest: cents(i + installment.interest),
        advanceReimbursement: cents(p + i),
      };
    }
  }
}
