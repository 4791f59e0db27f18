import { describe, expect, it } from 'vitest';
import { indexTableFor, resolveDeal } from '../../deal/builtIn.ts';
import { plainDate } from '../../money/plainDate.ts';
import { statementModel } from '../../reports/statementModel.ts';
import { dealPeriodTotalsPath } from '../../servicing/dealRemittances.ts';
import { readPeriodTotalsFile } from '../../servicing/periodTotalsFile.ts';
import { initialState } from '../../waterfall/initialState.ts';
import { runDistribution } from '../../waterfall/runDistribution.ts';
import { statementSections } from './statementSections.ts';

/** The portal's statement (and its PDF and workbook) shows the sections each structure has. */
function firstSections(id: string, date: string) {
  const deal = resolveDeal(id);
  const period = readPeriodTotalsFile(dealPeriodTotalsPath(id, plainDate(date)));
  const { distribution } = runDistribution(deal, initialState(deal), period, indexTableFor(deal));
  return { period, sections: statementSections(statementModel(deal, distribution)).sections };
}

describe("the statement's sections for other structures", () => {
  it('a deal with loan groups: a column a group', () => {
    const { period, sections } = firstSections('example-2002-groups', '2002-08-26');
    const groups = sections.find((s) => s.id === 'loanGroups')!;
    expect(groups.columns).toEqual(['', 'Group I', 'Group II']);
    const beginning = groups.rows.find((r) => r[0]!.text === 'Beginning Pool Balance')!;
    expect(beginning.slice(1).map((c) => c.value)).toEqual([
      period.groups!['I']!.beginningPoolBalance / 100,
      period.groups!['II']!.beginningPoolBalance / 100,
    ]);
    expect(sections.some((s) => s.id === 'supplementalInterestTrust')).toBe(false);
  });

  it('a deal with a swap and a cap: the supplemental interest trust', () => {
    const { sections } = firstSections('example-2004-groups-swap', '2004-09-27');
    const trust = sections.find((s) => s.id === 'supplementalInterestTrust')!;
    const fixed = trust.rows.find((r) => r[0]!.text === 'Fixed Payment Owed by the Trust')!;
    expect(fixed[1]!.text).toBe('2,596,666.67'); // 760,000,000.00 x 4.10% / 12
    expect(sections.some((s) => s.id === 'loanGroups')).toBe(true);
  });

  it('2002-1: none of them', () => {
    const { sections } = firstSections('nchet-2002-1', '2002-03-25');
    for (const id of ['loanGroups', 'supplementalInterestTrust', 'expenseCap', 'reserveFund'])
      expect(sections.some((s) => s.id === id)).toBe(false);
  });
});
