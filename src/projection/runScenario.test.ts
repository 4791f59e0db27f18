import { beforeAll, describe, expect, it } from 'vitest';
import { dealsDirectory, indexTableFor, resolveDeal } from '../deal/builtIn.ts';
import { determineIndexRate } from '../deal/indexRates.ts';
import { readStateFile } from '../deal/stateFile.ts';
import { readPeriodTotalsFile } from '../servicing/periodTotalsFile.ts';
import { distribute } from '../waterfall/distribute.ts';
import { runDistribution } from '../waterfall/runDistribution.ts';
import { dealContext, tapeArrays } from './dealContext.ts';
import type { LoanArrays } from './loanArrays.ts';
import type { ProjectionContext } from './projectionContext.ts';
import { offeredClassesRetired, runScenario } from './runScenario.ts';
import { parseScenario } from './scenarioFile.ts';
import { latestKnownState } from './startingState.ts';

const deal = resolveDeal('nchet-2002-1');
const table = indexTableFor(deal);
const march = readStateFile(deal, `${dealsDirectory}nchet-2002-1/state-2002-03-25.json`);
const april = readPeriodTotalsFile(`${dealsDirectory}nchet-2002-1/periods/2002-04-25.json`);
let tape: LoanArrays;
let afterApril: ProjectionContext;

beforeAll(async () => {
  tape = await tapeArrays(deal);
  afterApril = await dealContext(deal, { tape });
});

describe('projection from a known state', () => {
  it('starts after April 2002: distribution 2, the April ending pool', () => {
    const { state } = latestKnownState(deal);
    expect(state.distributionNumber).toBe(2);
    expect(state.poolBalance).toBe(19797420082);
    expect(afterApril.state).toEqual(state);
  });

  it('scales the tape, aged two payments, to the pool of the state', () => {
    let total = 0;
    for (let i = 0; i < afterApril.loans.count; i++) total += afterApril.loans.balance[i]!;
    expect(Math.abs(total - 19797420082)).toBeLessThan(1e-3);
    expect(afterApril.loans.count).toBe(588);
    expect(afterApril.projectedLoans).toBe(588);
  });

  it("projects April with April's actual totals: the same distribution as the actual run", async () => {
    const fromMarch = await dealContext(deal, { tape, state: march });
    const run = runScenario(fromMarch, parseScenario({ horizon: 1 }), { actuals: [april] });
    const actual = runDistribution(deal, march, april, table);
    expect(run.distributions[0]).toEqual(actual.distribution);
    expect(run.distributions[0]!.classes.find((c) => c.name === 'CE')!.interestPaid).toBe(94298071);
    // The month after is projected from the state the actual run left.
    const may = run.distributions[1]!;
    expect(may.distributionDate).toBe('2002-05-28');
    expect(may.period.beginningPoolBalance).toBe(actual.state.poolBalance);
    expect(may.indexRate).toBe(determineIndexRate(table, '2002-04-25' as never, 2).rate);
  });

  it('runs every projected period through distribute with the fixing of its date', () => {
    const scenario = parseScenario({ prepayment: { cpr: 20 }, default: { cdr: 3 }, severity: 35 });
    const run = runScenario(afterApril, scenario, { trace: true });
    expect(run.distributions).toHaveLength(run.periods.length);
    let state = afterApril.state;
    run.periods.slice(0, 40).forEach((period, k) => {
      const d = run.distributions[k]!;
      expect(d.period).toBe(period);
      const fixing = { rate: d.indexRate, determinationDate: d.indexDeterminationDate };
      const again = distribute(deal, state, period, fixing, period.source);
      expect(again.distribution).toEqual(d);
      state = again.state;
    });
    // Fixings come from the deal's LIBOR table while it lasts (to Feb 2005).
    for (const d of run.distributions.slice(0, 30)) {
      expect(d.indexRate).toBe(determineIndexRate(table, d.accrualStart, 2).rate);
    }
    expect(run.finalState.poolBalance).toBe(0);
  });

  it('exercises the clean-up call on the first date the pool ends at or below 10%, before any step-up', () => {
    const run = runScenario(
      afterApril,
      parseScenario({ prepayment: { cpr: 30 }, cleanUpCall: true }),
    );
    const last = run.distributions[run.distributions.length - 1]!;
    expect(last.cleanUpCallExercised).toBe(true);
    // The pool after the call month's collections is what the holder buys: at or below 10%.
    expect(last.period.repurchasePrincipal).toBeGreaterThan(0);
    expect(last.period.repurchasePrincipal).toBeLessThanOrEqual(deal.cleanUpCallBalance);
    expect(last.period.beginningPoolBalance).toBeGreaterThan(deal.cleanUpCallBalance);
    const before = run.distributions[run.distributions.length - 2]!;
    expect(before.period.endingPoolBalance).toBeGreaterThan(deal.cleanUpCallBalance);
    expect(before.cleanUpCallExercised).toBe(false);
    // Called on the Optional Termination Date itself: the coupons are not yet stepped up.
    const a = last.classes.find((c) => c.name === 'A')!;
    const m1 = last.classes.find((c) => c.name === 'M-1')!;
    expect(a.couponRate).toBeLessThanOrEqual(last.indexRate + 0.0032 + 1e-12);
    expect(m1.couponRate).toBeLessThanOrEqual(last.indexRate + 0.008 + 1e-12);
    expect(run.finalState.terminated).toBe(true);
    for (const c of deal.interestBearingClasses)
      expect(run.finalState.classes[c.name]!.balance).toBe(0);
  });

  it('can stop the waterfall once the offered classes are retired, with the same class flows', () => {
    const scenario = parseScenario({ prepayment: { cpr: 25 }, default: { cdr: 4 }, severity: 40 });
    const full = runScenario(afterApril, scenario);
    const early = runScenario(afterApril, scenario, { untilRetired: true });
    expect(early.distributions.length).toBeLessThan(full.distributions.length);
    expect(offeredClassesRetired(afterApril, early.finalState)).toBe(true);
    const names = new Set(deal.interestBearingClasses.map((c) => c.name));
    full.distributions.forEach((d, k) => {
      for (const c of d.classes.filter((x) => names.has(x.name))) {
        const e = early.distributions[k]?.classes.find((x) => x.name === c.name);
        if (e) expect(e).toEqual(c);
        else expect(c.principalPaid + c.interestPaid + c.realizedLoss).toBe(0);
      }
    });
  });
});
