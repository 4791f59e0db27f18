import { describe, expect, it } from 'vitest';
import { armLoan, fixedLoan } from '../collateral/testLoans.ts';
import { resolveDeal } from '../deal/builtIn.ts';
import type { TrusteeError } from '../errors/catalogue.ts';
import { cents, type Cents } from '../money/cents.ts';
import { plainDate } from '../money/plainDate.ts';
import { initialState } from '../waterfall/initialState.ts';
import { loanRecordAt, totalBalance } from './loanArrays.ts';
import { loansFromRemittance } from './storeLoans.ts';
import type { LoanAfterPeriod } from './storedLoanRow.ts';

const deal = resolveDeal('nchet-2002-1');
const paidOff = { ...fixedLoan, id: 'F2', currentBalance: cents(5_000_000) };
const tape = [fixedLoan, armLoan, paidOff];

const line = (
  loanId: string,
  endingBalance: number,
  more: Partial<LoanAfterPeriod> = {},
): LoanAfterPeriod => ({
  loanId,
  endingBalance: endingBalance as Cents,
  remainingTerm: 350,
  noteRate: 0.08,
  scheduledPayment: cents(73_376),
  distressed: false,
  inForeclosure: false,
  seriouslyDelinquent: false,
  ...more,
});

/** December 2002: F1 current, A1 90 days late and advanced, F2 paid off in the month. */
const december = [
  line('F1', 9_893_417),
  line('A1', 19_861_234, { noteRate: 0.085, scheduledPayment: cents(153_783), distressed: true }),
  line('F2', 0, { remainingTerm: 0, scheduledPayment: cents(0) }),
];
const state = {
  ...initialState(deal),
  distributionNumber: 10,
  lastDate: plainDate('2002-12-26'),
  poolBalance: cents(9_893_417 + 19_861_234),
  loanCount: 2,
};

function failure(run: () => unknown): TrusteeError {
  try {
    run();
  } catch (error) {
    return error as TrusteeError;
  }
  throw new Error('expected an error');
}

describe('loansFromRemittance', () => {
  it("is the loans left after the period: the state's count, its pool to the cent", () => {
    const { loans, distressed } = loansFromRemittance(deal, state, tape, december, 'store');
    expect(loans.count).toBe(state.loanCount);
    expect(totalBalance(loans)).toBe(state.poolBalance);
    // Fixed first, then the ARM; the loan paid off is not there.
    expect(loans.fixedCount).toBe(1);
    expect([...loans.balance]).toEqual([9_893_417, 19_861_234]);
    expect(loanRecordAt(loans, 1)).toMatchObject({ rate: 0.085, remainingTerm: 350, age: 10 });
    // The loan 90 days late stays in the pool and is counted, to be projected as performing.
    expect(distressed).toBe(1);
  });

  it('marks the loans in foreclosure or REO, which projections liquidate', () => {
    const inForeclosure = december.map((l) =>
      l.loanId === 'A1' ? { ...l, inForeclosure: true } : l,
    );
    const result = loansFromRemittance(deal, state, tape, inForeclosure, 'store');
    expect(result.inForeclosure).toBe(1);
    expect(result.distressed).toBe(0);
    expect([...result.loans.inForeclosure]).toEqual([0, 1]);
  });

  it('marks the loans 60+ days late or in bankruptcy, which may roll to default', () => {
    const late = december.map((l) => (l.loanId === 'A1' ? { ...l, seriouslyDelinquent: true } : l));
    const result = loansFromRemittance(deal, state, tape, late, 'store');
    expect(result.seriouslyDelinquent).toBe(1);
    expect([...result.loans.seriouslyDelinquent]).toEqual([0, 1]);
  });

  it('refuses lines that are not the pool of the state (UNRECONCILED)', () => {
    const short = { ...state, poolBalance: cents(state.poolBalance + 1) };
    const error = failure(() => loansFromRemittance(deal, short, tape, december, 'store'));
    expect(error.code).toBe('UNRECONCILED');
    expect(error.details[0]).toMatchObject({
      file: 'store',
      field: 'endingBalance',
      message: '2 loans with a balance, 297546.51 in all',
      expected: '2 loans, 297546.52: the pool after 2002-12-26',
    });
    const more = { ...state, loanCount: 3 };
    expect(failure(() => loansFromRemittance(deal, more, tape, december, 'store')).code).toBe(
      'UNRECONCILED',
    );
  });

  it('refuses a loan that is not on the cut-off tape, naming it', () => {
    const error = failure(() =>
      loansFromRemittance(deal, state, [fixedLoan, paidOff], december, 'store'),
    );
    expect(error.code).toBe('UNRECONCILED');
    expect(error.details[0]!.message).toBe('1 loan(s) not on the cut-off tape: A1');
  });
});
