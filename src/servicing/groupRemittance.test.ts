import { describe, expect, it } from 'vitest';
import { readDealTape } from '../collateral/dealTape.ts';
import { resolveDeal } from '../deal/builtIn.ts';
import { plainDate } from '../money/plainDate.ts';
import { PERIOD_AMOUNTS } from '../trust/types.ts';
import { collectionPeriodFromRemittance } from './collectionPeriodFromRemittance.ts';
import { dealRemittancePath } from './dealRemittances.ts';
import { readRemittance } from './readRemittance.ts';

/** A deal with loan groups: each report line carries its loan's group (the `group` column). */
describe('a remittance report of a deal with loan groups', () => {
  const deal = resolveDeal('example-2002-groups');
  const path = dealRemittancePath(deal.id, plainDate('2002-08-26'));

  it("gives each group's figures from its own loans' lines, the period's their sums", async () => {
    const [tape, report] = await Promise.all([readDealTape(deal.id), readRemittance(path)]);
    const period = collectionPeriodFromRemittance(deal, tape, report);
    const [i, ii] = [period.groups!['I']!, period.groups!['II']!];
    for (const field of PERIOD_AMOUNTS) expect(i[field] + ii[field]).toBe(period[field]);
    const groupOf = new Map(tape.map((loan) => [loan.id, loan.group]));
    const linesOfI = report.rows.filter((r) => groupOf.get(r.loanId) === 'I');
    expect(i.beginningLoanCount).toBe(linesOfI.length);
    expect(i.beginningPoolBalance).toBe(deal.groups[0]!.cutoffBalance);
    expect(i.paymentsInFull).toBe(linesOfI.reduce((a, r) => a + r.payoff, 0));
  });

  it('refuses a line with no group of the deal, naming its row', async () => {
    const [tape, report] = await Promise.all([readDealTape(deal.id), readRemittance(path)]);
    const { group: _group, ...stray } = report.rows[3]!;
    const bad = { ...report, rows: report.rows.map((r, k) => (k === 3 ? stray : r)) };
    expect(() => collectionPeriodFromRemittance(deal, tape, bad)).toThrow(
      expect.objectContaining({
        details: [expect.objectContaining({ row: report.rows[3]!.row, field: 'group' })],
      }),
    );
  });
});
