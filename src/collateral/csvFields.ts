import { z } from 'zod';
import { parseDollars, type Cents } from '../money/cents.ts';
import { isPlainDate, plainDate, type PlainDate } from '../money/plainDate.ts';

/**
 * zod schemas for the cells of trustee's CSV inputs (loan tape, remittance report). A cell is
 * a string; each schema trims it, checks it and turns it into its typed value. The issue
 * message is what was expected, so an error reads "row 7, field note_rate: expected ...".
 */

const fail = (ctx: z.RefinementCtx, expected: string): never => {
  ctx.addIssue({ code: 'custom', message: expected });
  return z.NEVER;
};

/** Dollars with at most 2 decimals (commas allowed) -> cents; `signed` allows a minus. */
export function dollarsCell(signed = false): z.ZodType<Cents, string> {
  const expected = signed
    ? 'a dollar amount with at most 2 decimals'
    : 'a dollar amount >= 0 with at most 2 decimals';
  return z.string().transform((text, ctx) => {
    try {
      const value = parseDollars(text);
      return value < 0 && !signed ? fail(ctx, expected) : value;
    } catch {
      return fail(ctx, expected);
    }
  });
}

/** A percentage with at most 6 decimals ("8.625") -> decimal (0.08625), within [min, max] %. */
export function percentCell(min: number, max: number): z.ZodType<number, string> {
  const expected = `a percentage between ${min} and ${max} (e.g. 8.625)`;
  return z.string().transform((text, ctx) => {
    const trimmed = text.trim();
    if (!/^-?\d+(\.\d{1,6})?$/.test(trimmed)) return fail(ctx, expected);
    const percent = Number(trimmed);
    if (percent < min || percent > max) return fail(ctx, expected);
    return Math.round(percent * 1e6) / 1e8;
  });
}

/** A whole number within [min, max]. */
export function integerCell(min: number, max: number): z.ZodType<number, string> {
  const expected = `a whole number between ${min} and ${max}`;
  return z.string().transform((text, ctx) => {
    const trimmed = text.trim();
    if (!/^-?\d+$/.test(trimmed)) return fail(ctx, expected);
    const value = Number(trimmed);
    return value < min || value > max ? fail(ctx, expected) : value;
  });
}

export function dateCell(): z.ZodType<PlainDate, string> {
  return z
    .string()
    .transform((text, ctx) =>
      isPlainDate(text.trim()) ? plainDate(text.trim()) : fail(ctx, 'a date as YYYY-MM-DD'),
    );
}

/** One of the listed words (case-insensitive; the value is returned as listed). */
export function choiceCell<const T extends readonly string[]>(
  values: T,
): z.ZodType<T[number], string> {
  const expected = `one of ${values.join(', ')}`;
  return z.string().transform((text, ctx) => {
    const found = values.find((v) => v.toLowerCase() === text.trim().toLowerCase());
    return found ?? fail(ctx, expected);
  });
}

/** Y or N -> boolean. */
export function flagCell(): z.ZodType<boolean, string> {
  return z.string().transform((text, ctx) => {
    const t = text.trim().toUpperCase();
    return t === 'Y' ? true : t === 'N' ? false : fail(ctx, 'Y or N');
  });
}

/** A cell that may be blank: blank -> undefined, otherwise the inner schema. */
export function optionalCell<T>(inner: z.ZodType<T, string>): z.ZodType<T | undefined, string> {
  return z.string().transform((text, ctx): T | undefined => {
    if (text.trim() === '') return undefined;
    const parsed = inner.safeParse(text);
    return parsed.success ? parsed.data : fail(ctx, parsed.error.issues[0]?.message ?? 'a value');
  });
}

/** Non-empty text without surrounding spaces. */
export function textCell(maxLength = 40): z.ZodType<string, string> {
  return z.string().transform((text, ctx) => {
    const trimmed = text.trim();
    return trimmed.length > 0 && trimmed.length <= maxLength
      ? trimmed
      : fail(ctx, `text of 1 to ${maxLength} characters`);
  });
}

/** Dollars written the way trustee writes them: "1234.56", "0" for zero. */
export function formatDollars(amount: Cents): string {
  if (amount === 0) return '0';
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A decimal rate as a percentage with `decimals` places: 0.08625 -> "8.625". */
export function formatPercent(rate: number, decimals = 3): string {
  return (Math.round(rate * 1e8) / 1e6).toFixed(decimals);
}
