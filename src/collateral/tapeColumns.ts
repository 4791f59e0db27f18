import { z } from 'zod';
import {
  choiceCell,
  dateCell,
  dollarsCell,
  integerCell,
  optionalCell,
  percentCell,
  textCell,
} from './csvFields.ts';

/** The adjustable-rate columns: blank for a fixed-rate loan, all given for an ARM. */
export const ARM_COLUMNS = [
  'index',
  'margin',
  'first_cap',
  'periodic_cap',
  'life_cap',
  'life_floor',
  'first_reset_date',
  'next_reset_date',
  'reset_frequency',
  'rounding',
] as const;

/**
 * The loan tape's columns, in the order trustee writes them (docs/formats-tape.md). Rates,
 * margins, caps and LTV are percentages in the file and decimals in `Loan`.
 */
export const TAPE_COLUMNS = [
  'loan_id',
  'original_balance',
  'current_balance',
  'note_rate',
  'scheduled_payment',
  'rate_type',
  ...ARM_COLUMNS,
  'original_term',
  'remaining_term',
  'amortization',
  'amortization_term',
  'first_payment_date',
  'next_due_date',
  'maturity_date',
  'lien',
  'occupancy',
  'property_type',
  'state',
  'fico',
  'ltv',
  'prepayment_charge_term',
  'prepayment_charge_type',
  'prepayment_charge_rate',
] as const;

/** Columns a tape may have: `group`, the loan group of a deal with groups (e.g. "I"). */
export const TAPE_OPTIONAL_COLUMNS = ['group'] as const;

export type TapeColumn = (typeof TAPE_COLUMNS)[number] | (typeof TAPE_OPTIONAL_COLUMNS)[number];

/** Each cell's own check; checks across cells are in checkTapeRow.ts. */
export const tapeRowSchema = z.object({
  loan_id: textCell(20),
  original_balance: dollarsCell(),
  current_balance: dollarsCell(),
  note_rate: percentCell(0, 30),
  scheduled_payment: dollarsCell(),
  rate_type: choiceCell(['fixed', 'arm'] as const),
  index: optionalCell(textCell(20)),
  margin: optionalCell(percentCell(0, 20)),
  first_cap: optionalCell(percentCell(0, 20)),
  periodic_cap: optionalCell(percentCell(0, 20)),
  life_cap: optionalCell(percentCell(0, 30)),
  life_floor: optionalCell(percentCell(0, 30)),
  first_reset_date: optionalCell(dateCell()),
  next_reset_date: optionalCell(dateCell()),
  reset_frequency: optionalCell(integerCell(1, 120)),
  rounding: optionalCell(percentCell(0, 1)),
  original_term: integerCell(1, 480),
  remaining_term: integerCell(1, 480),
  amortization: choiceCell(['full', 'balloon'] as const),
  amortization_term: integerCell(1, 480),
  first_payment_date: dateCell(),
  next_due_date: dateCell(),
  maturity_date: dateCell(),
  lien: choiceCell(['1', '2'] as const),
  occupancy: choiceCell(['owner', 'second-home', 'investor'] as const),
  property_type: choiceCell(['sfr', 'pud', 'condo', 'townhouse', '2-4-family'] as const),
  state: z.string().transform((text, ctx) => {
    const t = text.trim().toUpperCase();
    if (/^[A-Z]{2}$/.test(t)) return t;
    ctx.addIssue({ code: 'custom', message: 'a two-letter state code' });
    return z.NEVER;
  }),
  fico: integerCell(300, 850),
  ltv: percentCell(0, 200),
  prepayment_charge_term: integerCell(0, 120),
  prepayment_charge_type: choiceCell(['none', 'six-months-interest', 'percent'] as const),
  prepayment_charge_rate: optionalCell(percentCell(0, 10)),
  group: optionalCell(textCell(10)).optional(),
});

export type TapeRow = z.output<typeof tapeRowSchema>;
