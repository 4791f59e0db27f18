import { existsSync, readdirSync } from 'node:fs';
import { dealsDirectory } from '../../deal/builtIn.ts';
import type { Deal } from '../../deal/deal.ts';
import { readStateFile } from '../../deal/stateFile.ts';
import type { PlainDate } from '../../money/plainDate.ts';
import { readPeriodTotalsFile } from '../../servicing/periodTotalsFile.ts';
import {
  collectionPeriodFromRemittance,
  previousPositionsFor,
  readRemittance,
} from '../../servicing/index.ts';
import type { RawRow } from '../../store/trustStore.ts';
import type { CollectionPeriod, DealState } from '../../waterfall/types.ts';

/**
 * Which shipped history a built-in deal is served with:
 * - `filings`: the state the seed filings give (deals/<id>/state-<date>.json, after March 2002
 *   for 2002-1), then each date's collection-period totals file (deals/<id>/periods/, April
 *   2002 from the seed statement), else its remittance report (deals/<id>/remittances/);
 * - `simulated`: from the closing, every remittance report (the simulated 2002 year).
 */
export type HistoryKind = 'filings' | 'simulated';

/** One date's input: the file as the project names it, its totals, the servicer rows if any. */
export interface DateInput {
  date: PlainDate;
  source: string;
  period: CollectionPeriod;
  rows: readonly RawRow[];
}

export interface BuiltInInputs {
  /** undefined: start from the closing (`initialState`). */
  openingState: DealState | undefined;
  /** The dates in order, up to the first that does not follow on from the one before. */
  dates: DateInput[];
  /** Why the dates stop where they do, when files for later dates exist but do not chain. */
  stoppedAt: { source: string; reason: string } | undefined;
}

const listing = (folder: string, pattern: RegExp): string[] =>
  existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => pattern.test(name))
        .sort()
    : [];

const DATED_JSON = /^\d{4}-\d{2}-\d{2}\.json$/;
const DATED_CSV = /^\d{4}-\d{2}-\d{2}\.csv$/;

/** The deal's shipped inputs for a history kind, chained from its opening state. */
export async function builtInInputs(
  deal: Deal,
  kind: HistoryKind = 'filings',
): Promise<BuiltInInputs> {
  const folder = `${dealsDirectory}${deal.id}/`;
  const stateFile =
    kind === 'filings' ? listing(folder, /^state-\d{4}-\d{2}-\d{2}\.json$/)[0] : undefined;
  const openingState = stateFile ? readStateFile(deal, `${folder}${stateFile}`) : undefined;
  const totals = kind === 'filings' ? listing(`${folder}periods/`, DATED_JSON) : [];
  const reports = listing(`${folder}remittances/`, DATED_CSV);
  const dates = [...new Set([...totals, ...reports].map((name) => name.slice(0, 10)))]
    .sort()
    .filter((date) => !openingState || date > openingState.lastDate) as PlainDate[];
  const inputs: DateInput[] = [];
  let pool = openingState?.poolBalance ?? deal.cutoffBalance;
  for (const date of dates) {
    const input = totals.includes(`${date}.json`)
      ? {
          date,
          source: `deals/${deal.id}/periods/${date}.json`,
          period: readPeriodTotalsFile(`${folder}periods/${date}.json`),
          rows: [],
        }
      : await fromRemittance(deal, `${folder}remittances/${date}.csv`, date);
    if (input.period.beginningPoolBalance !== pool) {
      return {
        openingState,
        dates: inputs,
        stoppedAt: {
          source: input.source,
          reason: `its beginning pool ${input.period.beginningPoolBalance / 100} is not the trust's pool ${pool / 100} after the date before`,
        },
      };
    }
    inputs.push(input);
    pool = input.period.endingPoolBalance;
  }
  return { openingState, dates: inputs, stoppedAt: undefined };
}

async function fromRemittance(deal: Deal, path: string, date: PlainDate): Promise<DateInput> {
  const report = await readRemittance(path);
  const previous = await previousPositionsFor(deal, path, date);
  return {
    date,
    source: `deals/${deal.id}/remittances/${date}.csv`,
    period: collectionPeriodFromRemittance(deal, previous, report),
    rows: report.rows as unknown as RawRow[],
  };
}
