import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cutoffPosition, nextInstallment } from '../../collateral/amortization.ts';
import { readDealTape } from '../../collateral/dealTape.ts';
import { readLoanTape } from '../../collateral/readLoanTape.ts';
import { dealsDirectory, indexTableFor, resolveDeal } from '../../deal/builtIn.ts';
import { readStateFile } from '../../deal/stateFile.ts';
import { cents } from '../../money/cents.ts';
import { initialState } from '../../waterfall/initialState.ts';
import { runDistribution } from '../../waterfall/runDistribution.ts';
import { readPeriodTotalsFile } from '../periodTotalsFile.ts';
import { derivedOpening } from './derivedOpening.ts';
import { derivePool } from './derivedPool.ts';

const deal = resolveDeal('nchet-2002-1');
const folder = `${dealsDirectory}nchet-2002-1/`;
const derived = await derivedOpening(deal);

describe('the derived opening of the 2002-1 example (March 2002 totals, the loans after April)', () => {
  it('regenerates the committed files byte for byte', () => {
    expect(derived.files.map((f) => f.name)).toEqual([
      'periods/2002-03-25.json',
      'tape-2002-04-25.csv',
    ]);
    for (const { name, text } of derived.files) {
      expect(readFileSync(`${folder}${name}`, 'utf8'), name).toBe(text);
    }
  });

  it('March run from the closing gives exactly the state after March from the seed', () => {
    const march = readPeriodTotalsFile(`${folder}periods/2002-03-25.json`);
    const { distribution, state } = runDistribution(
      deal,
      initialState(deal),
      march,
      indexTableFor(deal),
    );
    const seed = readStateFile(deal, `${folder}state-2002-03-25.json`);
    expect(state).toEqual(seed);
    expect(state.poolBalance).toBe(198_112_844_14);
    expect(state.loanCount).toBe(586);
    expect(state.classes['A']?.balance).toBe(160_369_748_35);
    expect(state.classes['CE']?.balance).toBe(3_972_995_79);
    // Principal 531,251.65 = scheduled + curtailments + 2 payoffs, all of it to class A.
    expect(march.scheduledPrincipal + march.curtailments + march.paymentsInFull).toBe(531_251_65);
    expect(distribution.classes.find((c) => c.name === 'A')?.principalPaid).toBe(531_251_65);
    expect(march.realizedLosses).toBe(0);
    // About one month at the 8.66% WAC.
    expect((march.interestCollected * 12) / march.beginningPoolBalance).toBeCloseTo(0.0866, 4);
    expect(march.curtailments).toBeGreaterThan(0);
  });

  it('the loans after April: 586 of the tape, exactly the April ending pool, current', async () => {
    const tape = await readDealTape(deal.id);
    const after = await readLoanTape(`${folder}tape-2002-04-25.csv`);
    expect(after).toHaveLength(586);
    expect(after.reduce((a, l) => a + l.currentBalance, 0)).toBe(197_974_200_82);
    expect(after.every((l) => l.nextDueDate === '2002-05-01')).toBe(true);
    const gone = tape.filter((l) => !after.some((a) => a.id === l.id));
    expect(gone.map((l) => l.id)).toEqual(derived.first.payoffs.map((l) => l.id));
    expect(gone.reduce((a, l) => a + l.currentBalance, 0)).toBe(
      readPeriodTotalsFile(`${folder}periods/2002-03-25.json`).paymentsInFull,
    );
    // Each loan: its second scheduled balance less its pro-rata share of the curtailments.
    for (const loan of after) {
      const cut = tape.find((l) => l.id === loan.id)!;
      const first = nextInstallment(cut, cutoffPosition(cut));
      const second = nextInstallment(cut, first.after);
      expect(loan.remainingTerm).toBe(cut.remainingTerm - 2);
      expect(loan.currentBalance).toBeLessThanOrEqual(second.after.balance);
      expect(loan.currentBalance / second.after.balance).toBeGreaterThan(0.999);
    }
  });

  it('refuses a total above the scheduled balances, naming the field', () => {
    const loans = derived.pool.slice(0, 3);
    const total = cents(loans.reduce((a, l) => a + l.currentBalance, 0));
    expect(() => derivePool(loans, 0, cents(total + 1))).toThrow(/above the scheduled balances/);
    const exact = derivePool(loans, 0, total);
    expect(exact.map((l) => l.currentBalance)).toEqual(loans.map((l) => l.currentBalance));
  });
});
