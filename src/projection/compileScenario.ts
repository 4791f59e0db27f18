import { TrusteeError } from '../errors/catalogue.ts';
import { curveBy, fillCurve } from './curve.ts';
import { mdrFromCdr, psaCpr, rampCpr, sdaCdr, smmFromCpr } from './rates.ts';
import type { Curve, Default, GroupAssumptions, Prepayment, Scenario } from './scenarioSchema.ts';

/**
 * 100% PPC ramps used when a scenario gives { "ppc": n } without its own ramp (assumed, in the
 * form of the 2001-2003 subprime prospectuses: fixed-rate 4% CPR in month 1 rising to 20% in
 * month 12; adjustable-rate 4% rising to 28% in month 12). docs/projections.md lists them.
 */
export const DEFAULT_PPC_RAMPS = {
  fixed: { from: 0.04, to: 0.2, months: 12 },
  arm: { from: 0.04, to: 0.28, months: 12 },
} as const;

/** One loan kind's assumptions as lookup tables for the projection loop. */
export interface GroupTables {
  /** SMM at index month (or month + loan age when smmByAge = 1). */
  readonly smm: Float64Array;
  readonly smmByAge: number;
  readonly mdr: Float64Array;
  readonly mdrByAge: number;
  /** Cumulative-default form: the fraction of the kind's starting balance to default in month t. */
  readonly cumulativeDefaults: Float64Array | undefined;
  readonly severity: Float64Array;
  readonly recoveryLag: number;
  /** The month the loans in foreclosure or REO at the start are liquidated (>= 1). */
  readonly foreclosureMonth: number;
  /** Share of the seriously delinquent loans' balance that defaults at the start. */
  readonly rollToDefault: number;
  /** The month that share is liquidated: the recovery lag, never month 0. */
  readonly rolledDefaultMonth: number;
  readonly delinquency: Float64Array;
  readonly advancing: boolean;
}

export interface CompiledScenario {
  readonly horizon: number;
  /** Liquidate the loans in foreclosure or REO at the start (else they perform). */
  readonly liquidateForeclosures: boolean;
  readonly fixed: GroupTables;
  readonly arm: GroupTables;
}

const DEFAULTS = {
  prepayment: { cpr: 0 } as Prepayment,
  default: { cdr: 0 } as Default,
  severity: 0 as Curve,
  recoveryLag: 0,
  foreclosureLag: 0,
  rollToDefault: 0,
  delinquency: 0 as Curve,
  advancing: true,
};

function monthOnly(curve: Curve, field: string): Curve {
  if (curveBy(curve) === 'age') {
    throw new TrusteeError('INVALID_SCENARIO', `${field} cannot be indexed by loan age`, [
      { field: `${field}.by`, message: 'a pool-level assumption', expected: '"month"', got: 'age' },
    ]);
  }
  return curve;
}

function prepaymentTable(
  p: Prepayment,
  length: number,
  kind: 'fixed' | 'arm',
): [Float64Array, number] {
  const table = new Float64Array(length);
  if ('cpr' in p) {
    fillCurve(table, p.cpr, smmFromCpr);
    return [table, curveBy(p.cpr) === 'age' ? 1 : 0];
  }
  if ('smm' in p) {
    fillCurve(table, p.smm, (x) => x);
    return [table, curveBy(p.smm) === 'age' ? 1 : 0];
  }
  if ('psa' in p) {
    for (let a = 0; a < length; a++) table[a] = smmFromCpr(psaCpr(p.psa, a));
    return [table, 1];
  }
  const ramp = p.ramp
    ? { from: p.ramp.from / 100, to: p.ramp.to / 100, months: p.ramp.months }
    : DEFAULT_PPC_RAMPS[kind];
  for (let a = 0; a < length; a++) table[a] = smmFromCpr(rampCpr(p.ppc, ramp, a));
  return [table, 1];
}

