import { cutoffPosition, nextInstallment } from '../collateral/amortization.ts';
import type { Loan } from '../collateral/loan.ts';
import { createPrng, hashString } from '../collateral/prng.ts';
import { cents } from '../money/cents.ts';
import type { LoanPlan, PlannedEvent } from '../servicing/derived/plannedYear.ts';
import { PLAN_INDEX_RATE as INDEX_RATE } from '../servicing/derived/yearPlanFile.ts';
import { chooseGroup, type GroupTarget } from './delinquentGroup.ts';
import { chooseLiquidations, LIQUIDATION_ROLES } from './liquidations.ts';

/**
 * The discrete design of the derived May-December 2002 (docs/formats-remittance.md): the 10-K's
 * targets, each loan's scheduled path, who misses when and what follows, who pays off, who
 * curtails, and the knobs the solver turns (derivedYear.ts).
 */
export const FIRST = 3; // May 2002
/** The April 2002 statement's loans 30-59 days late: their stated balance (the seed's). */
const APRIL_LATE = 1_807_155_00;
/** The book value of the REO properties at the end of 2002 (the 10-K's). */
const REO_BOOK_VALUE = 550_782_00;
export const LAST = 10; // December 2002

/** A loan's scheduled path if it pays every installment: balance before each distribution. */
export interface Path {
  readonly loan: Loan;
  readonly balance: Map<number, number>;
  readonly principal: Map<number, number>;
  readonly rate: number;
}

function paths(loans: readonly Loan[]): Path[] {
  return loans.map((loan) => {
    let position = cutoffPosition(loan);
    const balance = new Map<number, number>();
    const principal = new Map<number, number>();
    let rate = loan.noteRate;
    for (let n = FIRST; n <= LAST + 1; n += 1) {
      balance.set(n, position.balance);
      const inst = nextInstallment(loan, position, INDEX_RATE);
      principal.set(n, inst.principal);
      if (n === FIRST) rate = inst.rate;
      position = inst.after;
    }
    return { loan, balance, principal, rate };
  });
}

/** Roles of the loans that go delinquent: when they first miss, and what follows. */
interface Role {
  readonly missFrom: number;
  readonly bankruptcyFrom?: number;
  readonly foreclosureFrom?: number;
  readonly reoFrom?: number;
  readonly liquidateAt?: number;
  /** Installments behind after April (the April statement's delinquent loans). */
  readonly behindAtStart?: number;
}

/** The 10-K's targets the year is solved to, in cents (see docs/formats-remittance.md). */
export interface YearTargets {
  readonly paymentsInFull: number;
  readonly curtailments: number;
  readonly poolEnd: number;
  readonly classAInterest: number;
  readonly ceInterest: number;
  readonly servicingFees: number;
  readonly prepaymentCharges: number;
  readonly decemberCeInterest: number;
  readonly decemberWac: number;
  readonly liquidatedBalance: number;
  readonly realizedLosses: number;
  /** The scheduled principal of the loans in REO, month by month through the year. */
  readonly reoAmortization: number;
  /**
   * December's stated balances by group (the REO properties one by one) and, where they are
   * reproduced, the groups' unpaid principal.
   */
  readonly december: {
    readonly reoOlder: number;
    /** The two that became REO in November, the 10-K's loan numbers with their balances. */
    readonly reoNew: readonly { readonly loan: string; readonly stated: number }[];
    readonly foreclosure: GroupTarget;
    readonly bankruptcy: GroupTarget;
    readonly days90plus: GroupTarget;
    readonly days60to89: number;
    readonly days30to59: number;
  };
}

export type Plans = Map<string, LoanPlan>;

/**
 * The 2002 10-K's figures the derived year is solved to (cents): the year's payments in full
 * 24,751,934, charges 667,339.67 (P's 6673396.70 per $1,000), the pool at year end
 * 172,244,554.16 and class A interest 2,728,936.44 (A's 164.073198 and 16.960345 per $1,000:
 * 2,728,936.39 to 2,728,936.54, and below 2,728,936.50 for its whole dollars),
 * CE interest 9,183,174.63 (2311.398027 per $1,000), December's CE rate 6.17112% and beginning
 * WAC 8.62477%, liquidations of 303,316 with realized losses 126,976, REO principal amortization
 * 1,902. Curtailments (141,246) and the servicing fees (794,704.30) are not solved
 * (docs/formats-remittance.md).
 */
