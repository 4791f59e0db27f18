import type { Loan } from '../collateral/loan.ts';
import type { Deal } from '../deal/deal.ts';
import type { IndexRateTable } from '../deal/indexRates.ts';
import type { PlainDate } from '../money/plainDate.ts';
import type { DealState } from '../waterfall/types.ts';
import { loanArraysFromTape } from './fromCollateral.ts';
import type { LoanArrays } from './loanArrays.ts';
import { agedTapeLoans } from './projectionContext.ts';
import { loansFromRemittance } from './storeLoans.ts';
import { loansAfterPeriod } from './storedLoanRow.ts';
import { foreclosureMonth, groupAssumptions } from './compileScenario.ts';
import type { Scenario } from './scenarioSchema.ts';

/** The remittance the state's own date was closed from, as the history keeps it. */
export interface ClosedRemittance {
  /** The servicer's loan lines (stored JSON); empty when the date was closed from totals. */
  readonly rows: readonly Readonly<Record<string, unknown>>[];
  /** What they are, for the output: "the store's remittance rows". */
  readonly label: string;
  /** Where they were read, for errors: the store and the date. */
  readonly source: string;
}

/** Where a projection's loans came from. */
export type LoanOrigin =
  | {
      readonly kind: 'remittance';
      readonly date: PlainDate;
      readonly loans: number;
      /** In foreclosure or REO; the other loans behind or in bankruptcy; of which 60+ days. */
      readonly inForeclosure: number;
      readonly distressed: number;
      readonly seriouslyDelinquent: number;
      readonly label: string;
    }
  | {
      readonly kind: 'aged-tape';
      readonly payments: number;
      readonly rows: number;
      /** Why the loan lines were not used. */
      readonly why: string;
    };

export interface StartingLoans {
  readonly loans: LoanArrays;
  readonly origin: LoanOrigin;
}

/**
 * The loans a projection from `state` starts with. When the state's date was closed from the
 * servicer's loan-level report (`closed` with rows), the loans as they stood then
 * (`loansFromRemittance`: the state's pool to the cent, its loan count). Otherwise (a date
 * closed from totals, such as 2002-1's April 2002, or a state from a file) the cut-off tape
 * aged by the distributions made and scaled to the pool (`agedTapeLoans`).
 */
export function startingLoans(
  deal: Deal,
  state: DealState,
  tape: readonly Loan[],
  table: IndexRateTable,
  closed?: ClosedRemittance,
): StartingLoans {
  if (closed && closed.rows.length > 0) {
    const after = loansAfterPeriod(closed.rows, closed.source);
    const { loans, inForeclosure, distressed, seriouslyDelinquent } = loansFromRemittance(
      deal,
      state,
      tape,
      after,
      closed.source,
    );
    return {
      loans,
      origin: {
        kind: 'remittance',
        date: state.lastDate,
        loans: loans.count,
        inForeclosure,
        distressed,
        seriouslyDelinquent,
        label: closed.label,
      },
    };
  }
  const loans = agedTapeLoans(
    deal,
    state,
    loanArraysFromTape(
      tape,
      deal.groups.map((g) => g.name),
    ),
    table,
  );
  const why = closed
    ? `${state.lastDate} was closed from period totals, without loan lines`
    : `no loan lines for ${state.lastDate}`;
  return {
    loans,
    origin: { kind: 'aged-tape', payments: state.distributionNumber, rows: loans.count, why },
  };
}

/** A figure of each kind's assumptions: one when fixed and ARM agree, else "x (fixed), y (ARM)". */
function perKind(
  scenario: Scenario,
  figure: (g: ReturnType<typeof groupAssumptions>) => number,
  show: (value: number) => string,
): { text: string; any: boolean } {
  const [fixed, arm] = (['fixed', 'arm'] as const).map((kind) =>
    figure(groupAssumptions(scenario, kind)),
  );
  const text = fixed === arm ? show(fixed!) : `${show(fixed!)} (fixed), ${show(arm!)} (ARM)`;
  return { text, any: fixed !== 0 || arm !== 0 };
}

/** How a scenario treats the loans in foreclosure or REO at the start (for the output). */
export function foreclosureTreatment(scenario: Scenario): string {
  if (scenario.foreclosures === 'perform') return 'projected as performing';
  return `liquidated in ${perKind(scenario, foreclosureMonth, (m) => `month ${m}`).text}`;
}

/**
 * The share of the loans 60+ days delinquent or in bankruptcy at the start that a scenario
 * rolls to default ("50%", or "50% (fixed), 30% (ARM)"); undefined when they all perform.
 */
export function rollTreatment(scenario: Scenario): string | undefined {
  const roll = perKind(
    scenario,
    (g) => g.rollToDefault,
    (share) => `${share}%`,
  );
  return roll.any ? roll.text : undefined;
}

/**
 * One line for the output: "509 loans as of 2002-12-26 from the store's remittance rows; 16 in
 * foreclosure or REO, liquidated in month 12; 26 delinquent or in bankruptcy, projected as
 * performing", with what `scenario` does with the loans behind (foreclosureTreatment,
 * rollTreatment); without one (a grid, whose scenarios may differ) in general terms.
 */
export function describeLoans(origin: LoanOrigin, scenario?: Scenario): string {
  if (origin.kind === 'aged-tape')
    return `${origin.rows} rows: the cut-off tape aged ${origin.payments} payment${origin.payments === 1 ? '' : 's'} and scaled to the pool (${origin.why})`;
  const treatment = scenario ? foreclosureTreatment(scenario) : 'liquidated as each scenario says';
  const roll = scenario ? rollTreatment(scenario) : undefined;
  const foreclosed =
    origin.inForeclosure > 0 ? `; ${origin.inForeclosure} in foreclosure or REO, ${treatment}` : '';
  const rolling =
    roll && origin.seriouslyDelinquent > 0
      ? `, but for ${roll} of the balance of the ${origin.seriouslyDelinquent} of them 60+ days late or in bankruptcy, which defaults at the start`
      : '';
  const distressed =
    origin.distressed > 0
      ? `; ${origin.distressed} delinquent or in bankruptcy, projected as performing${rolling}`
      : '';
  return `${origin.loans} loans as of ${origin.date} from ${origin.label}${foreclosed}${distressed}`;
}
