import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLoanTape } from '../collateral/readLoanTape.ts';
import { dealsDirectory, resolveDeal } from '../deal/builtIn.ts';
import {
  plannedYearFiles,
  plansOfFile,
  PLAN_INDEX_RATE,
  readYearPlanFile,
} from '../servicing/derived/yearPlanFile.ts';
import { plannedReports } from '../servicing/derived/plannedYear.ts';
import { TENK_2002 } from './derivedYear.ts';
import { yearFigures } from './yearFigures.ts';

const deal = resolveDeal('nchet-2002-1');
const folder = `${dealsDirectory}nchet-2002-1/`;
const loans = await readLoanTape(`${folder}tape-2002-04-25.csv`);
const plan = readYearPlanFile(`${folder}derived-2002.json`);

describe('the derived May-December 2002 of nchet-2002-1', () => {
  it("the committed reports are the plan's, byte for byte", () => {
    const files = plannedYearFiles(deal, loans, plan);
    expect(files.map((f) => f.name)).toEqual([
      '2002-05-28.csv',
      '2002-06-25.csv',
      '2002-07-25.csv',
      '2002-08-26.csv',
      '2002-09-25.csv',
      '2002-10-25.csv',
      '2002-11-25.csv',
      '2002-12-26.csv',
    ]);
    for (const { name, text } of files) {
      expect(text).toBe(readFileSync(`${folder}remittances/${name}`, 'utf8'));
    }
  });

  it("carries April's delinquent loans into May: 8 a month late, 2 in foreclosure", () => {
    const behind = Object.entries(plan.loans).filter(([, p]) => p.behindAtStart === 1);
    expect(behind).toHaveLength(10);
    expect(behind.filter(([, p]) => p.foreclosureFrom === 3)).toHaveLength(2);
    // In May each repays the advance of the installment it missed before; only they do.
    const [may, june] = plannedReports(deal, loans, plansOfFile(plan), 3, 4, PLAN_INDEX_RATE);
    const repaid = may!.lines.filter((l) => l.advanceReimbursement > 0).map((l) => l.loanId);
    expect(repaid.sort()).toEqual(behind.map(([id]) => id).sort());
    // Three of the eight and the two in foreclosure are still a month behind after May.
    const late = may!.lines.filter((l) => repaid.includes(l.loanId) && l.delinquencyMba === '30');
    expect(late.filter((l) => l.foreclosure)).toHaveLength(2);
    expect(late).toHaveLength(5);
    // The three catch up in June.
    const cured = june!.lines.filter(
      (l) => late.some((x) => x.loanId === l.loanId) && !l.foreclosure,
    );
    expect(cured.map((l) => l.delinquencyMba)).toEqual(['current', 'current', 'current']);
  });

  it("adds up, through the waterfall, to the 10-K's figures it is solved to", () => {
    const reports = plannedReports(deal, loans, plansOfFile(plan), 3, 10, PLAN_INDEX_RATE);
    const { distributions, summary } = yearFigures(deal, loans, reports);
    const a = summary.certificates.rows.find((r) => r.class === 'A')!;
    const ce = summary.certificates.rows.find((r) => r.class === 'CE')!;
    const december = distributions.at(-1)!;
    // The pool at year end and class A's principal and interest to the cent of the per-$1,000
    // figures (164.073198, 16.960345); CE's interest and the charges to the cent.
    expect(summary.loans.endingBalance).toBe(172_244_554_16);
    expect(a.principal).toBe(26_399_541_63);
    expect(Math.abs(a.interest - TENK_2002.classAInterest)).toBeLessThanOrEqual(5);
    expect(ce.interest).toBe(9_183_174_63);
    expect(summary.prepayments.prepaymentCharges).toBe(667_339_67);
    expect(Math.round(summary.prepayments.paymentsInFull / 100)).toBe(24_751_934);
    expect(Math.round(summary.prepayments.liquidationProceeds / 100)).toBe(176_340);
    expect(summary.realizedLosses.total).toBe(126_976_00);
    // The scheduled principal of the loans in REO, month by month.
    expect(Math.round(summary.prepayments.reoPrincipalAmortization / 100)).toBe(1_902);
    expect(summary.loans.endingCount).toBe(509);
    expect(summary.delinquency.reoBookValue).toBe(550_782_00);
    // December's stated balances by bucket and of the REO properties, the 10-K's to the dollar.
    const whole = (c: number) => Math.round(c / 100);
    expect(summary.delinquency.rows.map((r) => [r.bucket, whole(r.statedPrincipal)])).toEqual([
      ['days30to59', 3_832_054],
      ['days60to89', 71_247],
      ['days90plus', 967_508],
      ['foreclosure', 3_837_340],
      ['bankruptcy', 998_124],
      ['bankruptcy60plus', 998_124],
    ]);
    // Their unpaid principal too where the 10-K's can be reproduced (docs/formats-remittance.md).
    const unpaid = new Map(
      summary.delinquency.rows.map((r) => [r.bucket, whole(r.unpaidPrincipal)]),
    );
    expect(unpaid.get('days90plus')).toBe(970_428);
    expect(unpaid.get('foreclosure')).toBe(3_849_651);
    expect(unpaid.get('bankruptcy')).toBe(1_001_900);
    expect(unpaid.get('bankruptcy60plus')).toBe(1_001_900);
    expect(whole(summary.balances.reoStatedPrincipal)).toBe(1_386_868);
    expect(december.period.weightedAverageRate).toBeCloseTo(0.0862477, 7);
    const ceRate =
      (december.classes.find((c) => c.name === 'CE')!.interestPaid * 12) /
      december.period.beginningPoolBalance;
    expect(ceRate).toBeCloseTo(0.0617112, 7);
    // April's pool goes on loan by loan: December's delinquency in the 10-K's counts.
    expect(summary.delinquency.rows.map((r) => [r.bucket, r.count])).toEqual([
      ['days30to59', 14],
      ['days60to89', 2],
      ['days90plus', 4],
      ['foreclosure', 13],
      ['bankruptcy', 6],
      ['bankruptcy60plus', 6],
    ]);
  });
});
