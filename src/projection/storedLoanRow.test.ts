import { describe, expect, it } from 'vitest';
import type { TrusteeError } from '../errors/catalogue.ts';
import { loansAfterPeriod } from './storedLoanRow.ts';

/** A line as closeThrough stores it: the RemittanceRow as JSON (undefined fields dropped). */
const stored = {
  actualInterest: 632091,
  actualPrincipal: 62459,
  beginningBalance: 91718178,
  delinquencyMba: 'current',
  delinquencyOts: 'current',
  distributionDate: '2002-12-26',
  endingBalance: 91655719,
  foreclosure: false,
  bankruptcy: false,
  reo: false,
  loanId: '500161',
  nextDueDate: '2003-01-01',
  noteRate: 0.0827,
  remainingTerm: 350,
  row: 2,
  scheduledPayment: 694550,
};

describe('loansAfterPeriod', () => {
  it('reads where each loan stands after the period', () => {
    expect(loansAfterPeriod([stored], 'store')).toEqual([
      {
        loanId: '500161',
        endingBalance: 91655719,
        remainingTerm: 350,
        noteRate: 0.0827,
        scheduledPayment: 694550,
        distressed: false,
        inForeclosure: false,
        seriouslyDelinquent: false,
      },
    ]);
  });

  it('marks loans delinquent, in bankruptcy, foreclosure or REO as distressed', () => {
    const lines = [
      { ...stored, delinquencyMba: '30' },
      { ...stored, bankruptcy: true },
      { ...stored, delinquencyMba: '90', foreclosure: true },
      { ...stored, delinquencyMba: '90', reo: true },
      // A loan that left: no status at all.
      { ...stored, endingBalance: 0, delinquencyMba: undefined, nextDueDate: undefined },
    ];
    expect(loansAfterPeriod(lines, 'store').map((l) => l.distressed)).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
    // 60+ days late or in bankruptcy, not in foreclosure: these may roll to default.
    expect(loansAfterPeriod(lines, 'store').map((l) => l.seriouslyDelinquent)).toEqual([
      false,
      true,
      false,
      false,
      false,
    ]);
    // Of which in foreclosure or REO (liquidated by projections unless told not to).
    expect(loansAfterPeriod(lines, 'store').map((l) => l.inForeclosure)).toEqual([
      false,
      false,
      true,
      true,
      false,
    ]);
  });

  it('reports every bad line at once, naming the source, the line and the field', () => {
    const bad = [stored, { ...stored, endingBalance: 12.5 }, { ...stored, noteRate: '8.27' }];
    let error: TrusteeError | undefined;
    try {
      loansAfterPeriod(bad, 'var/trustee.sqlite 2002-12-26');
    } catch (e) {
      error = e as TrusteeError;
    }
    expect(error?.code).toBe('INVALID_INPUT');
    expect(error?.details.map((d) => [d.file, d.row, d.field, d.got])).toEqual([
      ['var/trustee.sqlite 2002-12-26', 2, 'endingBalance', 12.5],
      ['var/trustee.sqlite 2002-12-26', 3, 'noteRate', '8.27'],
    ]);
  });
});
