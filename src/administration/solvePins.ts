import type { Deal } from '../deal/deal.ts';
import { plannedReports } from '../servicing/derived/plannedYear.ts';
import { PLAN_INDEX_RATE as INDEX_RATE } from '../servicing/derived/yearPlanFile.ts';
import { FIRST, LAST, plansOf, type Design, type Knob, type Pin } from './derivedYearPlan.ts';

const key = (k: Knob) => `${k.loan}@${k.month}`;

/** How near a pin's figures must come, in cents: the 10-K prints them to the dollar. */
const TOLERANCE = 25;

/** What a pin's loans come to in December: `target - figure` for each of its targets. */
function misses(deal: Deal, d: Design, pin: Pin, values: ReadonlyMap<string, number>): number[] {
  const loans = pin.loans.map((id) => d.paths[d.index.get(id)!]!.loan);
  const december = plannedReports(deal, loans, plansOf(d, values), FIRST, LAST, INDEX_RATE).at(
    -1,
  )!.lines;
  const stated = december.reduce((a, l) => a + l.endingBalance, 0);
  const unpaid = december.reduce((a, l) => a + l.unpaidPrincipalBalance, 0);
  return pin.unpaid ? [pin.target - stated, pin.unpaid.target - unpaid] : [pin.target - stated];
}

/**
 * Solves each December group's knobs (derivedYearPlan.ts, `Pin`) so that its loans' stated
 * balances, and where the 10-K's is reproduced their unpaid principal, come to the 10-K's:
 * Newton steps with the slopes by differences, on the group's own loans (nothing else moves
 * them). Its knobs' curtailments are then fixed for the rest of the solve.
 */
export function solvePins(deal: Deal, d: Design, values: Map<string, number>): void {
  for (const pin of d.pins) {
    const keys = pin.unpaid ? [key(pin.knob), key(pin.unpaid.knob)] : [key(pin.knob)];
    let r = misses(deal, d, pin, values);
    for (let step = 0; step < 30 && r.some((x) => Math.abs(x) > TOLERANCE / 2); step += 1) {
      const h = 100_00;
      // slope[j][i]: what knob j curtailing one cent more does to target i.
      const slope = keys.map((k) => {
        const v = new Map(values);
        v.set(k, values.get(k)! + h);
        return misses(deal, d, pin, v).map((x, i) => (r[i]! - x) / h);
      });
      let delta: number[];
      if (keys.length === 1) delta = [r[0]! / slope[0]![0]!];
      else {
        const [[a, c], [b, e]] = slope as [[number, number], [number, number]];
        const det = a * e - b * c;
        delta = [(r[0]! * e - b * r[1]!) / det, (a * r[1]! - c * r[0]!) / det];
      }
      keys.forEach((k, j) => values.set(k, Math.max(0, Math.round(values.get(k)! + delta[j]!))));
      r = misses(deal, d, pin, values);
    }
    if (r.some((x) => Math.abs(x) > TOLERANCE)) {
      throw new Error(`December ${pin.name}: ${r.join(', ')} cents from the 10-K's`);
    }
  }
}
