import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dealsDirectory } from '../deal/builtIn.ts';
import { loadDeal } from '../deal/loadDeal.ts';
import { cents } from '../money/cents.ts';
import { plainDate } from '../money/plainDate.ts';
import { aprilPeriod, aprilState } from '../../test/support/april.ts';
import { distribute } from './distribute.ts';
import type { Json } from './testDeals.ts';
import type { CollectionPeriod, DealState } from './types.ts';

/**
 * Triggers as data: a delinquency test on the rolling three-month average against a fixed
 * limit, a trigger that does not cure, and a Trigger Event that needs all of them. The
 * Delinquency Percentages are set through the foreclosure bucket of April 2002's totals.
 */

function dealWith(triggers: Json[], triggerEvent?: 'any' | 'all') {
  const d = JSON.parse(readFileSync(`${dealsDirectory}nchet-2002-1.json`, 'utf8')) as Json;
  d['id'] = 'trigger-example';
  d['triggers'] = triggers;
  d['assumptions'] = d['assumptions'].filter((a: Json) => a['path'] !== 'triggers');
  if (triggerEvent) d['triggerEvent'] = triggerEvent;
  return loadDeal(d, 'trigger-example.json');
}

const fixing = { rate: 0.019, determinationDate: plainDate('2002-03-21') };
const pool = aprilPeriod.endingPoolBalance;

/** April 2002 with `share` of the ending pool in foreclosure: that Delinquency Percentage. */
function withDelinquency(share: number): CollectionPeriod {
  const stated = cents(Math.round(pool * share));
  return {
    ...aprilPeriod,
    delinquency: {
      ...aprilPeriod.delinquency,
      foreclosure: { count: 10, unpaidPrincipal: stated, statedPrincipal: stated },
    },
  };
}

const run = (deal: ReturnType<typeof dealWith>, share: number, state: Partial<DealState> = {}) =>
  distribute(deal, { ...aprilState, dealId: deal.id, ...state }, withDelinquency(share), fixing);

describe('triggers (data only)', () => {
  const rolling = dealWith([{ kind: 'delinquency', limit: 0.06, average: 'rollingThreeMonth' }]);

  it('tests the rolling three-month average against a fixed limit', () => {
    // 9% this month but 2% and 4% before: the average, 5%, is under the 6% limit.
    const calm = run(rolling, 0.09, { delinquencyHistory: [0.02, 0.04] });
    expect(calm.distribution.triggerTests[0]!.value).toBeCloseTo(0.05, 5);
    expect(calm.distribution.triggerEvent).toBe(false);
    // 9% after 6% and 7%: 7.33% breaches it.
    const breached = run(rolling, 0.09, { delinquencyHistory: [0.06, 0.07] });
    expect(breached.distribution.triggerTests[0]!.value).toBeCloseTo((0.06 + 0.07 + 0.09) / 3, 5);
    expect(breached.distribution.triggerEvent).toBe(true);
    // The state keeps the last two percentages for the next date.
    const kept = breached.state.delinquencyHistory!;
    expect(kept).toHaveLength(2);
    expect(kept[0]).toBe(0.07);
    expect(kept[1]).toBeCloseTo(0.09, 6);
  });

  it('keeps a trigger that does not cure in effect once breached', () => {
    const sticky = dealWith([{ kind: 'delinquency', limit: 0.05, cures: false }]);
    const breached = run(sticky, 0.08);
    expect(breached.distribution.triggerEvent).toBe(true);
    expect(breached.state.breachedTriggers).toEqual([0]);
    const later = run(sticky, 0.01, { breachedTriggers: [0] });
    expect(later.distribution.triggerTests[0]!.breached).toBe(true);
    expect(later.distribution.triggerTests[0]!.description).toMatch(/does not cure/);
    expect(later.state.breachedTriggers).toEqual([0]);
    // A trigger that cures is tested afresh.
    const curing = dealWith([{ kind: 'delinquency', limit: 0.05 }]);
    expect(run(curing, 0.01).distribution.triggerEvent).toBe(false);
  });

  it('needs every trigger breached when the Trigger Event is "all"', () => {
    const triggers = [
      { kind: 'delinquency', limit: 0.05 },
      { kind: 'cumulativeLoss', schedule: [{ fromDistribution: 1, limit: 0.01 }] },
    ];
    expect(run(dealWith(triggers, 'all'), 0.08).distribution.triggerEvent).toBe(false);
    expect(run(dealWith(triggers, 'any'), 0.08).distribution.triggerEvent).toBe(true);
  });

  it("leaves the state of a deal without such triggers as it was (2002-1's)", () => {
    const plain = dealWith([{ kind: 'delinquency', threshold: 0.5 }]);
    const { state } = run(plain, 0.001);
    expect('delinquencyHistory' in state).toBe(false);
    expect('breachedTriggers' in state).toBe(false);
  });

  it('refuses a delinquency trigger with both a threshold and a limit, or neither', () => {
    expect(() => dealWith([{ kind: 'delinquency', threshold: 0.5, limit: 0.05 }])).toThrow(
      /triggers\[0\]\.threshold/,
    );
    expect(() => dealWith([{ kind: 'delinquency' }])).toThrow(/threshold .* or a limit/);
  });
});
