import { z } from 'zod';
import {
  choiceCell,
  dateCell,
  dollarsCell,
  flagCell,
  integerCell,
  optionalCell,
  percentCell,
  textCell,
} from '../collateral/csvFields.ts';
import { AMOUNT_COLUMNS, type AmountColumn, type RemittanceRow } from './remittanceRow.ts';

const amount = dollarsCell();
const status = optionalCell(choiceCell(['current', '30', '60', '90'] as const));

/** A loan line's cells, each checked on its own (checks across cells: checkRemittanceRow). */
export const remittanceRowSchema = z
  .object({
    distribution_date: dateCell(),
    loan_id: textCell(20),
    beginning_balance: amount,
    note_rate: percentCell(0, 30),
    scheduled_payment: amount,
    scheduled_principal: amount,
    scheduled_interest: amount,
    actual_principal: amount,
    actual_interest: amount,
    curtailment: amount,
    payoff: amount,
    payoff_date: optionalCell(dateCell()),
    repurchase: amount,
    prepayment_charge: amount,
    liquidation_proceeds: amount,
    liquidation_expenses: amount,
    realized_loss: amount,
    relief_act_shortfall: amount,
    pi_advance: amount,
    advance_reimbursement: amount,
    servicing_fee: amount,
    remitted: dollarsCell(true),
    ending_balance: amount,
    unpaid_principal_balance: amount,
    remaining_term: integerCell(0, 480),
    next_due_date: optionalCell(dateCell()),
    delinquency_mba: status,
    delinquency_ots: status,
    foreclosure: flagCell(),
    bankruptcy: flagCell(),
    reo: flagCell(),
    reo_book_value: amount,
    group: optionalCell(textCell(10)).optional(),
  })
  .transform((r): Omit<RemittanceRow, 'row'> => ({
    distributionDate: r.distribution_date,
    loanId: r.loan_id,
    beginningBalance: r.beginning_balance,
    noteRate: r.note_rate,
    scheduledPayment: r.scheduled_payment,
    scheduledPrincipal: r.scheduled_principal,
    scheduledInterest: r.scheduled_interest,
    actualPrincipal: r.actual_principal,
    actualInterest: r.actual_interest,
    curtailment: r.curtailment,
    payoff: r.payoff,
    payoffDate: r.payoff_date,
    repurchase: r.repurchase,
    prepaymentCharge: r.prepayment_charge,
    liquidationProceeds: r.liquidation_proceeds,
    liquidationExpenses: r.liquidation_expenses,
    realizedLoss: r.realized_loss,
    reliefActShortfall: r.relief_act_shortfall,
    piAdvance: r.pi_advance,
    advanceReimbursement: r.advance_reimbursement,
    servicingFee: r.servicing_fee,
    remitted: r.remitted,
    endingBalance: r.ending_balance,
    unpaidPrincipalBalance: r.unpaid_principal_balance,
    remainingTerm: r.remaining_term,
    nextDueDate: r.next_due_date,
    delinquencyMba: r.delinquency_mba,
    delinquencyOts: r.delinquency_ots,
    foreclosure: r.foreclosure,
    bankruptcy: r.bankruptcy,
    reo: r.reo,
    reoBookValue: r.reo_book_value,
    ...(r.group !== undefined ? { group: r.group } : {}),
  }));

/** The TOTAL row: the date, "TOTAL", each amount column (remitted may be negative). */
export const totalRowSchema = z.object({
  distribution_date: dateCell(),
  ...(Object.fromEntries(
    Object.keys(AMOUNT_COLUMNS).map((c) => [c, c === 'remitted' ? dollarsCell(true) : amount]),
  ) as Record<AmountColumn, ReturnType<typeof dollarsCell>>),
});
