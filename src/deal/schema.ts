import { z } from 'zod';
import { isPlainDate } from '../money/plainDate.ts';

/**
 * The deal as data: one validated record per deal. Money in deal files is written in dollars
 * with cents ("160901000.00" or a number) and held as integer cents after loading. Rates are
 * decimals (0.0032 = 0.32%). Every term not confirmed by the seeds is listed in `assumptions`.
 */

const date = z.string().refine(isPlainDate, { message: 'expected a date as YYYY-MM-DD' });
const dollars = z.union([z.number(), z.string()]);
const rate = z.number().min(-1).max(1);
const fraction = z.number().min(0).max(1);

export const dayCountSchema = z.enum(['ACT/360', '30/360', 'ACT/365F']);

/** A notional by distribution number: the amount from a distribution on (the last entry applies). */
const notionalSchedule = z
  .array(z.strictObject({ fromDistribution: z.number().int().positive(), amount: dollars }))
  .min(1);

/** A certificate class. `kind` says which rules apply to it. */
export const classSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('floating'),
    cusip: z.string().regex(/^[0-9A-Z]{9}$/, 'expected a 9-character CUSIP'),
    originalBalance: dollars,
    /** Coupon = index + margin; after the Optional Termination Date, index + stepUpMargin. */
    margin: rate,
    stepUpMargin: rate,
    dayCount: dayCountSchema,
    /** Subject to the Net WAC Pass-Through Rate cap. */
    netWacCapped: z.boolean().default(true),
    /**
     * After the Stepdown Date with no Trigger Event, this class and all classes senior to it
     * are paid down to `principalTarget` x current pool (each capped by pool less the OC floor).
     */
    principalTarget: fraction,
    /**
     * The class's own stepdown test: after the Stepdown Date it is paid down to its target only
     * while its Credit Enhancement Percentage (the classes junior to it and the OC, over the
     * pool) is at least this; otherwise it is paid as before the Stepdown Date (its whole
     * balance, in order), and the classes junior to it wait.
     */
    stepdownEnhancement: fraction.optional(),
    description: z.string().optional(),
  }),
  /**
   * A fixed-rate class (AF-1..AF-6 of a fixed-rate deal): `coupon` a year, accrued on its day
   * count (30/360: one month of the calendar month before the distribution date), capped by the
   * Net WAC Rate on the same day count; `stepUpCoupon` after the Optional Termination Date
   * (typically the coupon + 0.50%).
   */
  z.strictObject({
    kind: z.literal('fixed'),
    cusip: z.string().regex(/^[0-9A-Z]{9}$/, 'expected a 9-character CUSIP'),
    originalBalance: dollars,
    coupon: rate,
    stepUpCoupon: rate,
    dayCount: dayCountSchema,
    netWacCapped: z.boolean().default(true),
    principalTarget: fraction,
    /**
     * The class's own stepdown test: after the Stepdown Date it is paid down to its target only
     * while its Credit Enhancement Percentage (the classes junior to it and the OC, over the
     * pool) is at least this; otherwise it is paid as before the Stepdown Date (its whole
     * balance, in order), and the classes junior to it wait.
     */
    stepdownEnhancement: fraction.optional(),
    description: z.string().optional(),
  }),
  /**
   * An interest-only class (A-IO): a fixed `coupon` on its day count on a notional balance, no
   * principal. The notional for distribution n is the schedule's amount from or before n (at
   * most the pool's beginning balance with `atMostPool`), or the sum of other classes' balances.
   */
  z.strictObject({
    kind: z.literal('interestOnly'),
    cusip: z.string().regex(/^[0-9A-Z]{9}$/, 'expected a 9-character CUSIP'),
    /** The notional at closing: the statement's "original face". */
    originalNotional: dollars,
    coupon: rate,
    dayCount: dayCountSchema,
    netWacCapped: z.boolean().default(false),
    notional: z.union([
      z.strictObject({
        schedule: z
          .array(z.strictObject({ fromDistribution: z.number().int().positive(), amount: dollars }))
          .min(1),
        atMostPool: z.boolean().optional(),
      }),
      z.strictObject({ classes: z.array(z.string()).min(1) }),
    ]),
    description: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('overcollateralization'),
    cusip: z.string(),
    /** At closing: cut-off pool less the other classes. */
    originalBalance: dollars,
    description: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('prepaymentCharges'),
    cusip: z.string(),
    originalBalance: dollars,
    description: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('residual'),
    cusip: z.string().optional(),
    description: z.string().optional(),
  }),
]);

