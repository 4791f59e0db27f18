import { cents } from '../money/cents.ts';
import { plainDate } from '../money/plainDate.ts';
import type { Occupancy, PropertyType } from './loan.ts';

/**
 * What the synthetic example pool of New Century Home Equity Loan Trust 2002-1 is made to
 * match. The real loan tape is not public: the filings give only the totals below, so the
 * loans are SYNTHETIC, drawn from distributions typical of New Century's 2002 subprime
 * production (docs/formats-tape.md, "The built-in example tape").
 *
 * From the filings (seeds/): 588 loans, $198,644,095.79 at the 2002-02-01 cut-off (8-K of
 * 2002-03-18); conventional, 1-4 family, fixed and adjustable, first liens, original terms up
 * to 30 years; weighted average rate 8.660% and remaining term 357 at the April 2002
 * distribution (8-K of 2002-04-25), i.e. about 359 at the cut-off, two installments earlier.
 * Everything else (product mix, FICO, LTV, states, charges) is an assumption of the generator.
 */
export const examplePoolProfile = {
  seed: 20020201,
  loanCount: 588,
  cutoffBalance: cents(19_864_409_579),
  /** The first installment after the cut-off date: every loan is current at the cut-off. */
  nextDueDate: plainDate('2002-03-01'),
  targetWac: 0.0866,
  targetWaRemainingTerm: 359,
  /** Products: 2/28 and 3/27 ARMs on 6-month LIBOR, 30-year fixed, a few 15/20-year fixed. */
  products: [
    { name: '2/28 ARM', weight: 0.655, arm: true, fixedMonths: 24, term: 360 },
    { name: '3/27 ARM', weight: 0.075, arm: true, fixedMonths: 36, term: 360 },
    { name: '30-year fixed', weight: 0.26, arm: false, fixedMonths: 0, term: 360 },
    { name: '20-year fixed', weight: 0.005, arm: false, fixedMonths: 0, term: 240 },
    { name: '15-year fixed', weight: 0.005, arm: false, fixedMonths: 0, term: 180 },
  ],
  /** Installments paid before the cut-off: first payment 2002-03-01, 02-01 or 01-01. */
  seasoningWeights: [0.55, 0.4, 0.05],
  /** Balance: lognormal around a median (the pool's average is $337,830 a loan). */
  balanceMedian: 300_000,
  balanceSigma: 0.5,
  balanceMin: 45_000,
  balanceMax: 1_000_000,
  /** FICO: normal, by product; clipped to 500-800. */
  ficoArm: { mean: 603, sd: 50 },
  ficoFixed: { mean: 630, sd: 52 },
  /** LTV (percent): spikes at the usual program limits, the rest spread out. */
  ltvSpikes: { values: [80, 85, 90, 95], weights: [0.4, 0.2, 0.3, 0.1], share: 0.55 },
  ltvSpread: { mean: 75, sd: 12, min: 25, max: 100 },
  /** Note rate (percent) = base - slope x (FICO - 610) + slope x (LTV - 80) + noise. */
  rateArm: 8.95,
  rateFixed: 8.2,
  rateFicoSlope: 0.012,
  rateLtvSlope: 0.025,
  rateInvestorAdd: 0.5,
  rateNoise: 0.55,
  rateMin: 6.5,
  rateMax: 13.5,
  /** ARM terms: margin over 6-month LIBOR; caps first/periodic; life cap = rate + 7%. */
  marginPercent: { mean: 6.4, sd: 0.55, min: 4.5, max: 8.5 },
  caps: [
    { first: 1.5, periodic: 1.5, weight: 0.85 },
    { first: 3, periodic: 1, weight: 0.15 },
  ],
  lifeCapAbove: 7,
  states: [
    ['CA', 48],
    ['NY', 6],
    ['FL', 5],
    ['IL', 4],
    ['MA', 4],
    ['NJ', 3],
    ['CO', 3],
    ['TX', 3],
    ['MI', 3],
    ['WA', 2.5],
    ['NV', 2],
    ['HI', 2],
    ['MN', 2],
    ['AZ', 2],
    ['CT', 1.5],
    ['MD', 1.5],
    ['GA', 1.5],
    ['VA', 1.5],
    ['OR', 1],
    ['UT', 1],
    ['OH', 1],
    ['PA', 1],
    ['NC', 0.5],
    ['RI', 0.5],
  ] as [string, number][],
  occupancy: [
    ['owner', 91],
    ['investor', 7],
    ['second-home', 2],
  ] as [Occupancy, number][],
  propertyTypes: [
    ['sfr', 74],
    ['pud', 12],
    ['condo', 6],
    ['2-4-family', 7],
    ['townhouse', 1],
  ] as [PropertyType, number][],
  /** Prepayment charges: share of loans with one, terms by product; none in these states. */
  chargeShareArm: 0.82,
  chargeShareFixed: 0.74,
  chargeFreeStates: ['NJ', 'NC', 'MD', 'MN'],
  /** Michigan and Ohio loans: 1% of the amount prepaid instead of six months' interest. */
  percentChargeStates: ['MI', 'OH'],
  /**
   * The loans the 2002 10-K names (Exhibit 99.1, the REO table: the two loans that became REO
   * properties in November 2002, at their balances), numbered as it numbers them
   * (filedLoanNumbers.ts); the derived 2002 makes them those REO properties.
   */
  filedLoans: [
    { id: '532002', balance: cents(42_199_900) },
    { id: '542639', balance: cents(43_313_800) },
  ],
};
