import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveDeal } from '../deal/builtIn.ts';
import { loadDeal } from '../deal/loadDeal.ts';
import type { Deal } from '../deal/deal.ts';
import { plainDate } from '../money/plainDate.ts';
import { distribute } from './distribute.ts';
import { conditionHolds } from './stepCondition.ts';
import { initialState } from './initialState.ts';
import {
  expenseCapDeal,
  fixedRateDeal,
  ioDeal,
  reserveFundDeal,
  splitSeniorDeal,
  swapDeal,
  twoGroupDeal,
} from './testDeals.ts';
import type { Distribution } from './types.ts';
import { syntheticPeriod } from '../../test/support/periods.ts';

/**
 * Cash in (interest, compensating interest, principal, prepayment charges, swap and cap
 * receipts) = cash out (fees, the classes, expenses, the Net Swap Payment).
 */
function cashIn(d: Distribution): number {
  const p = d.period;
  return (
    p.interestCollected +
    p.compensatingInterest +
    d.principalRemittanceAmount +
    p.prepaymentCharges +
    (d.supplementalInterestTrust?.receipts ?? 0) +
    (d.reserveFund ? d.reserveFund.drawn + d.reserveFund.released : 0)
  );
}
function cashOut(d: Distribution): number {
  const fees = d.fees.reduce((a, f) => a + f.amount, 0);
  const classes = d.classes.reduce(
    (a, c) =>
      a + c.interestPaid + c.principalPaid + c.netWacCarryoverPaid + c.realizedLossReimbursed,
    0,
  );
  return (
    fees +
    classes +
    expensesPaid(d) +
    (d.supplementalInterestTrust?.netSwapPaymentPaid ?? 0) +
    (d.supplementalInterestTrust?.swapTerminationPaid ?? 0) +
    (d.reserveFund?.deposited ?? 0)
  );
}

/**
 * The extraordinary expenses the date paid: those off the interest (all of them, or those within
 * an annual cap; never more than the interest), and those the excess cashflow reimbursed.
 */
function expensesPaid(d: Distribution): number {
  const p = d.period;
  const senior = d.extraordinaryExpenses?.reimbursedSenior ?? p.extraordinaryExpenses;
  const interest = p.interestCollected + p.compensatingInterest;
  return Math.min(senior, interest) + (d.extraordinaryExpenses?.reimbursedFromExcess ?? 0);
}

/** How many dates' pro rata shares were checked, by deal (a test below sees it is not none). */
const proRataChecks = new Map<Deal, number>();

const month = fc.record({
  smm: fc.double({ min: 0, max: 0.2, noNaN: true }),
  mdr: fc.double({ min: 0, max: 0.03, noNaN: true }),
  severity: fc.double({ min: 0, max: 1, noNaN: true }),
  wac: fc.double({ min: 0.01, max: 0.12, noNaN: true }),
  seriousDelinquency: fc.double({ min: 0, max: 0.4, noNaN: true }),
  prepaymentChargeRate: fc.double({ min: 0, max: 0.04, noNaN: true }),
  rate: fc.double({ min: 0.005, max: 0.08, noNaN: true }),
  extraordinaryExpenses: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 8_000_000 })),
});

