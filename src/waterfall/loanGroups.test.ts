import { describe, expect, it } from 'vitest';
import { afterStepdown } from '../../test/support/afterStepdown.ts';
import { proRata } from '../../test/support/proRata.ts';
import { indexTableFor } from '../deal/builtIn.ts';
import { loadDeal } from '../deal/loadDeal.ts';
import { distributionDate } from '../deal/schedule.ts';
import { cents, type Cents } from '../money/cents.ts';
import { plainDate } from '../money/plainDate.ts';
import { noCollections, sumCollections } from '../trust/sumCollections.ts';
import { NO_DELINQUENCY, type GroupCollections } from '../trust/types.ts';
import { aprilPeriod, aprilStateWithClassASplit, classOf } from '../../test/support/april.ts';
import { distribute } from './distribute.ts';
import { runDistribution } from './runDistribution.ts';
import { twoGroupDeal } from './testDeals.ts';
import type { CollectionPeriod, DealState, Distribution } from './types.ts';

/**
 * Two loan groups (STRUCTURES.md section 1), as data: the 2002-1 deal with class A split into
 * A-1 (group I) and A-2 (group II). Every expected figure is computed here from the agreement's
 * formulas (each amount rounded half up to the cent once), not read from a run.
 */

const deal = loadDeal(twoGroupDeal(), 'two-group-example.json');
const round = (value: number): number => Math.sign(value) * Math.round(Math.abs(value));

const emptyTable = NO_DELINQUENCY;

/** A group's figures: a beginning balance, its principal, interest and rate. */
function group(
  begin: number,
  loans: number,
  principal: { scheduled: number; curtailments: number; paymentsInFull: number },
  interest: number,
  rate: number,
  delinquency = emptyTable,
): GroupCollections {
  const paid = principal.scheduled + principal.curtailments + principal.paymentsInFull;
  return {
    ...noCollections(rate),
    beginningPoolBalance: cents(begin),
    endingPoolBalance: cents(begin - paid),
    beginningLoanCount: loans,
    endingLoanCount: loans,
    scheduledPrincipal: cents(principal.scheduled),
    curtailments: cents(principal.curtailments),
    paymentsInFull: cents(principal.paymentsInFull),
    interestCollected: cents(interest),
    weightedAverageRemainingTerm: 340,
    delinquency,
  };
}

function period(
  date: CollectionPeriod['distributionDate'],
  i: GroupCollections,
  ii: GroupCollections,
): CollectionPeriod {
  return {
    ...sumCollections([i, ii]),
    distributionDate: date,
    source: 'two groups, test',
    groups: { I: i, II: ii },
  };
}

// April 2002 with group I 119,800,000.00 of the 198,112,844.14 beginning pool, A-1
// 96,800,000.00 of class A's 160,369,748.35.
const G1 = 119_800_000_00;
const G2 = aprilPeriod.beginningPoolBalance - G1;
const A1 = 96_800_000_00;
const A2 = 160_369_748_35 - A1;
const aprilGroups: DealState = {
  ...aprilStateWithClassASplit(deal.id, A1),
  groupPoolBalances: { I: cents(G1), II: cents(G2) },
};

/** April split: group I takes 60,000.00 of scheduled principal and 8.40% interest on its loans. */
function aprilSplit(overrides: { interestII?: number; rateII?: number } = {}): CollectionPeriod {
  const interestI = round((G1 * 0.084) / 12);
  const principalI = { scheduled: 60_000_00, curtailments: 1_000_00, paymentsInFull: 0 };
  const i = group(G1, 360, principalI, interestI, 0.084, aprilPeriod.delinquency);
  const ii = group(
    G2,
    aprilPeriod.beginningLoanCount - 360,
    {
      scheduled: aprilPeriod.scheduledPrincipal - principalI.scheduled,
      curtailments: aprilPeriod.curtailments - principalI.curtailments,
      paymentsInFull: aprilPeriod.paymentsInFull,
    },
    overrides.interestII ?? aprilPeriod.interestCollected - interestI,
    overrides.rateII ?? 0.0895,
  );
  return {
    ...period(aprilPeriod.distributionDate, i, {
      ...ii,
      endingLoanCount:
        ii.beginningLoanCount - (aprilPeriod.beginningLoanCount - aprilPeriod.endingLoanCount),
    }),
  };
}

const run = (p: CollectionPeriod) =>
  runDistribution(deal, aprilGroups, p, indexTableFor(deal), 'two-groups.json');

/** What a fund paid each payee, from the trace. */
function paidFrom(d: Distribution, fund: string, to: string): number {
  return d.trace
    .filter((t) => t.from === fund && t.to === to && t.phase !== 'available')
    .reduce((acc, t) => acc + (t.amount ?? 0), 0);
}

// Servicing 0.50% and trustee 0.017% a year, 30/360, on each group's beginning balance.
const feesOf = (balance: number): number =>
  round((balance * 0.005) / 12) + round((balance * 0.00017) / 12);