/**
 * A fee, as a formula: a `rate` a year on the beginning pool balance on its day count (the
 * servicing and trustee fees), a fixed `monthly` amount, or an amount paid `once`, on one
 * distribution date (an expense of the closing, a rating agency's fee). A fee is paid by the
 * `fee` steps that name it, from their fund.
 */
export const feeSchema = z.union([
  z.strictObject({
    payee: z.string(),
    /** Annual rate on the beginning pool balance. */
    rate: rate,
    dayCount: dayCountSchema,
    /** Shown as the statement's "Master Servicer Compensation". */
    servicerCompensation: z.boolean().default(false),
  }),
  z.strictObject({
    payee: z.string(),
    monthly: dollars,
    servicerCompensation: z.boolean().optional(),
  }),
  z.strictObject({
    payee: z.string(),
    once: z.strictObject({ distribution: z.number().int().positive(), amount: dollars }),
    servicerCompensation: z.boolean().optional(),
  }),
]);

/**
 * When a step applies (`when`): a Trigger Event in effect or not, on or after the Stepdown Date
 * or before it, a range of distribution numbers, or any / all / none of other conditions. A step
 * whose condition does not hold pays nothing that date (the trace says so). A deal pays its
 * seniors pro rata and, once a trigger is in effect, sequentially with two principal steps:
 * `{"allocation": "proRata", "when": {"triggerEvent": false}}` and
 * `{"when": {"triggerEvent": true}}`.
 */
export type Condition =
  | { readonly triggerEvent: boolean }
  | { readonly stepdownDate: boolean }
  | { readonly distributions: { readonly from?: number; readonly through?: number } }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ triggerEvent: z.boolean() }),
    z.strictObject({ stepdownDate: z.boolean() }),
    z.strictObject({
      distributions: z.strictObject({
        from: z.number().int().positive().optional(),
        through: z.number().int().positive().optional(),
      }),
    }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);
// New step fields are optional with no default: a file without them parses to the very same
// deal (and terms) as before they existed.
const when = conditionSchema.optional();
/**
 * In a deal with loan groups, the group whose fund an interest, principal or fee step draws
 * from (e.g. "I": the Group I Interest Remittance Amount). A step without it draws from each
 * group's fund in turn, in the order of `groups`.
 */
const from = z.string().optional();

/**
 * A lockout (NAS) class among sequential classes: it is paid first its NAS Principal
 * Distribution Amount, the NAS Percentage for the distribution number (the last entry from or
 * before it) x its share of the classes' balance x the principal the step pays them, at most its
 * balance; the rest goes to the classes in order (the NAS class in its place, usually last).
 * E.g. 0% for 1-36, 45% for 37-60, 80% for 61-72, 100% for 73-84, 300% after.
 */
export const nasAllocationSchema = z.strictObject({
  nas: z.strictObject({
    class: z.string(),
    percentages: z
      .array(
        z.strictObject({
          fromDistribution: z.number().int().positive(),
          percentage: z.number().min(0).max(10),
        }),
      )
      .min(1),
  }),
});
export type NasAllocation = z.infer<typeof nasAllocationSchema>;

