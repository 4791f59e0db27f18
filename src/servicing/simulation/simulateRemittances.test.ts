import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDealTape } from '../../collateral/dealTape.ts';
import { readLoanTape } from '../../collateral/readLoanTape.ts';
import { resolveDeal } from '../../deal/builtIn.ts';
import { plainDate } from '../../money/plainDate.ts';
import { dealRemittancePath, dealSimulationTapePath } from '../dealRemittances.ts';
import { exampleAssumptions, monthly, withOverrides } from './assumptions.ts';
import {
  distributionsInYear,
  simulateRemittances,
  startingDistribution,
} from './simulateRemittances.ts';
import { EXAMPLE_SEED, simulatedYear } from './writeSimulation.ts';

const deal = resolveDeal('nchet-2002-1');
const loans = await readDealTape('nchet-2002-1');
const afterApril = await readLoanTape(dealSimulationTapePath('nchet-2002-1'));

describe('the performance simulator', () => {
  it('simulates May-December 2002 from the pool after April (the built-in reports are derived instead)', () => {
    expect(dealSimulationTapePath(deal.id)).toMatch(/deals\/nchet-2002-1\/tape-2002-04-25\.csv$/);
    const files = simulatedYear(deal, afterApril, exampleAssumptions, EXAMPLE_SEED, 2002);
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
    // The same loans as the built-in May report, which the derivation writes (derivedYear.ts).
    const firstColumn = (text: string) => text.split('\n').map((l) => l.split(',')[1]);
    const builtIn = readFileSync(dealRemittancePath(deal.id, plainDate('2002-05-28')), 'utf8');
    expect(firstColumn(files[0]!.text)).toEqual(firstColumn(builtIn));
    expect(files[0]!.text).not.toBe(builtIn);
  });

  it('is reproducible: the same seed gives the same files, another seed others', () => {
    const a = simulatedYear(deal, loans, exampleAssumptions, 7, 2002);
    const b = simulatedYear(deal, loans, exampleAssumptions, 7, 2002);
    const c = simulatedYear(deal, loans, exampleAssumptions, 8, 2002);
    expect(b).toEqual(a);
    expect(c.map((f) => f.text)).not.toEqual(a.map((f) => f.text));
  });

  it('follows its assumptions: no prepayment at 0% CPR, none lost without defaults', () => {
    const quiet = withOverrides(
      { ...exampleAssumptions, delinquency: { miss: 0, cure: [1, 1, 1], stay: [0, 0, 0] } },
      { cpr: 0, cdr: 0 },
    );
    const reports = simulateRemittances(deal, loans.slice(0, 50), quiet, 1, 12);
    const lines = reports.flatMap((r) => r.lines);
    expect(lines.every((l) => l.payoff === 0 && l.realizedLoss === 0 && l.piAdvance === 0)).toBe(
      true,
    );
    expect(reports.at(-1)?.lines).toHaveLength(50);
    // 100% CPR: every loan pays off in the first month.
    const all = simulateRemittances(
      deal,
      loans.slice(0, 20),
      withOverrides(exampleAssumptions, { cpr: 1 }),
      1,
      3,
    );
    expect(all).toHaveLength(1);
    expect(all[0]?.lines.every((l) => l.payoff > 0 && l.endingBalance === 0)).toBe(true);
  });

  it('starts from the loans as they stand: the cut-off tape at 1, the pool after April at 3', () => {
    expect(startingDistribution(deal, loans)).toBe(1);
    expect(startingDistribution(deal, afterApril)).toBe(3);
    const [may] = simulateRemittances(deal, afterApril, exampleAssumptions, 1, 3);
    expect(may?.distributionDate).toBe('2002-05-28');
    expect(may?.lines.map((l) => l.beginningBalance)).toEqual(
      afterApril.map((l) => l.currentBalance),
    );
    // A year after the start continues the same draw: 2003 from the pool after April 2002.
    expect(
      simulatedYear(deal, afterApril, exampleAssumptions, 1, 2003).map((f) => f.name),
    ).toHaveLength(12);
    const mixed = [afterApril[0]!, loans[1]!];
    expect(() => startingDistribution(deal, mixed)).toThrow(/starts from a current pool/);
  });

  it("turns annual rates into monthly ones and finds a year's distributions", () => {
    expect(monthly(0.12)).toBeCloseTo(0.010596, 6); // 1 - 0.88^(1/12)
    expect(distributionsInYear(deal, 2002)).toEqual({ first: 1, last: 10 });
    expect(distributionsInYear(deal, 2003)).toEqual({ first: 11, last: 22 });
    expect(() => distributionsInYear(deal, 2001)).toThrow(/no distribution in 2001/);
  });
});
