import type { Cents } from '../money/cents.ts';
import { dollarsAndCents, plainDollars } from './format.ts';

/**
 * A report model (statement or annual summary) is sections of rows; this walks it into one
 * figure per value, for the CSV, and converts it for the JSON. Which values are amounts (cents)
 * is known by path "section.column", listed once per model and checked by the compiler against
 * the model's types (`AmountPaths`), so a new amount field cannot be missed or mistaken.
 */
export interface Figure {
  readonly section: string;
  /** The row: a class, a delinquency bucket, a loan, "total", or "" for a section's own value. */
  readonly row: string;
  readonly column: string;
  readonly value: string | number | boolean | null;
  readonly amount: boolean;
}

type Scalar = string | number | boolean | null | undefined;

/** Leaf keys (through arrays and nested objects) whose values are Cents. */
type AmountKeys<T> = T extends readonly (infer U)[]
  ? AmountKeys<U>
  : T extends Scalar
    ? never
    : {
        [K in keyof T & string]-?: [NonNullable<T[K]>] extends [Cents]
          ? K
          : AmountKeys<NonNullable<T[K]>>;
      }[keyof T & string];

/** Leaf keys whose values are numbers that are not Cents (counts, rates, ratios). */
type NumberKeys<T> = T extends readonly (infer U)[]
  ? NumberKeys<U>
  : T extends Scalar
    ? never
    : {
        [K in keyof T & string]-?: [NonNullable<T[K]>] extends [Cents]
          ? never
          : [NonNullable<T[K]>] extends [number]
            ? K
            : NumberKeys<NonNullable<T[K]>>;
      }[keyof T & string];

export type AmountPaths<M> = {
  [S in keyof M & string]: `${S}.${AmountKeys<M[S]>}`;
}[keyof M & string];

export type NumberPaths<M> = {
  [S in keyof M & string]: `${S}.${NumberKeys<M[S]>}`;
}[keyof M & string];

/** Compiles only when `Listed` names every amount path of M and no path is both kinds. */
export type CheckAmountPaths<M, Listed extends string> = [
  Exclude<AmountPaths<M>, Listed>,
  Extract<AmountPaths<M>, NumberPaths<M>>,
] extends [never, never]
  ? true
  : { missing: Exclude<AmountPaths<M>, Listed>; both: Extract<AmountPaths<M>, NumberPaths<M>> };

const ROW_KEYS = ['class', 'bucket', 'loan', 'group'] as const;

function rowName(row: Record<string, unknown>, index: number): string {
  for (const key of ROW_KEYS) if (typeof row[key] === 'string') return row[key];
  return String(index + 1);
}

function leaves(
  section: string,
  row: string,
  value: Record<string, unknown>,
  skip: string | undefined,
  amounts: ReadonlySet<string>,
  prefix = '',
): Figure[] {
  const out: Figure[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (key === skip) continue;
    const column = `${prefix}${key}`;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      out.push(
        ...leaves(section, row, v as Record<string, unknown>, undefined, amounts, `${column}.`),
      );
    } else if (!Array.isArray(v)) {
      const isAmount = amounts.has(`${section}.${key}`) && typeof v === 'number';
      out.push({ section, row, column, value: (v ?? null) as Figure['value'], amount: isAmount });
    }
  }
  return out;
}

/** Every figure of a model, in the model's order. */
export function figuresOf(model: object, amounts: ReadonlySet<string>): Figure[] {
  const out: Figure[] = [];
  for (const [section, content] of Object.entries(model)) {
    for (const [key, value] of Object.entries(content as Record<string, unknown>)) {
      if (Array.isArray(value)) {
        value.forEach((r: Record<string, unknown>, i) => {
          const name = rowName(r, i);
          const skip = ROW_KEYS.find((k) => r[k] === name);
          out.push(...leaves(section, name, r, skip, amounts));
        });
      } else if (value !== null && typeof value === 'object') {
        out.push(...leaves(section, key, value as Record<string, unknown>, undefined, amounts));
      } else {
        out.push(...leaves(section, '', { [key]: value }, undefined, amounts));
      }
    }
  }
  return out;
}

/** A figure's value as text for machine formats: amounts as dollars with cents, flags YES/NO. */
export function figureText(figure: Figure): string {
  const { value } = figure;
  if (value === null) return 'NA';
  if (typeof value === 'boolean') return value ? 'YES' : 'NO';
  if (figure.amount) return plainDollars(value as Cents);
  return String(value);
}

/** The model with each amount as { cents, dollars } (dollars formatted as the filings do). */
export function withDollars(value: unknown, amounts: ReadonlySet<string>, section = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => withDollars(v, amounts, section));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const here = section === '' ? key : section;
    if (section !== '' && typeof v === 'number' && amounts.has(`${section}.${key}`)) {
      out[key] = { cents: v, dollars: dollarsAndCents(v as Cents) };
    } else {
      out[key] = withDollars(v, amounts, here);
    }
  }
  return out;
}
