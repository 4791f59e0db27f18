import { cents } from '../../src/money/cents.ts';
import { dealsDirectory, indexTableFor, resolveDeal } from '../../src/deal/builtIn.ts';
import { parseStateFile } from '../../src/deal/stateFile.ts';
import { readFileSync } from 'node:fs';
import { readPeriodTotalsFile } from '../../src/servicing/periodTotalsFile.ts';
import { runDistribution } from '../../src/waterfall/runDistribution.ts';
import type { CollectionPeriod, DealState } from '../../src/waterfall/types.ts';

export const deal = resolveDeal('nchet-2002-1');
export const indexTable = indexTableFor(deal);
export const stateFileJson = JSON.parse(
  readFileSync(`${dealsDirectory}nchet-2002-1/state-2002-03-25.json`, 'utf8'),
) as Record<string, unknown>;
export const aprilState: DealState = parseStateFile(deal, stateFileJson);
export const aprilPeriod: CollectionPeriod = readPeriodTotalsFile(
  `${dealsDirectory}nchet-2002-1/periods/2002-04-25.json`,
);

/** Runs April 2002 with some totals changed (the pool is re-rolled so the period reconciles). */
export function runApril(changes: Partial<CollectionPeriod>, state: DealState = aprilState) {
  const merged = { ...aprilPeriod, ...changes };
  const ending =
    merged.beginningPoolBalance -
    merged.scheduledPrincipal -
    merged.curtailments -
    merged.paymentsInFull -
    merged.liquidationProceeds -
    merged.repurchasePrincipal -
    merged.realizedLosses;
  return runDistribution(
    deal,
    state,
    { ...merged, endingPoolBalance: ending as never },
    indexTable,
  );
}

export function classOf<T extends { name: string }>(list: readonly T[], name: string): T {
  const found = list.find((c) => c.name === name);
  if (!found) throw new Error(`no class ${name}`);
  return found;
}

/**
 * The trust after March 2002 for a deal whose class A is split in two: A-1 holds `a1` of class
 * A's 160,369,748.35 and A-2 the rest, everything else as 2002-1 stood.
 */
export function aprilStateWithClassASplit(dealId: string, a1: number): DealState {
  const { A, ...others } = aprilState.classes;
  return {
    ...aprilState,
    dealId,
    classes: {
      'A-1': { ...A!, balance: cents(a1) },
      'A-2': { ...A!, balance: cents(A!.balance - a1) },
      ...others,
    },
  };
}
