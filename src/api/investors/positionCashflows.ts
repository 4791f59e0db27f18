import type { Deal } from '../../deal/deal.ts';
import { cents, type Cents } from '../../money/cents.ts';
import type { Position } from '../../store/investors.ts';
import type { Distribution } from '../../waterfall/types.ts';
import type { ProjectionResult } from '../service/projectionTypes.ts';

/**
 * A holder's share of a class amount: amount x face / original, FLOORED to the cent, exactly
 * (BigInt). Floored because a holder is never credited more than its pro rata share: the
 * paying agent pays per certificate and the sub-cent parts stay with the class's other
 * holders, so the shares of all holders never add up to more than the class was paid.
 * Example: class A interest 30,657,350 cents, a $1,000,000 holding of the $160,901,000 class:
 * 30,657,350 x 100,000,000 / 16,090,100,000 = 190,535.48... -> 190,535 cents ($1,905.35, the
 * statement's 1.905355 per $1,000 times 1,000).
 */
export function holderShare(amount: number, face: number, original: number): Cents {
  return cents(Number((BigInt(amount) * BigInt(face)) / BigInt(original)));
}

export interface CashflowRow {
  readonly date: string;
  readonly interest: number;
  readonly principal: number;
  readonly total: number;
  /** The holding's balance after the date (its share of the class's ending balance). */
  readonly balance: number;
}

export interface PositionCashflows {
  readonly position: Position;
  readonly class: {
    readonly name: string;
    readonly cusip: string | null;
    readonly originalBalance: number;
  };
  /** How amounts are rounded (holderShare). */
  readonly rounding: string;
  readonly received: {
    readonly rows: readonly CashflowRow[];
    readonly interest: number;
    readonly principal: number;
  };
  /** The holding's balance after the latest published date (its face before any). */
  readonly remainingBalance: number;
  readonly projected: {
    readonly scenario: string;
    readonly asOf: string;
    readonly rows: readonly CashflowRow[];
    readonly interest: number;
    readonly principal: number;
  };
}

const ROUNDING =
  "each amount is the class's amount x original face / class original balance, floored to the cent";

const totals = (rows: readonly CashflowRow[]) => ({
  interest: rows.reduce((s, r) => s + r.interest, 0),
  principal: rows.reduce((s, r) => s + r.principal, 0),
});

/**
 * A position's cash flows: received on each published date (the class's interest and principal
 * paid, from the stored distributions) and projected from the latest state (the projection's
 * class cash flows, the same waterfall), each as the holding's share (holderShare).
 */
export function positionCashflows(
  deal: Deal,
  position: Position,
  history: readonly Distribution[],
  projection: ProjectionResult,
  scenario: string,
): PositionCashflows {
  const spec = deal.classes.find((c) => c.name === position.className);
  if (!spec) throw new Error(`${deal.id} has no class ${position.className}`);
  const share = (amount: number) =>
    holderShare(amount, position.originalFace, spec.originalBalance);
  const row = (
    date: string,
    interest: number,
    principal: number,
    balance: number,
  ): CashflowRow => ({
    date,
    interest: share(interest),
    principal: share(principal),
    total: share(interest) + share(principal),
    balance: share(balance),
  });
  const received = history.flatMap((d) => {
    const paid = d.classes.find((c) => c.name === position.className);
    return paid
      ? [row(d.distributionDate, paid.interestPaid, paid.principalPaid, paid.endingBalance)]
      : [];
  });
  const projected = projection.periods.flatMap((p) => {
    const paid = p.classes[position.className];
    return paid ? [row(p.date, paid.interest, paid.principal, paid.balance)] : [];
  });
  return {
    position,
    class: { name: spec.name, cusip: spec.cusip ?? null, originalBalance: spec.originalBalance },
    rounding: ROUNDING,
    received: { rows: received, ...totals(received) },
    remainingBalance: received.at(-1)?.balance ?? position.originalFace,
    projected: { scenario, asOf: projection.asOf, rows: projected, ...totals(projected) },
  };
}