/** Priority-of-payment steps: one discriminated union run by one interpreter. */
export const stepSchema = z.discriminatedUnion('kind', [
  /** Pay a fee from the fund. */
  z.strictObject({ kind: z.literal('fee'), fee: z.string(), from, when }),
  /**
   * Pay classes interest from the fund. `part` chooses what is paid: the current Monthly
   * Interest Distributable Amount, the Unpaid Interest Amount carried from earlier periods,
   * or both. `allocation` pays several classes pro rata or in order.
   */
  z.strictObject({
    kind: z.literal('interest'),
    classes: z.array(z.string()).min(1),
    part: z.enum(['current', 'unpaid', 'currentAndUnpaid']),
    allocation: z.enum(['sequential', 'proRata']).default('sequential'),
    from,
    when,
  }),
  /**
   * Pay principal to classes, each up to its balance (or its target after the Stepdown Date):
   * in order (`sequential`, the default), or `proRata` by their balances, the classes sharing
   * the target of the last of them.
   */
  z.strictObject({
    kind: z.literal('principal'),
    classes: z.array(z.string()).min(1),
    allocation: z.union([z.enum(['sequential', 'proRata']), nasAllocationSchema]).optional(),
    from,
    when,
  }),
  /** Pay the Extra Principal Distribution Amount: the OC deficiency, from excess cashflow. */
  z.strictObject({ kind: z.literal('extraPrincipal'), when }),
  /** Reimburse classes' unpaid Applied Realized Loss Amounts, in order. */
  z.strictObject({
    kind: z.literal('realizedLossReimbursement'),
    classes: z.array(z.string()).min(1),
    when,
  }),
  /** Pay classes' Net WAC Rate Carryover Amounts, in order. */
  z.strictObject({
    kind: z.literal('netWacCarryover'),
    classes: z.array(z.string()).min(1),
    when,
  }),
  /**
   * Pay the Net Swap Payment the trust owes the swap counterparty (its fixed leg less the
   * floating leg it receives), senior to the certificates' interest.
   */
  z.strictObject({ kind: z.literal('netSwapPayment'), when }),
  /**
   * Pay the swap termination payment the trust owes, when the termination was `causedBy` the
   * party named: "trust" (or any cause but the counterparty's default) where the Net Swap
   * Payment is paid, senior to the classes; "counterparty" after the certificates.
   */
  z.strictObject({
    kind: z.literal('swapTerminationPayment'),
    causedBy: z.enum(['trust', 'counterparty']),
    when,
  }),
  /**
   * Deposit into the reserve fund from this fund up to its target; a balance above the target
   * (a target that falls with the pool) is released into this fund.
   */
  z.strictObject({ kind: z.literal('reserveFundDeposit'), when }),
  /**
   * Pay a listed shortfall out of the reserve fund, as the step for it would: the classes'
   * interest still owed (`covers: "interest"`, the default, with `part`), their unpaid realized
   * losses (`"realizedLosses"`), or the rest of the OC deficiency as extra principal
   * (`"overcollateralizationDeficiency"`, no classes).
   */
  z.strictObject({
    kind: z.literal('reserveFundDraw'),
    covers: z.enum(['interest', 'realizedLosses', 'overcollateralizationDeficiency']).optional(),
    classes: z.array(z.string()).min(1).optional(),
    part: z.enum(['current', 'unpaid', 'currentAndUnpaid']).optional(),
    when,
  }),
  /**
   * Reimburse the extraordinary trust fund expenses above the annual cap (deals with
   * `extraordinaryExpenseCap`), this date's and those carried from earlier dates.
   */
  z.strictObject({ kind: z.literal('expenseReimbursement'), when }),
  /** Pay what is left of the fund to a class (CE, then R). */
  z.strictObject({ kind: z.literal('remainder'), class: z.string(), when }),
]);

/**
 * A trigger test. `cures: false` keeps a breached trigger in effect on every later date (the
 * agreement's "has occurred"); by default a trigger is tested afresh each date.
 */
const triggerSchema = z.discriminatedUnion('kind', [
  /**
   * The Delinquency Percentage (this date's, or with `average: "rollingThreeMonth"` the average
   * of this date's and the two before it) exceeds `threshold` x the senior Credit Enhancement
   * Percentage, or a fixed `limit` (give one of the two).
   */
  z
    .strictObject({
      kind: z.literal('delinquency'),
      threshold: z.number().positive().optional(),
      limit: fraction.optional(),
      average: z.enum(['current', 'rollingThreeMonth']).optional(),
      cures: z.boolean().optional(),
    })
    .refine((t) => (t.threshold === undefined) !== (t.limit === undefined), {
      message: 'give the trigger a threshold (x the senior enhancement) or a limit, not both',
      path: ['threshold'],
    }),
  /**
   * Cumulative Realized Losses / cut-off pool exceed the schedule's limit for the distribution
   * number (the last entry at or before it applies).
   */
  z.strictObject({
    kind: z.literal('cumulativeLoss'),
    schedule: z
      .array(z.strictObject({ fromDistribution: z.number().int().positive(), limit: fraction }))
      .min(1),
    cures: z.boolean().optional(),
  }),
]);

/**
 * A loan group (Group I: loans with conforming balances; Group II: the rest). Its own Interest
 * and Principal Remittance Amounts pay its `seniorClasses` first, whose Net WAC Rate is the
 * group's; the other interest-bearing classes are supported by every group.
 */
const loanGroupSchema = z.strictObject({
  description: z.string(),
  cutoffBalance: dollars,
  cutoffLoanCount: z.number().int().positive(),
  seniorClasses: z.array(z.string()).min(1),
});