// LIBOR 1.90% for April 2002's 31 days; A-1's margin 0.32%, A-2's 0.36%.
const interestA1 = round((A1 * (0.019 + 0.0032) * 31) / 360);
const interestA2 = round((A2 * (0.019 + 0.0036) * 31) / 360);

describe('two loan groups, each backing its own senior class (data only)', () => {
  it("pays each group's fees and its senior's interest from its own Interest Remittance Amount", () => {
    const p = aprilSplit();
    const { distribution: d } = run(p);
    const [groupI, groupII] = d.loanGroups!;
    expect(groupI!.interestRemittanceAmount).toBe(p.groups!['I']!.interestCollected);
    const fees = d.fees.reduce((acc, f) => acc + f.amount, 0);
    expect(fees).toBe(feesOf(G1) + feesOf(G2));
    expect(classOf(d.classes, 'A-1').interestPaid).toBe(interestA1);
    expect(classOf(d.classes, 'A-2').interestPaid).toBe(interestA2);
    expect(paidFrom(d, 'Interest Remittance Amount (Group I)', 'A-1')).toBe(interestA1);
    expect(paidFrom(d, 'Interest Remittance Amount (Group II)', 'A-2')).toBe(interestA2);
    expect(groupII!.principalRemittanceAmount).toBe(
      aprilPeriod.scheduledPrincipal +
        aprilPeriod.curtailments +
        aprilPeriod.paymentsInFull -
        61_000_00,
    );
    // Before the Stepdown Date each group's principal goes to its own senior.
    expect(classOf(d.classes, 'A-1').principalPaid).toBe(61_000_00);
    expect(classOf(d.classes, 'A-2').principalPaid).toBe(groupII!.principalRemittanceAmount);
  });

  it('caps each senior at its own group Net WAC Rate, the subordinates at the weighted one', () => {
    // Group II's loans at 2.50%: its net rate (2.50% - 0.517%) x 30/31 is below A-2's 2.26%.
    const { distribution: d } = run(aprilSplit({ rateII: 0.025 }));
    const netII = ((0.025 - 0.00517) * 30) / 31;
    const a2 = classOf(d.classes, 'A-2');
    expect(netII).toBeLessThan(0.0226);
    expect(a2.passThroughRate).toBeCloseTo(netII, 12);
    expect(a2.accruedInterest).toBe(round((A2 * netII * 31) / 360));
    expect(a2.netWacCarryoverCurrent).toBe(interestA2 - a2.accruedInterest);
    expect(classOf(d.classes, 'A-1').passThroughRate).toBeCloseTo(0.0222, 12);
    // The subordinates: the groups' net rates weighted by each group's pool less its senior.
    const wI = G1 - A1;
    const wII = G2 - A2;
    const subordinate =
      ((((0.084 - 0.00517) * wI + (0.025 - 0.00517) * wII) / (wI + wII)) * 30) / 31;
    expect(d.subordinateNetWacRate).toBeCloseTo(subordinate, 12);
    expect(d.loanGroups![1]!.netWacRate).toBeCloseTo(netII, 12);
  });

  it("covers one group's senior interest shortfall from the other group's remaining interest", () => {
    const interestII = 60_000_00;
    const { distribution: d } = run(aprilSplit({ interestII }));
    const fromII = interestII - feesOf(G2);
    expect(paidFrom(d, 'Interest Remittance Amount (Group II)', 'A-2')).toBe(fromII);
    expect(interestA2 - fromII).toBeGreaterThan(0);
    expect(paidFrom(d, 'Interest Remittance Amount (Group I)', 'A-2')).toBe(interestA2 - fromII);
    expect(classOf(d.classes, 'A-2').interestPaid).toBe(interestA2);
    expect(classOf(d.classes, 'A-2').unpaidInterest).toBe(0);
  });

  it("pays a retired senior's group principal to the other group's senior", () => {
    const state = {
      ...aprilGroups,
      classes: {
        ...aprilGroups.classes,
        'A-1': { ...aprilGroups.classes['A-1']!, balance: cents(25_000_00) },
        'A-2': { ...aprilGroups.classes['A-2']!, balance: cents(A1 + A2 - 25_000_00) },
      },
    };
    const { distribution: d } = runDistribution(deal, state, aprilSplit(), indexTableFor(deal));
    expect(classOf(d.classes, 'A-1').principalPaid).toBe(25_000_00);
    expect(paidFrom(d, 'Principal Distribution Amount (Group I)', 'A-2')).toBe(
      61_000_00 - 25_000_00,
    );
    expect(classOf(d.classes, 'A-2').principalPaid).toBe(d.principalRemittanceAmount - 25_000_00);
  });

  it("splits the Senior Principal Distribution Amount by the groups' principal after the Stepdown Date", () => {
    // Distribution 38, after the Stepdown Date: a 90,000,000.00 pool (group I 54,000,000.00),
    // the seniors at 62% of it and each M class at its target.
    const pool = 90_000_000_00;
    const balances: Record<string, number> = {
      'A-1': 31_000_000_00,
      'A-2': 24_800_000_00,
      'M-1': 11_250_000_00,
      'M-2': 10_350_000_00,
      'M-3': 8_550_000_00,
      'M-4': 450_000_00,
      P: 100_00,
    };
    const certificates = Object.values(balances).reduce((a, b) => a + b, 0);
    const state = afterStepdown(deal, pool, balances, {
      I: cents(54_000_000_00),
      II: cents(36_000_000_00),
    });
    const principalI = { scheduled: 600_000_00, curtailments: 0, paymentsInFull: 0 };
    const principalII = { scheduled: 400_000_00, curtailments: 0, paymentsInFull: 0 };
    const p = period(
      distributionDate(deal, 38),
      group(54_000_000_00, 240, principalI, round((54_000_000_00 * 0.0866) / 12), 0.0866),
      group(36_000_000_00, 160, principalII, round((36_000_000_00 * 0.0866) / 12), 0.0866),
    );
    const { distribution: d } = distribute(deal, state, p, {
      rate: 0.02,
      determinationDate: plainDate('2005-05-23'),
    });
    expect(d.stepdownDate).toBe(true);
    expect(d.triggerEvent).toBe(false);
    const ending = pool - 1_000_000_00;
    // Required OC: 4% of the ending pool; the OC above it leaves principal (the reduction),
    // split between the groups by their principal.
    const required = round(ending * 0.04);
    const reduction = Math.min(1_000_000_00, ending - (certificates - 1_000_000_00) - required);
    expect(d.overcollateralization.reduction).toBe(reduction);
    const [reductionI, reductionII] = proRata(reduction, [600_000_00, 400_000_00]);
    expect(d.loanGroups!.map((g) => g.overcollateralizationReduction)).toEqual([
      reductionI,
      reductionII,
    ]);
    // The Senior Principal Distribution Amount: the seniors above 62% of the ending pool,
    // split 60/40 by the groups' Principal Remittance Amounts.
    const seniors = balances['A-1']! + balances['A-2']!;
    const spda = seniors - Math.min(round(ending * 0.62), ending - round(198_644_095_79 * 0.005));
    const [spdaI, spdaII] = proRata(spda, [600_000_00, 400_000_00]);
    expect(d.loanGroups!.map((g) => g.seniorPrincipalDistributionAmount)).toEqual([spdaI, spdaII]);
    expect(spdaI).toBeGreaterThan(0);
    expect(classOf(d.classes, 'A-1').principalPaid).toBe(spdaI);
    expect(classOf(d.classes, 'A-2').principalPaid).toBe(spdaII);
    // Then each M class down to its target share of the ending pool, in order.
    let through = seniors - spda;
    let paidToM = 0;
    for (const [name, target] of [
      ['M-1', 0.745],
      ['M-2', 0.86],
      ['M-3', 0.955],
      ['M-4', 0.96],
    ] as const) {
      through += balances[name]!;
      const due = Math.max(0, through - round(ending * target));
      expect(classOf(d.classes, name).principalPaid).toBe(due);
      paidToM += due;
      through -= due;
    }
    expect(paidToM).toBeGreaterThan(0);
  });

  it('refuses a period without the groups, or whose groups do not add up', () => {
    const p = aprilSplit();
    const { groups: _groups, ...withoutGroups } = p;
    expect(() => run(withoutGroups)).toThrow(/no figures for loan group I/);
    const wrong = {
      ...p,
      groups: { ...p.groups!, I: { ...p.groups!['I']!, interestCollected: cents(1 as Cents) } },
    };
    expect(() => run(wrong)).toThrow(/do not reconcile/);
  });
});

describe('the loader checks the loan groups', () => {
  it('reports every problem at once, each with its path', () => {
    const file = twoGroupDeal();
    file['groups'].I.cutoffBalance = '1.00';
    file['groups'].II.seniorClasses = ['A-1', 'CE'];
    file['waterfall'].interest[2].from = 'III';
    file['waterfall'].excess[1].from = 'I';
    let details: { field?: string; message: string }[] = [];
    try {
      loadDeal(file, 'groups.json');
    } catch (error) {
      details = (error as { details: { field?: string; message: string }[] }).details;
    }
    const fields = details.map((p) => p.field);
    expect(fields).toContain('groups.*.cutoffBalance');
    expect(fields).toContain('groups.II.seniorClasses[0]'); // already group I's
    expect(fields).toContain('groups.II.seniorClasses[1]'); // CE bears no interest
    expect(fields).toContain('waterfall.interest[2].from');
    expect(fields).toContain('waterfall.excess[1].from');
  });
  it('refuses `from` in a deal without groups', () => {
    const file = twoGroupDeal();
    delete file['groups'];
    expect(() => loadDeal(file, 'no-groups.json')).toThrow(/not valid/);
  });
});
