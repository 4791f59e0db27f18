import { readFileSync } from 'node:fs';
import type { Loan } from '../../collateral/loan.ts';
import type { Deal } from '../../deal/deal.ts';
import { distributionDate } from '../../deal/schedule.ts';
import { cents } from '../../money/cents.ts';
import { writeRemittance } from '../writeRemittance.ts';
import { plannedReports, type LoanPlan, type PlannedEvent } from './plannedYear.ts';

/** The ARM index the planned installments use at a reset (no loan of 2002-1 resets in 2002). */
export const PLAN_INDEX_RATE = 0.02;

/**
 * A derived year as data: the distributions it covers and each loan's plan (events by
 * distribution number, as JSON with amounts in cents). Loans not named pay every installment.
 */
export interface YearPlanFile {
  readonly note: string;
  readonly first: number;
  readonly last: number;
  readonly loans: Record<
    string,
    {
      readonly events: Record<string, PlannedEvent>;
      readonly bankruptcyFrom?: number;
      readonly foreclosureFrom?: number;
      readonly reoFrom?: number;
      readonly reoBookValue?: number;
      readonly behindAtStart?: number;
    }
  >;
}

export function planFileOf(
  plans: ReadonlyMap<string, LoanPlan>,
  first: number,
  last: number,
  note: string,
): YearPlanFile {
  const loans: YearPlanFile['loans'] = {};
  for (const [id, plan] of [...plans].sort(([a], [b]) => (a < b ? -1 : 1))) {
    loans[id] = {
      events: Object.fromEntries([...plan.events].sort(([a], [b]) => a - b)),
      ...(plan.bankruptcyFrom ? { bankruptcyFrom: plan.bankruptcyFrom } : {}),
      ...(plan.foreclosureFrom ? { foreclosureFrom: plan.foreclosureFrom } : {}),
      ...(plan.reoFrom ? { reoFrom: plan.reoFrom } : {}),
      ...(plan.reoBookValue ? { reoBookValue: plan.reoBookValue } : {}),
      ...(plan.behindAtStart ? { behindAtStart: plan.behindAtStart } : {}),
    };
  }
  return { note, first, last, loans };
}

export function plansOfFile(file: YearPlanFile): Map<string, LoanPlan> {
  return new Map(
    Object.entries(file.loans).map(([id, p]) => [
      id,
      {
        events: new Map(
          Object.entries(p.events).map(([n, e]): [number, PlannedEvent] => [
            Number(n),
            e.kind === 'pay' && e.curtailment !== undefined
              ? { kind: 'pay', curtailment: cents(e.curtailment) }
              : e.kind === 'liquidate'
                ? { kind: 'liquidate', loss: cents(e.loss) }
                : e,
          ]),
        ),
        ...(p.bankruptcyFrom ? { bankruptcyFrom: p.bankruptcyFrom } : {}),
        ...(p.foreclosureFrom ? { foreclosureFrom: p.foreclosureFrom } : {}),
        ...(p.reoFrom ? { reoFrom: p.reoFrom } : {}),
        ...(p.reoBookValue ? { reoBookValue: cents(p.reoBookValue) } : {}),
        ...(p.behindAtStart ? { behindAtStart: p.behindAtStart } : {}),
      },
    ]),
  );
}

export function readYearPlanFile(path: string): YearPlanFile {
  return JSON.parse(readFileSync(path, 'utf8')) as YearPlanFile;
}

/** The remittance reports of a plan file, as files: name (date .csv) and CSV text. */
export function plannedYearFiles(
  deal: Deal,
  loans: readonly Loan[],
  file: YearPlanFile,
): { name: string; text: string }[] {
  return plannedReports(deal, loans, plansOfFile(file), file.first, file.last, PLAN_INDEX_RATE).map(
    (r) => {
      const date = distributionDate(deal, r.distributionNumber);
      return { name: `${date}.csv`, text: writeRemittance(date, r.lines) };
    },
  );
}
