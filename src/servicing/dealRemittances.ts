import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dealTapePath } from '../collateral/dealTape.ts';
import { readLoanTape } from '../collateral/readLoanTape.ts';
import { dealsDirectory } from '../deal/builtIn.ts';
import type { Deal } from '../deal/deal.ts';
import { distributionDate, distributionNumberOf } from '../deal/schedule.ts';
import { TrusteeError } from '../errors/catalogue.ts';
import type { PlainDate } from '../money/plainDate.ts';
import { positionsAfter, positionsFromTape, type PoolPositions } from './poolPositions.ts';
import { readRemittance } from './readRemittance.ts';

/** Where a built-in deal keeps its remittance reports: deals/<id>/remittances/<date>.csv. */
export function dealRemittancePath(dealId: string, date: PlainDate): string {
  return `${dealsDirectory}${dealId}/remittances/${date}.csv`;
}

/** Where a built-in deal keeps collection-period totals: deals/<id>/periods/<date>.json. */
export function dealPeriodTotalsPath(dealId: string, date: PlainDate): string {
  return `${dealsDirectory}${dealId}/periods/${date}.json`;
}

/**
 * Where a built-in deal keeps its loans as they stand after a distribution date, in the loan-tape
 * format: deals/<id>/tape-<date>.csv (2002-1: tape-2002-04-25.csv, the pool after April 2002,
 * from which the servicer's loan-level reports take over).
 */
export function dealPositionsTapePath(dealId: string, date: PlainDate): string {
  return `${dealsDirectory}${dealId}/tape-${date}.csv`;
}

/**
 * The tape the built-in deal's simulation starts from: its latest pool after a distribution
 * date (deals/<id>/tape-<date>.csv), else the cut-off tape deals/<id>/tape.csv.
 */
export function dealSimulationTapePath(dealId: string): string {
  const folder = `${dealsDirectory}${dealId}/`;
  const later = existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => /^tape-\d{4}-\d{2}-\d{2}\.csv$/.test(name))
        .sort()
    : [];
  const latest = later.at(-1);
  return latest ? `${folder}${latest}` : dealTapePath(dealId);
}

/**
 * The pool before a report's period: `previous` (the previous report) or `tape` (a loan tape
 * as of the pool before the period) when given; for the first distribution the deal's cut-off
 * tape; otherwise the loans' positions after the previous report, the file named for the
 * previous distribution date beside the report, else the deal's pool after that date
 * (deals/<id>/tape-<date>.csv, when that date's figures came from a totals file). The previous
 * report is read and its cells checked; it is trusted to have reconciled when it was taken in.
 */
export async function previousPositionsFor(
  deal: Deal,
  reportFile: string,
  date: PlainDate,
  options: { tape?: string; previous?: string } = {},
): Promise<PoolPositions> {
  const n = distributionNumberOf(deal, date);
  if (options.previous) return positionsAfter((await readRemittance(options.previous)).rows);
  if (options.tape) return positionsFromTape(await readLoanTape(options.tape));
  if (n === 1) return positionsFromTape(await readLoanTape(dealTapePath(deal.id)));
  const before = distributionDate(deal, n - 1);
  const path = join(dirname(reportFile), `${before}.csv`);
  if (existsSync(path)) return positionsAfter((await readRemittance(path)).rows);
  const pool = dealPositionsTapePath(deal.id, before);
  if (existsSync(pool)) return positionsFromTape(await readLoanTape(pool));
  throw new TrusteeError('NOT_FOUND', `${reportFile}: no loans for the previous distribution`, [
    {
      file: path,
      message: `the loans' balances before ${date} come from the ${before} report, or the pool after ${before}`,
      expected: `${path}, ${pool}, or --previous FILE / --tape FILE`,
    },
  ]);
}