function defaultTables(
  d: Default,
  length: number,
): [Float64Array, number, Float64Array | undefined] {
  const table = new Float64Array(length);
  if ('cdr' in d) {
    fillCurve(table, d.cdr, mdrFromCdr);
    return [table, curveBy(d.cdr) === 'age' ? 1 : 0, undefined];
  }
  if ('mdr' in d) {
    fillCurve(table, d.mdr, (x) => x);
    return [table, curveBy(d.mdr) === 'age' ? 1 : 0, undefined];
  }
  if ('sda' in d) {
    for (let a = 0; a < length; a++) table[a] = mdrFromCdr(sdaCdr(d.sda, a));
    return [table, 1, undefined];
  }
  // Cumulative defaults: the month's share of the total; the loop turns it into an MDR on the
  // performing balance at the start of each month.
  const shares = new Float64Array(length);
  const perMonth = d.timingBy === 'year' ? 12 : 1;
  d.timing.forEach((pct, i) => {
    for (let m = 0; m < perMonth; m++) {
      const t = i * perMonth + m + 1;
      if (t < length) shares[t] = ((d.cumulative / 100) * (pct / 100)) / perMonth;
    }
  });
  return [table, 0, shares];
}

function groupTables(
  s: Scenario,
  kind: 'fixed' | 'arm',
  length: number,
  months: number,
): GroupTables {
  const g = groupAssumptions(s, kind);
  const field = (k: keyof GroupAssumptions): string =>
    s[kind]?.[k] !== undefined ? `${kind}.${k}` : k;
  const [smm, smmByAge] = prepaymentTable(g.prepayment, length, kind);
  const [mdr, mdrByAge, cumulativeDefaults] = defaultTables(g.default, length);
  const severity = new Float64Array(months + 1);
  fillCurve(severity, monthOnly(g.severity, field('severity')), (x) => x);
  const delinquency = new Float64Array(months + 1);
  fillCurve(delinquency, monthOnly(g.delinquency, field('delinquency')), (x) => x);
  return {
    smm,
    smmByAge,
    mdr,
    mdrByAge,
    cumulativeDefaults,
    severity,
    recoveryLag: g.recoveryLag,
    foreclosureMonth: foreclosureMonth(g),
    rollToDefault: g.rollToDefault / 100,
    rolledDefaultMonth: Math.max(1, g.recoveryLag),
    delinquency,
    advancing: g.advancing,
  };
}

/** The month the loans in foreclosure or REO at the start are liquidated: never month 0. */
export function foreclosureMonth(g: Required<GroupAssumptions>): number {
  return Math.max(1, g.foreclosureLag || g.recoveryLag);
}

/** The assumptions for one kind: the kind's own overrides over the scenario's, over defaults. */
export function groupAssumptions(s: Scenario, kind: 'fixed' | 'arm'): Required<GroupAssumptions> {
  const own = s[kind] ?? {};
  const pick = <K extends keyof GroupAssumptions>(k: K): NonNullable<GroupAssumptions[K]> =>
    (own[k] ?? s[k] ?? DEFAULTS[k]) as NonNullable<GroupAssumptions[K]>;
  return {
    prepayment: pick('prepayment'),
    default: pick('default'),
    severity: pick('severity'),
    recoveryLag: pick('recoveryLag'),
    foreclosureLag: pick('foreclosureLag'),
    rollToDefault: pick('rollToDefault'),
    delinquency: pick('delinquency'),
    advancing: pick('advancing'),
  };
}

/**
 * Turns a scenario into lookup tables. `months` is the longest projection (remaining term plus
 * recovery lag); `maxAge` the oldest loan, so age-indexed tables reach age + month.
 */
export function compileScenario(s: Scenario, loanMonths: number, maxAge: number): CompiledScenario {
  const fixed = groupAssumptions(s, 'fixed');
  const arm = groupAssumptions(s, 'arm');
  const lag = Math.max(
    fixed.recoveryLag,
    arm.recoveryLag,
    foreclosureMonth(fixed),
    foreclosureMonth(arm),
  );
  const horizon = Math.min(loanMonths + lag, s.horizon ?? Number.POSITIVE_INFINITY);
  const length = loanMonths + lag + maxAge + 2;
  return {
    horizon,
    liquidateForeclosures: s.foreclosures === 'liquidate',
    fixed: groupTables(s, 'fixed', length, loanMonths + lag),
    arm: groupTables(s, 'arm', length, loanMonths + lag),
  };
}
