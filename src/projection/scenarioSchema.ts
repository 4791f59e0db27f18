import { z } from 'zod';

/**
 * The scenario file (JSON): the assumptions of one projection. Rates are written in PERCENT
 * (25 = 25% CPR, 40 = 40% severity, 1.9 = 1.90% LIBOR); docs/projections.md describes every
 * field. Unknown fields are errors, so a typo never silently falls back to a default.
 */

const percent = z.number().min(0).max(100);
const by = z.enum(['month', 'age']).prefault('month');
const months = z.number().int().min(1).max(600);

/**
 * A rate over time: a constant, a vector (one value a month, the last value holding after), or
 * a straight-line ramp from `from` in month `start` to `to` in month `start + months - 1`.
 * `by: "age"` indexes by the loan's age (month of its life) instead of the projection month.
 */
export const curveSchema = z.union(
  [
    percent,
    z.strictObject({ vector: z.array(percent).min(1).max(1200), by }),
    z.strictObject({
      ramp: z.strictObject({
        from: percent,
        to: percent,
        months,
        start: z.number().int().min(1).prefault(1),
      }),
      by,
    }),
  ],
  { error: 'expected a percentage, { "vector": [...] } or { "ramp": { "from", "to", "months" } }' },
);
export type Curve = z.output<typeof curveSchema>;

const rampShape = z.strictObject({ from: percent, to: percent, months });

/** Voluntary prepayment: CPR, SMM, a PSA multiple, or a PPC multiple of a prospectus ramp. */
export const prepaymentSchema = z.union(
  [
    z.strictObject({ cpr: curveSchema }),
    z.strictObject({ smm: curveSchema }),
    z.strictObject({ psa: z.number().min(0).max(10_000) }),
    z.strictObject({ ppc: z.number().min(0).max(10_000), ramp: rampShape.optional() }),
  ],
  { error: 'expected one of { "cpr": ... }, { "smm": ... }, { "psa": n }, { "ppc": n }' },
);
export type Prepayment = z.output<typeof prepaymentSchema>;

/**
 * Defaults: CDR, MDR, an SDA multiple, or a cumulative default (percent of the pool at the start
 * of the projection) spread over time by a timing curve (percentages by month or year, summing
 * to 100).
 */
export const defaultSchema = z.union(
  [
    z.strictObject({ cdr: curveSchema }),
    z.strictObject({ mdr: curveSchema }),
    z.strictObject({ sda: z.number().min(0).max(10_000) }),
    z.strictObject({
      cumulative: percent,
      timing: z
        .array(percent)
        .min(1)
        .max(600)
        .refine((t) => Math.abs(t.reduce((a, b) => a + b, 0) - 100) < 1e-6, {
          message: 'expected timing percentages that sum to 100',
        }),
      timingBy: z.enum(['month', 'year']).prefault('year'),
    }),
  ],
  {
    error:
      'expected one of { "cdr": ... }, { "mdr": ... }, { "sda": n }, { "cumulative": n, "timing": [...] }',
  },
);
export type Default = z.output<typeof defaultSchema>;

/** The assumptions that can differ between fixed-rate and adjustable-rate loans. */
const groupShape = {
  prepayment: prepaymentSchema.optional(),
  default: defaultSchema.optional(),
  /** Loss severity: loss as a percentage of the balance liquidated (net of advances). */
  severity: curveSchema.optional(),
  /** Months from default to liquidation. */
  recoveryLag: z.number().int().min(0).max(120).optional(),
  /**
   * Months from the start to the liquidation of the loans in foreclosure or REO at the start
   * (default: the recovery lag, at least 1).
   */
  foreclosureLag: z.number().int().min(1).max(120).optional(),
  /**
   * Percent of the balance of the loans 60+ days delinquent or in bankruptcy at the start that
   * defaults at the start (liquidated after the recovery lag); the rest performs.
   */
  rollToDefault: percent.optional(),
  /** Performing balance 60+ days delinquent, percent (reported to the trigger; see advancing). */
  delinquency: curveSchema.optional(),
  /** The servicer advances interest on delinquent loans and on loans awaiting liquidation. */
  advancing: z.boolean().optional(),
};
export const groupSchema = z.strictObject(groupShape);
export type GroupAssumptions = z.output<typeof groupSchema>;

const shift = z.number().min(-10_000).max(10_000);
/**
 * An index path (percent): flat, a vector by projection month, or a forward curve with a
 * parallel shock in basis points. `history: true` takes the fixing from the deal's index table
 * whenever the table has it.
 */
export const indexSchema = z.union(
  [
    z.strictObject({ flat: z.number().min(-5).max(50), history: z.boolean().prefault(true) }),
    z.strictObject({
      vector: z.array(z.number().min(-5).max(50)).min(1).max(1200),
      history: z.boolean().prefault(true),
    }),
    z.strictObject({
      forward: z.array(z.number().min(-5).max(50)).min(1).max(1200),
      shockBps: shift.prefault(0),
      history: z.boolean().prefault(true),
    }),
  ],
  {
    error:
      'expected one of { "flat": r }, { "vector": [...] }, { "forward": [...], "shockBps": n }',
  },
);
export type IndexPath = z.output<typeof indexSchema>;

export const scenarioSchema = z.strictObject({
  name: z.string().max(200).optional(),
  ...groupShape,
  /** Overrides for fixed-rate loans, then for adjustable-rate loans. */
  fixed: groupSchema.optional(),
  arm: groupSchema.optional(),
  /** The certificates' index (1-month LIBOR for 2002-1). Default: flat at the last fixing. */
  index: indexSchema.optional(),
  /** The loans' index (6-month LIBOR); default: the certificates' index path plus the spread. */
  loanIndex: indexSchema.optional(),
  loanIndexSpreadBps: shift.prefault(0),
  /**
   * Loans in foreclosure or REO at the start: liquidated after `foreclosureLag` months at the
   * scenario's severity (default), or projected as performing loans.
   */
  foreclosures: z.enum(['liquidate', 'perform']).prefault('liquidate'),
  /** Exercise the clean-up call on the first distribution date it is allowed. */
  cleanUpCall: z.boolean().prefault(false),
  /** Stop after this many projected months (default: until the pool is paid off). */
  horizon: months.optional(),
  /** Price (percent of the class's current balance) at which yields are quoted. */
  price: z.number().gt(0).max(1000).prefault(100),
  /**
   * Prices of single classes (percent of the balance, or of the notional for an interest-only
   * class), over `price`; an interest-only class is quoted only at a price of its own.
   */
  prices: z.record(z.string(), z.number().gt(0).max(1000)).optional(),
  /** Collection-period totals files to use for the first months instead of a projection. */
  actuals: z.array(z.string()).max(600).optional(),
});
export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;

/**
 * A grid of scenarios: a base, an explicit list (each laid over the base), and/or `vary`, a map
 * from a field path ("prepayment.cpr", "severity", "arm.default.cdr") to the values it takes;
 * the grid is every combination, in order (the last path varies fastest).
 */
export const gridSchema = z.strictObject({
  name: z.string().max(200).optional(),
  base: z.record(z.string(), z.unknown()).prefault({}),
  scenarios: z.array(z.record(z.string(), z.unknown())).max(100_000).optional(),
  vary: z.record(z.string(), z.array(z.unknown()).min(1)).optional(),
});
export type GridFile = z.output<typeof gridSchema>;