export const dealSchema = z.strictObject({
  /** The deal file format (upgradeDealFile.ts brings earlier formats to this one). */
  formatVersion: z.literal(2),
  id: z.string().regex(/^[a-z0-9-]+$/, 'expected lower-case letters, digits and dashes'),
  name: z.string(),
  series: z.string(),
  title: z.string(),
  registrant: z.strictObject({
    depositor: z.string(),
    state: z.string(),
    commissionFileNumber: z.string(),
    irsEmployerId: z.string(),
    address: z.array(z.string()),
    zip: z.string(),
    telephone: z.string(),
    agreementDate: date,
    signer: z.strictObject({ name: z.string(), title: z.string() }),
  }),
  parties: z.strictObject({
    depositor: z.string(),
    masterServicer: z.string(),
    trustee: z.string(),
    trustAdministrator: z.string(),
    underwriter: z.string().optional(),
  }),
  dates: z.strictObject({
    cutoff: date,
    closing: date,
    firstDistribution: date,
    /** Distributions on this day of the month, or the next business day. */
    distributionDay: z.number().int().min(1).max(28),
    calendar: z.literal('US'),
  }),
  collateral: z.strictObject({
    cutoffBalance: dollars,
    cutoffLoanCount: z.number().int().positive(),
    description: z.string(),
  }),
  /**
   * Loan groups, in the order their funds are drawn on (STRUCTURES.md section 1). Without it
   * the pool is one group. With it, every collection period gives each group's figures.
   */
  groups: z
    .record(
      z.string().regex(/^[A-Za-z0-9-]+$/, 'expected a group name such as "I"'),
      loanGroupSchema,
    )
    .optional(),
  index: z.strictObject({
    name: z.string(),
    /** Fixed `businessDaysBefore` London business days before each accrual period starts. */
    businessDaysBefore: z.number().int().min(0),
    /** Which rate table to read (a file in data/ or ../shared/data). */
    source: z.string(),
  }),
  classes: z.record(z.string(), classSchema),
  /**
   * The interest-bearing classes, most senior first: the order of the stepdown targets, of the
   * Credit Enhancement Percentage and of the statement (then CE, P and R).
   */
  seniority: z.array(z.string()).min(1),
  fees: z.record(z.string(), feeSchema),
  overcollateralization: z.strictObject({
    /** Required Overcollateralized Amount before the Stepdown Date (the OC at closing). */
    initialTarget: dollars,
    /** After the Stepdown Date (no Trigger Event): this fraction of the current pool... */
    stepdownTarget: fraction,
    /** ...but never less than this fraction of the cut-off pool (the OC floor). */
    floor: fraction,
  }),
  stepdown: z.strictObject({
    /** The Stepdown Date is no earlier than this distribution number... */
    earliestDistribution: z.number().int().positive(),
    /** ...and needs the senior Credit Enhancement Percentage at least this. */
    creditEnhancementTarget: fraction,
    /**
     * The senior class, or the senior classes together (e.g. ["A-1", "A-2"]): their balance
     * makes the senior Credit Enhancement Percentage, and their payment in full also brings the
     * Stepdown Date.
     */
    seniorClass: z.union([z.string(), z.array(z.string()).min(1)]),
  }),
  triggers: z.array(triggerSchema),
  /** A Trigger Event is in effect when any (the default) or all of the triggers are breached. */
  triggerEvent: z.enum(['any', 'all']).optional(),
  netWacCap: z.strictObject({
    /** Fee rates netted from the loans' rate to give the Net WAC (servicing, trustee). */
    netOfFees: z.array(z.string()),
  }),
  cleanUpCall: z.strictObject({
    /** The Optional Termination Date: the pool at or below this fraction of cut-off. */
    poolFraction: fraction,
  }),
  /** Applied Realized Loss Amounts write these classes down, in this order. */
  lossAllocation: z.array(z.string()),
  /** Net prepayment interest and Relief Act shortfalls reduce these classes pro rata. */
  interestShortfallClasses: z.array(z.string()),
  waterfall: z.strictObject({
    /** Interest Remittance Amount: fees and class interest. */
    interest: z.array(stepSchema),
    /** Principal Distribution Amount. */
    principal: z.array(stepSchema),
    /** Net Monthly Excess Cashflow. */
    excess: z.array(stepSchema),
    /**
     * The swap and cap receipts of the supplemental interest trust, after the excess cashflow:
     * what the classes are still owed (current and unpaid interest, the OC deficiency, Net WAC
     * carryover, unpaid realized losses), the rest to CE. Only with `supplementalInterestTrust`.
     */
    supplemental: z.array(stepSchema).optional(),
  }),
  /**
   * A reserve fund: its target (a fixed `amount`, or a `poolFraction` of the ending pool) and
   * the deposit made at closing. Filled by `reserveFundDeposit` steps, drawn by
   * `reserveFundDraw` steps.
   */
  reserveFund: z
    .strictObject({
      target: z.union([
        z.strictObject({ amount: dollars }),
        z.strictObject({ poolFraction: fraction }),
      ]),
      initialDeposit: dollars.optional(),
    })
    .optional(),
  /**
   * An annual cap on the extraordinary trust fund expenses reimbursed before the certificates:
   * in each calendar year at most `annualAmount` comes off the Interest Remittance Amount; the
   * rest is reimbursed by `expenseReimbursement` steps (from the excess cashflow) and carried
   * until it is.
   */
  extraordinaryExpenseCap: z.strictObject({ annualAmount: dollars }).optional(),
  /**
   * The supplemental interest trust's agreements: an interest-rate swap (the trust pays a fixed
   * rate on a scheduled notional and receives the index on it; only the net changes hands) and
   * an interest-rate cap (it pays the index above the strike on its notional).
   */
  supplementalInterestTrust: z
    .strictObject({
      swap: z
        .strictObject({
          counterparty: z.string(),
          fixedRate: rate,
          fixedDayCount: dayCountSchema,
          floatingDayCount: dayCountSchema,
          notional: notionalSchedule,
          /**
           * An early termination of the swap: on `distribution` the party that owes the
           * termination payment pays `amount` (the trust, or the counterparty into the
           * supplemental interest trust), and the swap ends (no legs after that date).
           * `causedBy` says whose event of default or termination event it was: a payment the
           * trust owes for the counterparty's default is paid after the certificates.
           */
          termination: z
            .strictObject({
              distribution: z.number().int().positive(),
              amount: dollars,
              owedBy: z.enum(['trust', 'counterparty']),
              causedBy: z.enum(['trust', 'counterparty']),
            })
            .optional(),
        })
        .optional(),
      cap: z
        .strictObject({
          counterparty: z.string(),
          strike: rate,
          dayCount: dayCountSchema,
          notional: notionalSchedule,
        })
        .optional(),
    })
    .optional(),
  /** Terms not confirmed by the seeds: the JSON path, the value used and why. */
  assumptions: z.array(z.strictObject({ path: z.string(), value: z.unknown(), note: z.string() })),
  /**
   * Facts of the closing Form 8-K that drive no figure (descriptive, see DESCRIPTIVE_FIELDS):
   * when it was dated and signed and by whom, the other agreements of the closing and the
   * prospectus dates, the pooling agreement's exhibit number and page. Optional: a deal without
   * them runs; `trustee closing` names what is missing.
   */
  closingReport: z
    .strictObject({
      reportDate: date,
      signedOn: date,
      signer: z.strictObject({ name: z.string(), title: z.string() }),
      /** The registrant's city as the 8-K prints it (e.g. "Irvine, California"). */
      city: z.string(),
      mortgageLoanPurchaseAgreement: z.strictObject({
        date,
        sellers: z.array(z.string()).min(1),
      }),
      underwritingAgreementDate: date,
      prospectusDate: date,
      prospectusSupplementDate: date,
      /** The registration rule the prospectus was filed under (e.g. "424(b)"). */
      prospectusRule: z.string(),
      poolingAgreementExhibit: z.strictObject({
        number: z.string(),
        page: z.number().int().positive(),
      }),
    })
    .optional(),
  /**
   * The Master Servicer's documents of each year that the Form 10-K carries as Exhibits
   * 99.2-99.4, as text files relative to the deals folder (descriptive: no figure depends on them).
   */
  servicerDocuments: z
    .record(
      z.string().regex(/^\d{4}$/, 'expected a year such as 2002'),
      z.strictObject({
        statementOfCompliance: z.string(),
        accountantsReport: z.string(),
        managementAssertion: z.string(),
      }),
    )
    .optional(),
});

export type DealFile = z.infer<typeof dealSchema>;
export type ClassFile = z.infer<typeof classSchema>;
export type Step = z.infer<typeof stepSchema>;
export type Trigger = z.infer<typeof triggerSchema>;