export const TENK_2002: YearTargets = {
  paymentsInFull: 24_751_934_00,
  curtailments: 141_246_00,
  poolEnd: 172_244_554_16,
  classAInterest: 2_728_936_44,
  ceInterest: 9_183_174_63,
  servicingFees: 794_704_30,
  prepaymentCharges: 667_339_67,
  decemberCeInterest: 0.0617112,
  decemberWac: 0.0862477,
  liquidatedBalance: 303_316_00,
  realizedLosses: 126_976_00,
  reoAmortization: 1_902_00,
  // REO 1,386,868: the two new in December (the 10-K's loans 532002 and 542639, numbered so in
  // the synthetic tape) at 421,999 and 433,138, the older one the rest; foreclosure 3,837,340
  // (unpaid 3,849,651), bankruptcy 998,124 (unpaid 1,001,900), 90+ days 967,508 (unpaid
  // 970,428), 60-89 days 71,247, 30-59 days 3,832,054.
  december: {
    reoOlder: 531_731_00,
    reoNew: [
      { loan: '532002', stated: 421_999_00 },
      { loan: '542639', stated: 433_138_00 },
    ],
    foreclosure: { stated: 3_837_340_00, unpaid: 3_849_651_00 },
    bankruptcy: { stated: 998_124_00, unpaid: 1_001_900_00 },
    days90plus: { stated: 967_508_00, unpaid: 970_428_00 },
    days60to89: 71_247_00,
    days30to59: 3_832_054_00,
  },
};

function order(loans: readonly Loan[], salt: string): Loan[] {
  return [...loans].sort(
    (a, b) => hashString(`${salt}${a.id}`) - hashString(`${salt}${b.id}`) || (a.id < b.id ? -1 : 1),
  );
}

/**
 * A group of loans whose stated balances at year end one knob's curtailment sets, and whose
 * unpaid principal, where the 10-K's is reproduced, a second knob's.
 */
export interface Pin {
  readonly name: string;
  readonly loans: readonly string[];
  readonly knob: Knob;
  readonly target: number;
  readonly unpaid?: { readonly knob: Knob; readonly target: number };
}

export interface Knob {
  readonly loan: string;
  readonly month: number;
}

/**
 * The discrete part of the plan: who misses when and goes on to bankruptcy, foreclosure, REO
 * and liquidation; who pays off in which month; which loans send curtailments. Deterministic.
 */
