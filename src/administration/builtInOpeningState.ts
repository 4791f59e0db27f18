import { existsSync } from 'node:fs';
import { dealsDirectory } from '../deal/builtIn.ts';
import type { Deal } from '../deal/deal.ts';
import { distributionDate, distributionNumberOf } from '../deal/schedule.ts';
import { readStateFile } from '../deal/stateFile.ts';
import type { PlainDate } from '../money/plainDate.ts';
import type { DealState } from '../waterfall/types.ts';

/**
 * The state a deal's first closed date starts from when the store has none: `file` (a state
 * file), else the built-in state file after the previous date (deals/<id>/state-<date>.json,
 * e.g. nchet-2002-1 after March 2002), else the closing (undefined: `initialState`).
 */
export function builtInOpeningState(
  deal: Deal,
  date: PlainDate,
  file?: string,
): DealState | undefined {
  if (file) return readStateFile(deal, file);
  const n = distributionNumberOf(deal, date);
  if (n === 1) return undefined;
  const builtIn = `${dealsDirectory}${deal.id}/state-${distributionDate(deal, n - 1)}.json`;
  return existsSync(builtIn) ? readStateFile(deal, builtIn) : undefined;
}
