import { existsSync, readdirSync } from 'node:fs';
import { dealsDirectory } from '../../deal/builtIn.ts';
import type { Deal } from '../../deal/deal.ts';
import { readStateFile } from '../../deal/stateFile.ts';
import { readPeriodTotalsFile } from '../../servicing/periodTotalsFile.ts';
import type { CollectionPeriod, DealState } from '../../waterfall/types.ts';

/** A deal's shipped inputs: the state it starts from and its collection periods, in order. */
export interface BuiltInPeriods {
  /** deals/<id>/state-<date>.json (the earliest), or undefined: start from the closing. */
  openingState: DealState | undefined;
  /** `source`: the file as the project names it, e.g. deals/nchet-2002-1/periods/2002-04-25.json. */
  periods: { path: string; source: string; period: CollectionPeriod }[];
}

/**
 * The collection-period totals a built-in deal ships (deals/<id>/periods/<date>.json) after its
 * opening state (deals/<id>/state-<date>.json, for nchet-2002-1 the state after March 2002).
 */
export function builtInPeriods(deal: Deal): BuiltInPeriods {
  const folder = `${dealsDirectory}${deal.id}/`;
  const states = existsSync(folder)
    ? readdirSync(folder).filter((name) => /^state-\d{4}-\d{2}-\d{2}\.json$/.test(name))
    : [];
  const first = states.sort()[0];
  const openingState = first ? readStateFile(deal, `${folder}${first}`) : undefined;
  const periodsFolder = `${folder}periods/`;
  const names = existsSync(periodsFolder)
    ? readdirSync(periodsFolder)
        .filter((name) => name.endsWith('.json'))
        .sort()
    : [];
  const periods = names
    .map((name) => ({
      path: `${periodsFolder}${name}`,
      source: `deals/${deal.id}/periods/${name}`,
      period: readPeriodTotalsFile(`${periodsFolder}${name}`),
    }))
    .filter(({ period }) => !openingState || period.distributionDate > openingState.lastDate);
  return { openingState, periods };
}
