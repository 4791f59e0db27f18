/**
 * Conversions between the annual and monthly rates prepayment and default assumptions are
 * quoted in (SIFMA Uniform Practices, chapter SF: "Standard Formulas"). All rates are decimals.
 */

/** Single monthly mortality from a conditional prepayment rate: 1 - (1 - CPR)^(1/12). */
export function smmFromCpr(cpr: number): number {
  if (cpr >= 1) return 1;
  return 1 - Math.pow(1 - cpr, 1 / 12);
}

/** Conditional prepayment rate from a single monthly mortality: 1 - (1 - SMM)^12. */
export function cprFromSmm(smm: number): number {
  return 1 - Math.pow(1 - smm, 12);
}

/** Monthly default rate from a constant default rate (same formula as SMM from CPR). */
export const mdrFromCdr = smmFromCpr;

/** Constant default rate from a monthly default rate. */
export const cdrFromMdr = cprFromSmm;

/**
 * PSA prepayment benchmark: 100% PSA is 0.2% CPR in the first month of a loan's life, rising
 * 0.2% a month to 6% CPR in month 30 and level after. `age` is the month of the loan's life
 * (1 = its first payment).
 */
export function psaCpr(percent: number, age: number): number {
  const month = Math.max(1, Math.min(age, 30));
  return Math.min(1, (percent / 100) * 0.06 * (month / 30));
}

/**
 * SDA default benchmark: 100% SDA is 0.02% CDR in month 1, rising 0.02% a month to 0.60% in
 * month 30, level to month 60, falling 0.0095% a month to 0.03% in month 120, level after.
 */
export function sdaCdr(percent: number, age: number): number {
  const a = Math.max(1, age);
  let cdr: number;
  if (a <= 30) cdr = 0.0002 * a;
  else if (a <= 60) cdr = 0.006;
  else if (a <= 120) cdr = 0.006 - 0.000095 * (a - 60);
  else cdr = 0.0003;
  return Math.min(1, (percent / 100) * cdr);
}

/**
 * A prospectus-style prepayment ramp (PPC): 100% is `from` CPR in month 1 of the loan's life,
 * rising in equal steps to `to` in month `months`, level after.
 */
export function rampCpr(
  percent: number,
  ramp: { readonly from: number; readonly to: number; readonly months: number },
  age: number,
): number {
  const a = Math.max(1, age);
  const base =
    ramp.months <= 1 || a >= ramp.months
      ? ramp.to
      : ramp.from + ((ramp.to - ramp.from) * (a - 1)) / (ramp.months - 1);
  return Math.min(1, (percent / 100) * base);
}