export function basePlan(loans: readonly Loan[], t: YearTargets) {
  const all = paths(loans);
  const byId = new Map(all.map((p) => [p.loan.id, p]));
  const used = new Set<string>();
  const rng = createPrng(20021231);
  const events = new Map<string, Map<number, PlannedEvent>>();
  const ev = (id: string) => {
    let m = events.get(id);
    if (!m) events.set(id, (m = new Map()));
    return m;
  };
  const roleOf = new Map<string, Role>();
  const take = (id: string, role: Role) => {
    used.add(id);
    roleOf.set(id, role);
  };

  // December: REO, foreclosure, bankruptcy, 90+, 60-89, 30-59, in the 10-K's counts and at its
  // stated balances: each group's loans are chosen so that theirs at year end come to a little
  // more than the 10-K's, and one of them (paying in May, before it stops) sends the curtailment
  // that makes up the difference (a pin, solved with the rest).
  const free = () => order(loans, 'dq').filter((l) => !used.has(l.id));
  const pins: Pin[] = [];
  const group = (
    name: string,
    count: number,
    goal: number | GroupTarget,
    role: (i: number) => Role,
    pinIndex: number,
    unpaidIndex?: number,
    from: readonly Loan[] = free(),
  ) => {
    const target = typeof goal === 'number' ? goal : goal.stated;
    const unpaid = typeof goal === 'number' ? undefined : goal.unpaid;
    const pool = from;
    if (unpaid !== undefined && unpaidIndex !== undefined) {
      // The unpaid principal too: a second loan's May curtailment sets the arrears (a cent
      // curtailed raises the principal of each installment it misses later; delinquentGroup.ts).
      const slots = {
        first: FIRST,
        last: LAST,
        count,
        missFrom: (i: number) => role(i).missFrom,
        statedSlot: pinIndex,
        unpaidSlot: unpaidIndex,
      };
      const choice = chooseGroup(
        pool.map((l) => byId.get(l.id)!),
        slots,
        { stated: target, unpaid },
      );
      const ids = choice.loans.map((p) => p.loan.id);
      ids.forEach((id, i) => take(id, role(i)));
      const knob = { loan: ids[pinIndex]!, month: FIRST };
      const unpaidKnob = { loan: ids[unpaidIndex]!, month: FIRST };
      ev(knob.loan).set(FIRST, { kind: 'pay', curtailment: cents(choice.statedCurtailment) });
      ev(unpaidKnob.loan).set(FIRST, {
        kind: 'pay',
        curtailment: cents(choice.unpaidCurtailment ?? 0),
      });
      pins.push({ name, loans: ids, knob, target, unpaid: { knob: unpaidKnob, target: unpaid } });
      return;
    }
    const chosen = pool.slice(0, count);
    const dec = (l: Loan) => byId.get(l.id)!.balance.get(LAST + 1)!;
    const over = () => chosen.reduce((a, l) => a + dec(l), 0) - target;
    // Swap in loans while that brings the sum nearer a little above the target.
    const gap = (x: number) => (x < 100_00 ? 1e15 - x : x);
    for (const candidate of pool.slice(count)) {
      let best = -1;
      let bestGap = gap(over());
      chosen.forEach((c, i) => {
        const g = gap(over() - dec(c) + dec(candidate));
        if (g < bestGap) {
          best = i;
          bestGap = g;
        }
      });
      if (best >= 0) chosen[best] = candidate;
    }
    if (over() < 100_00 || over() > dec(chosen[pinIndex]!) * 0.7) {
      throw new Error(`no loans for the December ${name}`);
    }
    chosen.forEach((l, i) => take(l.id, role(i)));
    const pin = chosen[pinIndex]!;
    ev(pin.id).set(FIRST, { kind: 'pay', curtailment: cents(over()) });
    pins.push({
      name,
      loans: chosen.map((l) => l.id),
      knob: { loan: pin.id, month: FIRST },
      target,
    });
  };
  const dec = t.december;
  // The REO properties new in December are the 10-K's loans (the tape carries their numbers).
  const filed = dec.reoNew.map(({ loan }) => {
    const found = loans.find((l) => l.id === loan);
    if (!found) throw new Error(`loan ${loan} of the 10-K's REO table is not in the tape`);
    used.add(loan);
    return found;
  });
  group('REO (older)', 1, dec.reoOlder, () => ({ missFrom: 4, foreclosureFrom: 6, reoFrom: 9 }), 0);
  dec.reoNew.forEach(({ stated }, i) => {
    const reo = () => ({ missFrom: 5, foreclosureFrom: 7, reoFrom: 10 });
    group(`REO (new ${i + 1})`, 1, stated, reo, 0, undefined, [filed[i]!]);
  });
  // Liquidations (liquidations.ts): chosen so that their months as REO, with the REO
  // properties' (each at its pin's curtailment, to first order), come to a little less than the
  // 10-K's REO principal amortization; two May curtailments make up it and the balance sold.
  const otherReo = pins.reduce((total, pin) => {
    const p = byId.get(pin.knob.loan)!;
    const event = events.get(p.loan.id)?.get(FIRST);
    const c = event?.kind === 'pay' ? (event.curtailment ?? 0) : 0;
    const r = p.rate / 12;
    let reo = 0;
    for (let n = roleOf.get(p.loan.id)!.reoFrom!; n <= LAST; n += 1)
      reo += p.principal.get(n)! + c * r * (1 + r) ** (n - FIRST - 1);
    return total + reo;
  }, 0);
  const liquidations = chooseLiquidations(
    free().map((l) => byId.get(l.id)!),
    FIRST,
    t.liquidatedBalance,
    t.reoAmortization,
    otherReo,
  );
  const best = liquidations.loans;
  best.forEach((p, i) => take(p.loan.id, LIQUIDATION_ROLES[i]!));
  ev(best[1].loan.id).set(FIRST, {
    kind: 'pay',
    curtailment: cents(liquidations.curtailments[0]),
  });
  ev(best[2].loan.id).set(FIRST, {
    kind: 'pay',
    curtailment: cents(liquidations.curtailments[1]),
  });
  const liquidationKnob = { loan: best[1].loan.id, month: FIRST };
  const reoKnob = { loan: best[2].loan.id, month: FIRST };
  // The first loses 42% of its balance, the December one what the knob says (initially 60%),
  // the second the rest of the year's losses.
  const lossFirst = Math.round(best[0].balance.get(7)! * 0.42);
  const lossKnob = { loan: best[2].loan.id, month: 10 };
  const lossDecember = Math.round(best[2].balance.get(10)! * 0.6);
  const lossOf = new Map([
    [best[0].loan.id, lossFirst],
    [best[2].loan.id, lossDecember],
    [best[1].loan.id, t.realizedLosses - lossFirst - lossDecember],
  ]);
  // The groups whose unpaid principal is the 10-K's too: the first loan to pay in May sets the
  // stated balance, the one that misses the fewest installments the arrears.
  group(
    'foreclosure',
    13,
    dec.foreclosure,
    // Two of them are the April statement's two loans in foreclosure, an installment behind
    // after April: they pay one in May and miss May's, then miss every one.
    (i) => {
      const missFrom = 3 + (i % 6);
      if (i === 0 || i === 6) return { missFrom, foreclosureFrom: FIRST, behindAtStart: 1 };
      return { missFrom, foreclosureFrom: Math.min(missFrom + 2, 10) };
    },
    1,
    5,
  );
  group(
    'bankruptcy',
    6,
    dec.bankruptcy,
    (i) => {
      const missFrom = 5 + (i % 4);
      return { missFrom, bankruptcyFrom: missFrom + 1 };
    },
    0,
    3,
  );
  group('90+ days', 4, dec.days90plus, (i) => ({ missFrom: 6 + (i % 3) }), 0, 2);
  // No two loans of the tape are as small as the 10-K's two 60-89 days late: one of them paid
  // down half its balance before it fell behind.
  group('60-89 days', 2, dec.days60to89, () => ({ missFrom: 9 }), 0);
  group('30-59 days', 14, dec.days30to59, () => ({ missFrom: 10 }), 0);
  // The REO properties at year end carry the 10-K's book value, 550,782, split by balance.
  const reoAtYearEnd = [...roleOf].filter(([, r]) => r.reoFrom && !r.liquidateAt).map(([id]) => id);
  const yearEnd = (id: string) => byId.get(id)!.balance.get(LAST + 1)!;
  const reoBalance = reoAtYearEnd.reduce((a, id) => a + yearEnd(id), 0);
  let booked = 0;
  const bookValue = new Map(
    reoAtYearEnd.map((id, i) => {
      const value =
        i === reoAtYearEnd.length - 1
          ? REO_BOOK_VALUE - booked
          : Math.round((REO_BOOK_VALUE * yearEnd(id)) / reoBalance);
      booked += value;
      return [id, value];
    }),
  );
  for (const [id, role] of roleOf) {
    const m = ev(id);
    for (let n = role.missFrom; n <= LAST; n += 1) {
      if (role.liquidateAt === n) {
        m.set(n, { kind: 'liquidate', loss: cents(lossOf.get(id)!) });
        break;
      }
      m.set(n, { kind: role.behindAtStart && n === FIRST ? 'stay' : 'miss' });
    }
  }
  // Transient delinquency: loans that miss one installment and catch up the month after.
  free()
    .slice(0, 24)
    .forEach((l, i) => {
      const n = FIRST + (i % 7);
      ev(l.id).set(n, { kind: 'miss' });
      ev(l.id).set(n + 1, i % 3 === 0 && n + 2 <= LAST ? { kind: 'stay' } : { kind: 'cure' });
      if (i % 3 === 0 && n + 2 <= LAST) ev(l.id).set(n + 2, { kind: 'cure' });
      used.add(l.id);
    });

  // Payoffs: 586 - 509 loans at year end - 2 liquidations, spread over the months.
  const payoffCount = loans.length - 509 - 3;
  const perMonth = [6, 7, 9, 9, 10, 11, 11, 12];
  const index = new Map(loans.map((l, i) => [l.id, i]));
  const payoff = loans.map(() => 0);
  const payoffDay = loans.map((l) => 1 + (hashString(`day${l.id}`) % 28));
  const candidates = order(loans, 'po').filter((l) => !used.has(l.id));
  let k = 0;
  for (let i = 0; i < perMonth.length; i += 1) {
    for (let j = 0; j < perMonth[i]! && k < payoffCount; j += 1, k += 1) {
      payoff[index.get(candidates[k]!.id)!] = FIRST + i;
    }
  }
  // Curtailments: loans that pay on, a few a month (never a payer: the search may move those).
  // The knobs: the lowest- and highest-rate of them in May, a high-rate one in November, two
  // in December; they start large enough to move both ways.
  const curtailers = candidates.slice(payoffCount + 40, payoffCount + 40 + 40);
  const knobs: Knob[] = [liquidationKnob, lossKnob];
  const byRate = [...curtailers].sort((a, b) => a.noteRate - b.noteRate);
  const knobPlan = new Map<string, [number, number]>([
    [byRate[0]!.id, [FIRST, 12_000_00]],
    [byRate[byRate.length - 1]!.id, [FIRST, 12_000_00]],
    [byRate[byRate.length - 2]!.id, [LAST - 1, 20_000_00]],
    [byRate[Math.floor(byRate.length / 2)]!.id, [LAST, 10_000_00]],
    [byRate[Math.floor(byRate.length / 2) + 1]!.id, [LAST, 10_000_00]],
    [byRate[Math.floor(byRate.length / 2) + 2]!.id, [LAST, 10_000_00]],
    [byRate[Math.floor(byRate.length / 2) + 3]!.id, [LAST, 10_000_00]],
  ]);
  curtailers.forEach((l, i) => {
    const planned = knobPlan.get(l.id);
    const n = planned ? planned[0] : FIRST + (i % 8);
    const drawn = Math.round(Math.exp(rng.normal(Math.log(150), 0.7))) * 100;
    ev(l.id).set(n, { kind: 'pay', curtailment: cents(planned ? planned[1] : drawn) });
    if (planned) knobs.push({ loan: l.id, month: n });
    used.add(l.id);
  });
  // The April statement's eight loans 30-59 days late (1,807,155 stated): an installment
  // behind after April, five pay both in May, three one in May and both in June. Curtailers
  // that curtail from July, their April balances nearest above that (as a group's, above).
  const aprilLate = curtailers.filter((l, i) => !knobPlan.has(l.id) && i % 8 >= 2);
  const april = (l: Loan) => byId.get(l.id)!.balance.get(FIRST)!;
  const lateInApril = aprilLate.slice(0, 8);
  const above = () => lateInApril.reduce((a, l) => a + april(l), 0) - APRIL_LATE;
  const far = (x: number) => (x < 0 ? 1e15 - x : x);
  for (const candidate of aprilLate.slice(8)) {
    let swap = -1;
    let nearest = far(above());
    lateInApril.forEach((c, i) => {
      const g = far(above() - april(c) + april(candidate));
      if (g < nearest) [swap, nearest] = [i, g];
    });
    if (swap >= 0) lateInApril[swap] = candidate;
  }
  const behind = new Map<string, number>();
  lateInApril.forEach((l, i) => {
    behind.set(l.id, 1);
    if (i < 5) ev(l.id).set(FIRST, { kind: 'cure' });
    else
      ev(l.id)
        .set(FIRST, { kind: 'stay' })
        .set(FIRST + 1, { kind: 'cure' });
  });
  for (const [id, role] of roleOf) if (role.behindAtStart) behind.set(id, role.behindAtStart);
  // Payers that send a curtailment in May before paying off later: they set the payoffs' sum
  // (and, those with a charge, the charges) apart from the rest. They stay payers.
  const late = candidates.filter((l) => payoff[index.get(l.id)!]! >= 6);
  for (const l of [
    ...late.filter((x) => x.prepaymentCharge !== undefined).slice(0, 2),
    ...late.filter((x) => x.prepaymentCharge === undefined).slice(0, 2),
  ]) {
    ev(l.id).set(FIRST, { kind: 'pay', curtailment: cents(8_000_00) });
    knobs.push({ loan: l.id, month: FIRST });
    used.add(l.id);
  }
  const swappable = candidates.filter((l) => !used.has(l.id)).map((l) => index.get(l.id)!);
  const liquidation = new Map<number, number>();
  for (const [id, role] of roleOf) {
    if (role.liquidateAt) liquidation.set(index.get(id)!, role.liquidateAt);
  }
  const lossPair = {
    december: best[2].loan.id,
    balancing: best[1].loan.id,
    total: t.realizedLosses - lossFirst,
  };
  return {
    loans,
    paths: all,
    index,
    events,
    roleOf,
    payoff,
    payoffDay,
    swappable,
    knobs,
    liquidation,
    lossPair,
    bookValue,
    pins,
    reoKnob,
    behind,
  };
}

