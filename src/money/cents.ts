/**
 * Money is integer cents, always. A branded number (safe integers reach $90 trillion, far past
 * any trust) keeps cents from mixing with rates or dollars by accident.
 */
export type Cents = number & { readonly __brand: 'Cents' };

export const ZERO = 0 as Cents;

/** Wraps an integer count of cents; throws on fractions, NaN or unsafe integers. */
export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`expected a whole number of cents, got ${value}`);
  }
  return value as Cents;
}

/** Parses a dollar amount such as "160,369,748.35" or "-12.5" exactly into cents. */
export function parseDollars(text: string): Cents {
  const cleaned = text.trim().replace(/,/g, '');
  const match = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match)
    throw new RangeError(`expected a dollar amount with at most 2 decimals, got "${text}"`);
  const whole = Number(match[2]);
  const fraction = Number((match[3] ?? '').padEnd(2, '0'));
  return cents((match[1] ? -1 : 1) * (whole * 100 + fraction));
}

export function add(...amounts: Cents[]): Cents {
  let total = 0;
  for (const amount of amounts) total += amount;
  return cents(total);
}

export function sub(a: Cents, b: Cents): Cents {
  return cents(a - b);
}

export function min(a: Cents, b: Cents): Cents {
  return (a < b ? a : b) as Cents;
}

export function max(a: Cents, b: Cents): Cents {
  return (a > b ? a : b) as Cents;
}

/** The part of `a` above `b`, never negative: max(a - b, 0). */
export function excess(a: Cents, b: Cents): Cents {
  return a > b ? cents(a - b) : ZERO;
}

export function sum<T>(items: readonly T[], amountOf: (item: T) => Cents): Cents {
  let total = 0;
  for (const item of items) total += amountOf(item);
  return cents(total);
}

/** Multiplies cents by a ratio and rounds half away from zero (display and targets). */
export function scale(amount: Cents, ratio: number): Cents {
  return roundHalfUp(amount * ratio);
}

/** Rounds a (possibly fractional) number of cents half away from zero. */
export function roundHalfUp(value: number): Cents {
  const rounded = Math.sign(value) * Math.round(Math.abs(value));
  return cents(rounded === 0 ? 0 : rounded);
}
