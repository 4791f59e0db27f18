import type { Loan } from '../collateral/loan.ts';
import type { Deal } from '../deal/deal.ts';
import type { IndexRateTable } from '../deal/indexRates.ts';
import type { PlainDate } from '../money/plainDate.ts';
import type { DealState } from '../waterfall/types.ts';
import { loanArraysFromTape } from './fromCollateral.ts';
import type { LoanArrays } from './loanArrays.ts';
import { agedTapeLoans } from './projectionContext.ts';
import { loansFromRemittance } from './storeLoans.ts';
import { loansAfterPeriod } from './storedLoanRow.ts';

/** The remittance the state's own date was closed from, as the history keeps it. */
export interface ClosedRemittance {
  /** The servicer's loan lines (stored JSON); empty when the date was closed from totals. */
  readonly rows: readonly Readonly<Record<string, unknown>>[];
  /** What they are, for the output: "the store's remittance rows". */
  readonly label: string;
  /** Where they were read, for errors: the store and the date. */
  readonly source: string;
}

/** Where a projection's loans came from. */
export type LoanOrigin =
  | {
      readonly kind: 'remittance';
      readonly date: PlainDate;
      readonly loans: number;
      readonly distressed: number;
      readonly label: string;
    }
  | {
      readonly kind: 'aged-tape';
      readonly payments: number;
      readonly rows: number;
      /** Why the loan lines were not used. */
      readonly why: string;
    };

export interface StartingLoans {
  readonly loans: LoanArrays;
  readonly origin: LoanOrigin;
}

/**
 * The loans a projection from `state` starts with. When the state's date was closed from the
 * servicer's loan-level report (`closed` with rows), the loans as they stood then
 * (`loansFromRemittance`: the state's pool to the cent, its loan count). Otherwise (a date
 * closed from totals, such as 2002-1's April 2002, or a state from a file) the cut-off tape
 * aged by the distributions made and scaled to the pool (`agedTapeLoans`).
 */
export function startingLoans(
  deal: Deal,
  state: DealState,
  tape: readonly Loan[],
  table: IndexRateTable,
  closed?: ClosedRemittance,
): StartingLoans {
  if (closed && closed.rows.length > 0) {
    const after = loansAfterPeriod(closed.rows, closed.source);
    const { loans, distressed } = loansFromRemittance(deal, state, tape, after, closed.source);
    return {
      loans,
      origin: {
        kind: 'remittance',
        date: state.lastDate,
        loans: loans.count,
        distressed,
        label: closed.label,
      },
    };
  }
  const loans = agedTapeLoans(deal, state, loanArraysFromTape(tape), table);
  const why = closed
    ? `${state.lastDate} was closed from period totals, without loan lines`
    : `no loan lines for ${state.lastDate}`;
  return {
    loans,
    origin: { kind: 'aged-tape', payments: state.distributionNumber, rows: loans.count, why },
  };
}

/** One line for the output: "510 loans as of 2002-12-26 from the store's remittance rows...". */
export function describeLoans(origin: LoanOrigin): string {
  if (origin.kind === 'aged-tape')
    return `${origin.rows} rows: the cut-off tape aged ${origin.payments} payment${origin.payments === 1 ? '' : 's'} and scaled to the pool (${origin.why})`;
  const distressed =
    origin.distressed > 0
      ? `; ${origin.distressed} delinquent, in bankruptcy, foreclosure or REO, projected as performing`
      : '';
  return `${origin.loans} loans as of ${origin.date} from ${origin.label}${distressed}`;
}
