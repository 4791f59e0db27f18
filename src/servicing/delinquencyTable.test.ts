import { describe, expect, it } from 'vitest';
import { resolveDeal } from '../deal/builtIn.ts';
import { cents } from '../money/cents.ts';
import { plainDate } from '../money/plainDate.ts';
import { blankLine } from './blankLine.ts';
import { collectionMonth } from './collectionMonth.ts';
import { delinquencyTable } from './delinquencyTable.ts';
import type { RemittanceRow } from './remittanceRow.ts';

const month = collectionMonth(resolveDeal('nchet-2002-1'), 10); // November 2002, due 2002-12-01
const line = (
  id: string,
  stated: number,
  unpaid: number,
  nextDue: string,
  flags: Partial<RemittanceRow> = {},
): RemittanceRow => ({
  ...blankLine(month.distributionDate, id, cents(stated), 0.09),
  row: 2,
  endingBalance: cents(stated),
  unpaidPrincipalBalance: cents(unpaid),
  nextDueDate: plainDate(nextDue),
  ...flags,
});

describe('delinquencyTable', () => {
  const rows = [
    line('current', 100_00, 100_00, '2003-01-01'),
    line('30', 200_00, 201_00, '2002-12-01'),
    line('60', 300_00, 302_00, '2002-11-01'),
    line('90', 400_00, 404_00, '2002-09-01'),
    line('fcl', 500_00, 510_00, '2002-06-01', { foreclosure: true }),
    line('bk30', 600_00, 601_00, '2002-12-01', { bankruptcy: true }),
    line('bk60', 700_00, 702_00, '2002-11-01', { bankruptcy: true }),
    line('reo', 800_00, 820_00, '2002-03-01', {
      reo: true,
      foreclosure: true,
      reoBookValue: cents(450_00),
    }),
  ];
  it('puts each loan in one line: REO, foreclosure, bankruptcy, then days past due (MBA)', () => {
    const t = delinquencyTable(rows, month, 'MBA');
    expect(t.days30to59).toEqual({ count: 1, unpaidPrincipal: 201_00, statedPrincipal: 200_00 });
    expect(t.days60to89).toEqual({ count: 1, unpaidPrincipal: 302_00, statedPrincipal: 300_00 });
    expect(t.days90plus).toEqual({ count: 1, unpaidPrincipal: 404_00, statedPrincipal: 400_00 });
    expect(t.foreclosure).toEqual({ count: 1, unpaidPrincipal: 510_00, statedPrincipal: 500_00 });
    expect(t.bankruptcy.count).toBe(2);
    expect(t.bankruptcy60plus).toEqual({
      count: 1,
      unpaidPrincipal: 702_00,
      statedPrincipal: 700_00,
    });
    expect(t.reo).toEqual({ count: 1, unpaidPrincipal: 820_00, statedPrincipal: 800_00 });
    expect(t.reoBookValue).toBe(450_00);
  });
  it('by OTS each loan is one bucket later', () => {
    const t = delinquencyTable(rows, month, 'OTS');
    expect([t.days30to59.count, t.days60to89.count, t.days90plus.count]).toEqual([1, 0, 1]);
    expect(t.bankruptcy60plus.count).toBe(0);
  });
});
