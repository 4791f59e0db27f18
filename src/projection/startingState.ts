import { existsSync, readdirSync } from 'node:fs';
import { dealsDirectory, indexTableFor } from '../deal/builtIn.ts';
import type { Deal } from '../deal/deal.ts';
import { readStateFile } from '../deal/stateFile.ts';
import { readPeriodTotalsFile } from '../servicing/periodTotalsFile.ts';
import { initialState } from '../waterfall/initialState.ts';
import { runDistribution } from '../waterfall/runDistribution.ts';
import type { DealState, Distribution } from '../waterfall/types.ts';

/**
 * The trust's latest known state from a deal's own files: the newest deals/<id>/state-*.json
 * (or the closing state), then every deals/<id>/periods/<date>.json after it run through the
 * waterfall with the deal's index fixings, as actual distributions are. For 2002-1: the state
 * of 2002-03-25 from the seed, then April 2002 -> the state after April 2002.
 */
export function latestKnownState(
  deal: Deal,
  directory = `${dealsDirectory}${deal.id}/`,
): { state: DealState; distributions: Distribution[] } {
  const files = existsSync(directory) ? readdirSync(directory) : [];
  const stateFile = files
    .filter((f) => /^state-\d{4}-\d{2}-\d{2}\.json$/.test(f))
    .sort()
    .pop();
  let state = stateFile ? readStateFile(deal, `${directory}${stateFile}`) : initialState(deal);
  const periodsDir = `${directory}periods/`;
  const periodFiles = existsSync(periodsDir)
    ? readdirSync(periodsDir)
        .filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f))
        .sort()
        .filter((f) => f.slice(0, 10) > state.lastDate)
    : [];
  const distributions: Distribution[] = [];
  for (const file of periodFiles) {
    const path = `${periodsDir}${file}`;
    const result = runDistribution(
      deal,
      state,
      readPeriodTotalsFile(path),
      indexTableFor(deal),
      path,
    );
    distributions.push(result.distribution);
    state = result.state;
  }
  return { state, distributions };
}
