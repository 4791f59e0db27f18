import type { Loan } from '../collateral/loan.ts';
import type { Deal } from '../deal/deal.ts';
import { TrusteeError, type ErrorDetail } from '../errors/catalogue.ts';
import { addMonths } from '../money/plainDate.ts';
import { collectionMonth } from '../servicing/collectionMonth.ts';
import type { DealState } from '../waterfall/types.ts';
import { loanRecordFromLoan } from './fromCollateral.ts';
import { loanAsOf } from './loanAsOf.ts';
import { loanArraysFrom, type LoanArrays } from './loanArrays.ts';
import type { LoanAfterPeriod } from './storedLoanRow.ts';

/** The loans of a closed state, one row a loan, and how many of them are not current. */
export interface LoansAtState {
  readonly loans: LoanArrays;
  /** Loans in foreclosure or REO (`inForeclosure` rows: liquidated unless the scenario says not). */
  readonly inForeclosure: number;
  /** The other loans behind on their installments or in bankruptcy: projected as performing. */
  readonly distressed: number;
  /** Of which 60+ days delinquent or in bankruptcy (`rollToDefault` applies to these). */
  readonly seriouslyDelinquent: number;
}

const dollars = (cents: number): string => (cents / 100).toFixed(2);

/**
 * The trust's loans after the closed period `state` ends, from that period's remittance lines
 * (`after`) and the cut-off tape's contracts: every loan with a stated balance left, as it
 * stands then (`loanAsOf`); loans paid off, repurchased or liquidated are not in the pool. The
 * loans must be the state's pool exactly: as many as its loan count, their stated balances
 * adding up to its pool balance to the cent (no scaling), each of them on the tape; otherwise
 * UNRECONCILED, naming `source`.
 */
export function loansFromRemittance(
  deal: Deal,
  state: DealState,
  tape: readonly Loan[],
  after: readonly LoanAfterPeriod[],
  source: string,
): LoansAtState {
  const contracts = new Map(tape.map((loan) => [loan.id, loan]));
  const left = after.filter((line) => line.endingBalance > 0);
  const problems: ErrorDetail[] = [];
  const unknown = left.filter((line) => !contracts.has(line.loanId)).map((l) => l.loanId);
  if (unknown.length > 0)
    problems.push({
      file: source,
      field: 'loanId',
      message: `${unknown.length} loan(s) not on the cut-off tape: ${unknown.slice(0, 10).join(', ')}`,
      expected: `loans of the ${deal.id} tape`,
    });
  const pool = left.reduce((sum, line) => sum + line.endingBalance, 0);
  if (left.length !== state.loanCount || pool !== state.poolBalance)
    problems.push({
      file: source,
      field: 'endingBalance',
      message: `${left.length} loans with a balance, ${dollars(pool)} in all`,
      expected: `${state.loanCount} loans, ${dollars(state.poolBalance)}: the pool after ${state.lastDate}`,
    });
  if (problems.length > 0)
    throw new TrusteeError(
      'UNRECONCILED',
      `${source}: the loans are not the pool after ${state.lastDate}`,
      problems,
    );
  // Month 1 of the projection is the next distribution's installment, for every loan.
  const nextDue = addMonths(collectionMonth(deal, state.distributionNumber).dueDate, 1);
  const records = left.map((line) => {
    const contract = contracts.get(line.loanId)!;
    const group = deal.groups.findIndex((g) => g.name === contract.group);
    const record = {
      ...loanRecordFromLoan(loanAsOf(contract, line, nextDue)),
      ...(group > 0 ? { group } : {}),
    };
    if (line.inForeclosure) return { ...record, inForeclosure: true };
    return line.seriouslyDelinquent ? { ...record, seriouslyDelinquent: true } : record;
  });
  return {
    loans: loanArraysFrom(records),
    inForeclosure: left.filter((line) => line.inForeclosure).length,
    distressed: left.filter((line) => line.distressed && !line.inForeclosure).length,
    seriouslyDelinquent: left.filter((line) => line.seriouslyDelinquent).length,
  };
}
