import { existsSync, readdirSync } from 'node:fs';
import { dealsDirectory } from '../../deal/builtIn.ts';
import type { Deal } from '../../deal/deal.ts';
import { readStateFile } from '../../deal/stateFile.ts';
import type { PlainDate } from '../../money/plainDate.ts';
import { readPeriodTotalsFile } from '../../servicing/periodTotalsFile.ts';
import type { CollectionPeriod, DealState } from '../../waterfall/types.ts';

/** One date's shipped totals: the file as the project names it and its collection period. */
export interface DateInput {
  date: PlainDate;
  source: string;
  period: CollectionPeriod;
}

export interface BuiltInPeriods {
  /** deals/<id>/state-<date>.json (the earliest); undefined: start from the closing. */
  openingState: DealState | undefined;
  dates: DateInput[];
}

/**
 * The history a built-in deal's filings give: its opening state (for 2002-1 the state after
 * March 2002, from the seed) and the collection-period totals files after it, in date order
 * (deals/<id>/periods/<date>.json: April 2002 from the seed statement).
 */
export function builtInPeriods(deal: Deal): BuiltInPeriods {
  const folder = `${dealsDirectory}${deal.id}/`;
  const list = (dir: string, pattern: RegExp): string[] =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((name) => pattern.test(name))
          .sort()
      : [];
  const stateFile = list(folder, /^state-\d{4}-\d{2}-\d{2}\.json$/)[0];
  const openingState = stateFile ? readStateFile(deal, `${folder}${stateFile}`) : undefined;
  const dates = list(`${folder}periods/`, /^\d{4}-\d{2}-\d{2}\.json$/)
    .map((name) => ({
      date: name.slice(0, 10) as PlainDate,
      source: `deals/${deal.id}/periods/${name}`,
      period: readPeriodTotalsFile(`${folder}periods/${name}`),
    }))
    .filter(({ date }) => !openingState || date > openingState.lastDate);
  return { openingState, dates };
}
