/**
 * Assumptions of the performance simulator: monthly probabilities drawn loan by loan with a
 * seeded generator. Rates are decimals; CPR and CDR are annual and turned into monthly
 * probabilities (SMM = 1 - (1 - CPR)^(1/12)).
 */
export interface SimulationAssumptions {
  /**
   * Prepayment in full. `ramp`: CPR by loan age (installments since the first), rising from
   * `start` to `peak` over `rampMonths`, times `fixedMultiplier` for fixed-rate loans and
   * times (1 + rateSensitivity x (note rate - 8.66%) / 1%) for the refinancing incentive.
   * `flat`: one CPR for every loan and month.
   */
  readonly prepayment:
    | {
        readonly kind: 'ramp';
        readonly start: number;
        readonly peak: number;
        readonly rampMonths: number;
        readonly fixedMultiplier: number;
        readonly rateSensitivity: number;
      }
    | { readonly kind: 'flat'; readonly cpr: number };
  /** Annual rate at which a current loan defaults: stops paying and goes on to liquidation. */
  readonly cdr: number;
  /** Transient delinquency of loans that are not defaulting. */
  readonly delinquency: {
    /** Monthly chance a current loan misses an installment. */
    readonly miss: number;
    /** Monthly chance a loan 30 / 60 / 90+ days past due pays everything it owes. */
    readonly cure: readonly [number, number, number];
    /** Monthly chance it pays one installment and stays as far behind. */
    readonly stay: readonly [number, number, number];
  };
  /** Monthly chance a loan 60+ days past due files for bankruptcy. */
  readonly bankruptcyFiling: number;
  /** Monthly chance a loan 90+ days past due (not in bankruptcy) is referred to foreclosure. */
  readonly foreclosureReferral: number;
  /** Monthly chance a bankrupt loan's stay is lifted and it goes to foreclosure. */
  readonly bankruptcyToForeclosure: number;
  /** Monthly chance a foreclosure ends in the sale (the property becomes REO). */
  readonly foreclosureToReo: number;
  /** Monthly chance an REO property is sold (liquidated). */
  readonly reoToLiquidation: number;
  /** Loss severity: loss / stated balance at liquidation, mean and spread of a normal draw. */
  readonly severity: number;
  readonly severitySpread: number;
  /** Liquidation expenses (besides advances repaid) as a share of the balance. */
  readonly liquidationExpenseShare: number;
  /** Curtailments: monthly chance a paying loan sends extra principal, and its median size in cents. */
  readonly curtailment: { readonly chance: number; readonly medianCents: number };
  /** The ARM index (6-month LIBOR) used at resets, decimal. */
  readonly indexRate: number;
}

/**
 * The built-in example's assumptions, calibrated so that the 2002 year of the 2002-1 example
 * (March derived, April from the seed, May-December simulated from the loans after April,
 * deals/nchet-2002-1/tape-2002-04-25.csv) comes near the 10-K's annual figures on average over
 * seeds (payoffs $24.75M, curtailments $141k, losses $127k, prepayment charges $667k, 509 loans
 * left, 13 loans in foreclosure and 2 REO at year end). See docs/formats-remittance.md.
 */
export const exampleAssumptions: SimulationAssumptions = {
  prepayment: {
    kind: 'ramp',
    start: 0.03,
    peak: 0.37,
    rampMonths: 12,
    fixedMultiplier: 0.75,
    rateSensitivity: 0.3,
  },
  cdr: 0.075,
  delinquency: { miss: 0.016, cure: [0.6, 0.5, 0.25], stay: [0.3, 0.2, 0.3] },
  bankruptcyFiling: 0.085,
  foreclosureReferral: 0.45,
  bankruptcyToForeclosure: 0.05,
  foreclosureToReo: 0.12,
  reoToLiquidation: 0.28,
  severity: 0.4,
  severitySpread: 0.1,
  liquidationExpenseShare: 0.06,
  curtailment: { chance: 0.0173, medianCents: 100_000 },
  indexRate: 0.02,
};

/** The example's assumptions with the CLI's overrides (each a decimal) applied. */
export function withOverrides(
  base: SimulationAssumptions,
  overrides: { cpr?: number; cdr?: number; severity?: number },
): SimulationAssumptions {
  return {
    ...base,
    ...(overrides.cpr !== undefined ? { prepayment: { kind: 'flat', cpr: overrides.cpr } } : {}),
    ...(overrides.cdr !== undefined ? { cdr: overrides.cdr } : {}),
    ...(overrides.severity !== undefined ? { severity: overrides.severity } : {}),
  };
}

/** Monthly probability from an annual rate: 1 - (1 - annual)^(1/12). */
export function monthly(annual: number): number {
  return 1 - Math.pow(1 - Math.min(Math.max(annual, 0), 1), 1 / 12);
}
