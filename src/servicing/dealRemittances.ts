import { existsSync } from 'node:fs';
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

/**
 * The pool before a report's period: for the first distribution the loan tape (`tape`, or the
 * deal's deals/<id>/tape.csv); otherwise the loans' positions after the previous report
 * (`previous`, or the file named for the previous distribution date beside the report).
 * The previous report is read and its cells checked; it is trusted to have reconciled when it
 * was taken in.
 */
export async function previousPositionsFor(
  deal: Deal,
  reportFile: string,
  date: PlainDate,
  options: { tape?: string; previous?: string } = {},
): Promise<PoolPositions> {
  const n = distributionNumberOf(deal, date);
  if (options.previous) return positionsAfter((await readRemittance(options.previous)).rows);
  if (n === 1) return positionsFromTape(await readLoanTape(options.tape ?? dealTapePath(deal.id)));
  const before = distributionDate(deal, n - 1);
  const path = join(dirname(reportFile), `${before}.csv`);
  if (!existsSync(path)) {
    throw new TrusteeError('NOT_FOUND', `${reportFile}: no report for the previous distribution`, [
      {
        file: path,
        message: `the loans' balances before ${date} come from the ${before} report`,
        expected: `${path}, or --previous FILE`,
      },
    ]);
  }
  return positionsAfter((await readRemittance(path)).rows);
}
