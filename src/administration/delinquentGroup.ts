import type { Path } from './derivedYearPlan.ts';

/**
 * One of December 2002's delinquency groups of the derived year as the 10-K prints it
 * (Exhibit 99.1, "DELINQ INFORMATION"): the stated principal of its loans and, where it is
 * reproduced, their unpaid principal (the stated balance plus the principal of every
 * installment missed and advanced), in cents.
 */
export interface GroupTarget {
  readonly stated: number;
  readonly unpaid?: number;
}

/** The loans chosen for a group, in slot order, with the May curtailments first tried. */
export interface GroupChoice {
  readonly loans: readonly Path[];
  /** The curtailment of the slot that sets the stated balance. */
  readonly statedCurtailment: number;
  /** With an unpaid target: the curtailment of the slot that sets the arrears. */
  readonly unpaidCurtailment?: number;
}

/** Where the group's loans stand: the distributions the year runs, the missing months by slot. */
export interface GroupSlots {
  readonly first: number;
  readonly last: number;
  readonly count: number;
  /** The first installment the loan in slot i misses (it misses every one after). */
  readonly missFrom: (i: number) => number;
  /** The slot whose curtailment in May sets the group's stated balance (it pays in May). */
  readonly statedSlot: number;
  /** The slot whose curtailment in May sets the arrears (it pays in May, misses fewer). */
  readonly unpaidSlot: number;
}

/** The scheduled principal of the installments slot i's loan misses through December. */
function arrears(p: Path, from: number, last: number): number {
  let total = 0;
  for (let n = from; n <= last; n += 1) total += p.principal.get(n)!;
  return total;
}

/**
 * What a curtailment of one cent in May does by December to a loan that keeps its payment
 * (every loan of 2002: no ARM resets before 2004): the stated balance falls by (1 + r)^k for
 * the k installments after May, and each later installment's principal rises by r (1 + r)^j
 * (r the monthly rate), so the installments it misses owe that much more principal.
 */
function perCent(p: Path, from: number, s: GroupSlots) {
  const r = p.rate / 12;
  let unpaid = 0;
  for (let n = from; n <= s.last; n += 1) unpaid += r * (1 + r) ** (n - s.first - 1);
  return { stated: (1 + r) ** (s.last - s.first), unpaid };
}

/**
 * The two May curtailments that bring a group to both targets, to first order: `over` is the
 * loans' December stated balances above the target, `gap` the target's arrears above theirs.
 */
function curtailments(chosen: readonly Path[], s: GroupSlots, t: Required<GroupTarget>) {
  const dec = (p: Path) => p.balance.get(s.last + 1)!;
  const over = chosen.reduce((a, p) => a + dec(p), 0) - t.stated;
  const owed = chosen.reduce((a, p, i) => a + arrears(p, s.missFrom(i), s.last), 0);
  const gap = t.unpaid - t.stated - owed;
  const p = perCent(chosen[s.statedSlot]!, s.missFrom(s.statedSlot), s);
  const q = perCent(chosen[s.unpaidSlot]!, s.missFrom(s.unpaidSlot), s);
  const det = p.stated * q.unpaid - q.stated * p.unpaid;
  return {
    stated: (over * q.unpaid - q.stated * gap) / det,
    unpaid: (p.stated * gap - p.unpaid * over) / det,
  };
}

/** At least this much a curtailment, so that the full run's second-order effects stay inside. */
const MARGIN = 50_00;

/**
 * How far a choice is from one the two curtailments can solve (each at least 50 dollars and at
 * most half its loan's balance), then how much they curtail: smaller is better.
 */
function outside(chosen: readonly Path[], s: GroupSlots, t: Required<GroupTarget>): number {
  const c = curtailments(chosen, s, t);
  const balance = (slot: number) => chosen[slot]!.balance.get(s.last + 1)!;
  return (
    Math.max(0, MARGIN - c.stated) +
    Math.max(0, MARGIN - c.unpaid) +
    Math.max(0, c.stated - balance(s.statedSlot) / 2) +
    Math.max(0, c.unpaid - balance(s.unpaidSlot) / 2)
  );
}

function score(chosen: readonly Path[], s: GroupSlots, t: Required<GroupTarget>): number {
  const c = curtailments(chosen, s, t);
  return outside(chosen, s, t) * 1_000 + c.stated + c.unpaid;
}

/**
 * Chooses a group's loans from `pool` (in its order) so that two May curtailments can bring
 * their December stated balances and unpaid principal to the 10-K's: starting from the first
 * `count`, a loan of the pool replaces one chosen wherever that lowers the score, pass after
 * pass until none does. Deterministic.
 */
export function chooseGroup(
  pool: readonly Path[],
  s: GroupSlots,
  t: Required<GroupTarget>,
): GroupChoice {
  const chosen = pool.slice(0, s.count);
  let best = score(chosen, s, t);
  for (let pass = 0; pass < 8; pass += 1) {
    let improved = false;
    for (const candidate of pool) {
      if (chosen.includes(candidate)) continue;
      for (let i = 0; i < s.count; i += 1) {
        const was = chosen[i]!;
        chosen[i] = candidate;
        const value = score(chosen, s, t);
        if (value < best) {
          best = value;
          improved = true;
          break;
        }
        chosen[i] = was;
      }
    }
    if (!improved) break;
  }
  const c = curtailments(chosen, s, t);
  if (outside(chosen, s, t) > 0)
    throw new Error(`no loans for a December group at ${t.stated} cents`);
  return {
    loans: chosen,
    statedCurtailment: Math.round(c.stated),
    unpaidCurtailment: Math.round(c.unpaid),
  };
}