export type Design = ReturnType<typeof basePlan>;

/** The plans of a design, with each knob's curtailment replaced by the value given. */
export function plansOf(d: Design, knobValues?: ReadonlyMap<string, number>): Plans {
  const plans: Plans = new Map();
  d.loans.forEach((l, i) => {
    const role = d.roleOf.get(l.id);
    const events = new Map(d.events.get(l.id) ?? []);
    if (d.payoff[i]! > 0) events.set(d.payoff[i]!, { kind: 'payoff', day: d.payoffDay[i]! });
    for (const [n, e] of events) {
      const value = knobValues?.get(`${l.id}@${n}`);
      if (value !== undefined && e.kind === 'pay')
        events.set(n, { kind: 'pay', curtailment: cents(value) });
      if (value !== undefined && e.kind === 'liquidate')
        events.set(n, { kind: 'liquidate', loss: cents(value) });
    }
    // The balancing liquidation takes the rest of the year's losses.
    if (l.id === d.lossPair.balancing && knobValues) {
      const december = knobValues.get(`${d.lossPair.december}@10`);
      for (const [n, e] of events) {
        if (e.kind === 'liquidate' && december !== undefined)
          events.set(n, { kind: 'liquidate', loss: cents(d.lossPair.total - december) });
      }
    }
    if (events.size === 0 && !role) return;
    plans.set(l.id, {
      events,
      ...(role?.bankruptcyFrom ? { bankruptcyFrom: role.bankruptcyFrom } : {}),
      ...(role?.foreclosureFrom ? { foreclosureFrom: role.foreclosureFrom } : {}),
      ...(role?.reoFrom ? { reoFrom: role.reoFrom } : {}),
      ...(d.bookValue.has(l.id) ? { reoBookValue: cents(d.bookValue.get(l.id)!) } : {}),
      ...(d.behind.has(l.id) ? { behindAtStart: d.behind.get(l.id)! } : {}),
    });
  });
  return plans;
}

/** The knobs' curtailments as the design has them, by `loan@month`. */
export function knobValues(d: Design): Map<string, number> {
  const values = new Map<string, number>();
  const pinKnobs = d.pins.flatMap((p) => (p.unpaid ? [p.knob, p.unpaid.knob] : [p.knob]));
  for (const k of [...d.knobs, d.reoKnob, ...pinKnobs]) {
    const e = d.events.get(k.loan)?.get(k.month);
    values.set(
      `${k.loan}@${k.month}`,
      e?.kind === 'pay' ? (e.curtailment ?? 0) : e?.kind === 'liquidate' ? e.loss : 0,
    );
  }
  return values;
}
