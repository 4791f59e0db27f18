import type { Path } from './derivedYearPlan.ts';

/**
 * The three liquidations of the derived 2002 (derivedYearPlan.ts): September's, November's and
 * a small one in December, each in foreclosure, then REO, then sold. The months as REO of each
 * are in the year's REO principal amortization (the 10-K's 1,902: the scheduled principal of
 * the loans in REO, collectionPeriodFromRemittance.ts).
 */
export const LIQUIDATION_ROLES = [
  { missFrom: 3, foreclosureFrom: 4, reoFrom: 6, liquidateAt: 7 },
  { missFrom: 4, foreclosureFrom: 5, reoFrom: 7, liquidateAt: 9 },
  { missFrom: 5, foreclosureFrom: 7, reoFrom: 9, liquidateAt: 10 },
] as const;

export interface Liquidations {
  readonly loans: readonly [Path, Path, Path];
  /** The May curtailments of the November and the December one (both pay in May). */
  readonly curtailments: readonly [number, number];
}

/** Scheduled principal of a loan's months as REO before its liquidation. */
function reoPrincipal(p: Path, role: (typeof LIQUIDATION_ROLES)[number]): number {
  let total = 0;
  for (let n = role.reoFrom; n < role.liquidateAt; n += 1) total += p.principal.get(n)!;
  return total;
}

/**
 * What one cent curtailed in May (distribution `first`) does: the balance at liquidation falls
 * by (1 + r)^k after the k installments between, and each REO month's principal rises by
 * r (1 + r)^j (the payment stays).
 */
function perCent(p: Path, role: (typeof LIQUIDATION_ROLES)[number], first: number) {
  const r = p.rate / 12;
  let reo = 0;
  for (let n = role.reoFrom; n < role.liquidateAt; n += 1) reo += r * (1 + r) ** (n - first - 1);
  return { liquidated: (1 + r) ** (role.liquidateAt - first - 1), reo };
}

/**
 * Chooses the three loans so that their balances at liquidation come to a little more than
 * `liquidated` (500 to 5,000 dollars) and their months as REO, with `otherReo` (the other REO
 * loans'), to a little less than `reoAmortization`; the May curtailments of the second and
 * third, solved to first order here and exactly later (derivedYear.ts), make up both. The
 * first such triple in the pool's order, the December one among the loans of 60,000 to 120,000.
 */
export function chooseLiquidations(
  pool: readonly Path[],
  first: number,
  liquidated: number,
  reoAmortization: number,
  otherReo: number,
): Liquidations {
  const [r0, r1, r2] = LIQUIDATION_ROLES;
  const atLiquidation = (p: Path, role: (typeof LIQUIDATION_ROLES)[number]) =>
    p.balance.get(role.liquidateAt)!;
  const small = pool.filter(
    (p) => atLiquidation(p, r2) >= 60_000_00 && atLiquidation(p, r2) <= 120_000_00,
  );
  for (const c of small) {
    const q = perCent(c, r2, first);
    for (let i = 0; i < pool.length; i += 1) {
      const a = pool[i]!;
      if (a === c) continue;
      for (let j = i + 1; j < pool.length; j += 1) {
        const b = pool[j]!;
        if (b === c) continue;
        const over =
          atLiquidation(a, r0) + atLiquidation(b, r1) + atLiquidation(c, r2) - liquidated;
        if (over < 500_00 || over > 5_000_00) continue;
        const gap =
          reoAmortization -
          otherReo -
          reoPrincipal(a, r0) -
          reoPrincipal(b, r1) -
          reoPrincipal(c, r2);
        const p = perCent(b, r1, first);
        const det = p.liquidated * q.reo - q.liquidated * p.reo;
        const cb = (over * q.reo - q.liquidated * gap) / det;
        const cc = (p.liquidated * gap - p.reo * over) / det;
        if (cb >= over / 5 && cc >= over / 5) {
          return { loans: [a, b, c], curtailments: [Math.round(cb), Math.round(cc)] };
        }
      }
    }
  }
  throw new Error('no loans for the liquidations');
}
