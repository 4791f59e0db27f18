import type { ClassCashFlows } from './cashFlows.ts';
import { brent } from './rootFinding.ts';

/**
 * Discounting convention (docs/projections.md): the classes accrue actual/360 and pay on the
 * distribution date with no delay, so cash flows are discounted period by period with the same
 * day count: a flow on the k-th date is divided by prod_{j<=k} (1 + y x days_j / 360), days_j
 * being the actual days of the j-th accrual period (the first from settlement). A yield is thus
 * an annual actual/360 rate compounded on the distribution dates: a class that pays its coupon
 * c in full, with no losses, has a price of exactly par at y = c.
 */
export function presentValue(flows: ClassCashFlows, annualRate: number): number {
  let factor = 1;
  let pv = 0;
  for (let k = 0; k < flows.total.length; k++) {
    factor /= 1 + (annualRate * flows.accrualDays[k]!) / 360;
    pv += flows.total[k]! * factor;
  }
  return pv;
}

/** Present value discounting each period at its index fixing plus `margin` (actual/360). */
export function presentValueAtMargin(flows: ClassCashFlows, margin: number): number {
  let factor = 1;
  let pv = 0;
  for (let k = 0; k < flows.total.length; k++) {
    factor /= 1 + ((flows.indexRates[k]! + margin) * flows.accrualDays[k]!) / 360;
    pv += flows.total[k]! * factor;
  }
  return pv;
}

/**
 * The flows through their last payment, for pricing: a zero flow adds exactly nothing to a
 * present value, so the periods after the last payment (a senior class retired while the
 * juniors are still paid) need not be walked at every step of the solvers. The flows are
 * kept whole when a later period's day count or fixing is not a finite number (it would make
 * every present value NaN).
 */
export function throughLastPayment(flows: ClassCashFlows): ClassCashFlows {
  let paid = flows.total.length;
  while (paid > 0 && flows.total[paid - 1] === 0) paid -= 1;
  if (paid === flows.total.length) return flows;
  for (let k = paid; k < flows.total.length; k++) {
    if (!Number.isFinite(flows.accrualDays[k]) || !Number.isFinite(flows.indexRates[k])) {
      return flows;
    }
  }
  return {
    ...flows,
    accrualDays: flows.accrualDays.slice(0, paid),
    indexRates: flows.indexRates.slice(0, paid),
    total: flows.total.slice(0, paid),
  };
}

/** Price (percent of the settlement balance) at an annual actual/360 yield. */
export function priceFromYield(flows: ClassCashFlows, annualYield: number): number | undefined {
  if (flows.startBalance <= 0) return undefined;
  return (100 * presentValue(flows, annualYield)) / flows.startBalance;
}

/** Yield tolerance of the solvers: 1e-10 (a millionth of a basis point). */
export const YIELD_TOLERANCE = 1e-10;

/** The yield (annual, actual/360, decimal) at which the flows are worth `price` percent. */
export function yieldFromPrice(flows: ClassCashFlows, price: number): number | undefined {
  if (flows.startBalance <= 0 || flows.total.every((x) => x === 0)) return undefined;
  const target = (price / 100) * flows.startBalance;
  return brent((y) => presentValue(flows, y) - target, -0.99, 10, YIELD_TOLERANCE);
}

/**
 * Discount margin: the spread over each period's index fixing that discounts the flows to
 * `price` (decimal; 0.0032 = 32 bp). At par with no losses and no cap, a class's margin.
 */
export function discountMargin(flows: ClassCashFlows, price: number): number | undefined {
  if (flows.startBalance <= 0 || flows.total.every((x) => x === 0)) return undefined;
  const target = (price / 100) * flows.startBalance;
  return brent((m) => presentValueAtMargin(flows, m) - target, -0.99, 10, YIELD_TOLERANCE);
}

/**
 * Modified duration (years): -(1/P) dP/dy at the yield, by central difference of +-1 bp with
 * the cash flows held fixed.
 */
export function modifiedDuration(flows: ClassCashFlows, annualYield: number): number | undefined {
  const p = presentValue(flows, annualYield);
  if (!(p > 0)) return undefined;
  const h = 0.0001;
  return (
    (presentValue(flows, annualYield - h) - presentValue(flows, annualYield + h)) / (2 * h * p)
  );
}