function checkPath(deal: Deal, months: Record<string, number>[]): Distribution[] {
  let state = initialState(deal);
  const all: Distribution[] = [];
  for (const m of months) {
    const period = syntheticPeriod(deal, state, m);
    const { distribution: d, state: next } = distribute(deal, state, period, {
      rate: Math.round(m.rate! * 1e5) / 1e5,
      determinationDate: plainDate('2002-01-01'),
    });
    // Cash in equals cash out to the cent.
    expect(cashOut(d)).toBe(cashIn(d));
    // Pro rata shares within a cent: classes that only pro rata principal steps pay this date
    // get the principal in proportion to their balances, to a cent a step.
    const tests = {
      distributionNumber: d.distributionNumber,
      triggerEvent: d.triggerEvent,
      stepdownDate: d.stepdownDate,
      terminated: d.cleanUpCallExercised,
    };
    const applying = deal.waterfall.principal.filter(
      (step) => step.kind === 'principal' && conditionHolds(step.when, tests),
    );
    for (const step of applying) {
      if (step.kind !== 'principal' || step.allocation !== 'proRata') continue;
      const others = applying.filter(
        (o) =>
          o.kind === 'principal' &&
          o.allocation !== 'proRata' &&
          o.classes.some((name) => step.classes.includes(name)),
      );
      if (others.length > 0) continue;
      const rows = step.classes.map((name) => d.classes.find((c) => c.name === name)!);
      const paid = rows.reduce((acc, c) => acc + c.principalPaid, 0);
      const balance = rows.reduce((acc, c) => acc + c.beginningBalance, 0);
      if (balance === 0 || rows.some((c) => c.endingBalance === 0)) continue;
      // Each group's fund and the extra principal pay the classes by their own pro rata steps.
      const steps =
        applying.filter((o) => o.kind === 'principal' && o.classes.includes(step.classes[0]!))
          .length * 2;
      proRataChecks.set(deal, (proRataChecks.get(deal) ?? 0) + 1);
      for (const c of rows) {
        expect(
          Math.abs(c.principalPaid - (paid * c.beginningBalance) / balance),
        ).toBeLessThanOrEqual(steps + 1);
      }
    }
    // The trace adds up to the distribution: what its entries paid each class is what the
    // class was paid.
    for (const c of d.classes) {
      const traced = d.trace
        .filter((t) => t.to === c.name && !['available', 'tests', 'losses'].includes(t.phase))
        .reduce((acc, t) => acc + (t.amount ?? 0), 0);
      expect(traced, c.name).toBe(
        c.interestPaid + c.principalPaid + c.netWacCarryoverPaid + c.realizedLossReimbursed,
      );
    }
    // With loan groups, no group's fund pays out more than it had: its Interest Remittance
    // Amount, its Principal Remittance Amount less its share of the reduction.
    for (const g of d.loanGroups ?? []) {
      const paidFrom = (fund: string): number =>
        d.trace
          .filter((t) => t.from === fund && t.phase !== 'available')
          .reduce((acc, t) => acc + (t.amount ?? 0), 0);
      expect(paidFrom(`Interest Remittance Amount (Group ${g.name})`)).toBeLessThanOrEqual(
        g.interestRemittanceAmount,
      );
      expect(paidFrom(`Principal Distribution Amount (Group ${g.name})`)).toBeLessThanOrEqual(
        g.principalRemittanceAmount - g.overcollateralizationReduction,
      );
    }
    for (const c of d.classes) {
      // No balance or carry-forward goes negative.
      expect(c.endingBalance).toBeGreaterThanOrEqual(0);
      expect(c.unpaidInterest).toBeGreaterThanOrEqual(0);
      expect(c.netWacCarryover).toBeGreaterThanOrEqual(0);
      // A class is never paid more principal than its balance, nor more interest than it is owed.
      expect(c.principalPaid).toBeLessThanOrEqual(c.beginningBalance);
      const before = state.classes[c.name]!;
      const kind = deal.classByName.get(c.name)?.kind;
      if (kind === 'floating' || kind === 'fixed' || kind === 'interestOnly') {
        const owed =
          c.accruedInterest -
          c.prepaymentInterestShortfall -
          c.reliefActShortfall +
          before.unpaidInterest * 2 +
          1;
        expect(c.interestPaid).toBeLessThanOrEqual(owed);
        expect(c.realizedLossReimbursed).toBeLessThanOrEqual(before.unpaidRealizedLoss);
      }
    }
    // Losses are written down in the agreed order: a class takes a loss only when every class
    // after it in the order has no balance left.
    const order = deal.lossAllocation;
    order.forEach((name, i) => {
      const c = d.classes.find((k) => k.name === name)!;
      if (c.realizedLoss > 0) {
        for (const junior of order.slice(0, i))
          expect(d.classes.find((k) => k.name === junior)!.endingBalance).toBe(0);
      }
    });
    // The pool backs the certificates: classes (CE = OC) add up to the pool while OC >= 0.
    const total = d.classes.reduce(
      (a, c) => a + (deal.classByName.get(c.name)?.kind === 'interestOnly' ? 0 : c.endingBalance),
      0,
    );
    if (
      d.classes.every(
        (c) => c.realizedLoss === 0 || c.name === deal.overcollateralizationClass.name,
      )
    ) {
      expect(total).toBe(period.endingPoolBalance);
    }
    all.push(d);
    state = next;
  }
  return all;
}

/** The built-in deals and the other structures' deal files (testDeals.ts). */
const deals: Record<string, () => Deal> = {
  'nchet-2002-1': () => resolveDeal('nchet-2002-1'),
  'example-2003-6m': () => resolveDeal('example-2003-6m'),
  'example-2002-groups': () => resolveDeal('example-2002-groups'),
  'example-2004-groups-swap': () => resolveDeal('example-2004-groups-swap'),
  'example-2004-swap': () => resolveDeal('example-2004-swap'),
  'example-2004-fixed': () => resolveDeal('example-2004-fixed'),
  'split seniors, pro rata then sequential': () => loadDeal(splitSeniorDeal()),
  'fixed-rate classes with a NAS class': () => loadDeal(fixedRateDeal()),
  'an interest-only class': () => loadDeal(ioDeal()),
  'a swap and a cap': () => loadDeal(swapDeal()),
  'a reserve fund': () => loadDeal(reserveFundDeal()),
  'two loan groups': () => loadDeal(twoGroupDeal()),
  'an annual cap on expenses': () => loadDeal(expenseCapDeal()),
};

describe.each(Object.keys(deals))('waterfall invariants on %s', (id) => {
  const deal = deals[id]!();
  it('hold on random paths of up to 60 months', () => {
    fc.assert(
      fc.property(fc.array(month, { minLength: 1, maxLength: 60 }), (months) => {
        checkPath(deal, months);
      }),
      { numRuns: 60 },
    );
  });
  it('hold on a stressed path that reaches the stepdown, triggers and write-downs', () => {
    const calm = {
      smm: 0.04,
      mdr: 0.002,
      severity: 0.4,
      wac: 0.0866,
      seriousDelinquency: 0.02,
      prepaymentChargeRate: 0.02,
      rate: 0.02,
    };
    const stress = {
      smm: 0.01,
      mdr: 0.03,
      severity: 0.9,
      wac: 0.0866,
      seriousDelinquency: 0.6,
      prepaymentChargeRate: 0,
      rate: 0.05,
    };
    const run = checkPath(deal, [
      ...Array(40).fill(calm),
      ...Array(30).fill(stress),
      ...Array(30).fill(calm),
    ]);
    expect(run.some((d) => d.stepdownDate && !d.triggerEvent)).toBe(true);
    expect(run.some((d) => d.triggerEvent)).toBe(true);
    expect(
      run.some((d) => d.classes.some((c) => c.realizedLoss > 0 && c.name.startsWith('M'))),
    ).toBe(true);
    expect(run.some((d) => d.overcollateralization.increase > 0)).toBe(true);
  });
  it('checked pro rata shares where the deal pays classes pro rata', () => {
    const proRata = deal.waterfall.principal.some(
      (s) => s.kind === 'principal' && s.allocation === 'proRata',
    );
    if (proRata) expect(proRataChecks.get(deal) ?? 0).toBeGreaterThan(0);
  });
});
