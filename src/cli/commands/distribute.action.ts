import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dealsDirectory, indexTableFor, resolveDeal } from '../../deal/builtIn.ts';
import { readStateFile } from '../../deal/stateFile.ts';
import { distributionDate, distributionNumberOf } from '../../deal/schedule.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import { plainDate, type PlainDate } from '../../money/plainDate.ts';
import { renderStatement } from '../../reports/index.ts';
import { readPeriodTotalsFile } from '../../servicing/periodTotalsFile.ts';
import { runDistribution } from '../../waterfall/runDistribution.ts';
import { initialState } from '../../waterfall/initialState.ts';
import type { Deal } from '../../deal/deal.ts';
import type { DealState } from '../../waterfall/types.ts';

/** The built-in inputs of a deal: deals/<id>/periods/<date>.json and state-<date>.json. */
function builtInTotals(deal: Deal, date: PlainDate): string {
  return `${dealsDirectory}${deal.id}/periods/${date}.json`;
}

function openingStateFor(deal: Deal, date: PlainDate, statePath: string | undefined): DealState {
  if (statePath) return readStateFile(deal, statePath);
  const n = distributionNumberOf(deal, date);
  if (n === 1) return initialState(deal);
  // The built-in deal ships the state before a date where the seeds give it.
  const candidates = `${dealsDirectory}${deal.id}/`;
  for (let k = n - 1; k >= 1; k -= 1) {
    const path = `${candidates}state-${distributionDate(deal, k)}.json`;
    if (existsSync(path)) {
      const state = readStateFile(deal, path);
      if (state.distributionNumber === n - 1) return state;
    }
  }
  throw new TrusteeError('INVALID_INPUT', `no state before ${date} for ${deal.id}`, [
    {
      field: '--state',
      message: `distribution ${n} needs the trust's state after distribution ${n - 1}`,
      expected: 'a state file (--state FILE), or run the earlier dates with `trustee close`',
    },
  ]);
}

/** The `distribute` command's work, loaded only when the command runs. */
export const action = async (options: {
  deal: string;
  date: string;
  totals?: string;
  state?: string;
  format: 'text' | 'json' | 'csv' | '8k';
  out?: string;
}) => {
  const deal = resolveDeal(options.deal);
  let date: PlainDate;
  try {
    date = plainDate(options.date);
  } catch (error) {
    throw new TrusteeError('INVALID_INPUT', 'bad --date', [
      { field: '--date', message: (error as Error).message, expected: 'YYYY-MM-DD' },
    ]);
  }
  distributionNumberOf(deal, date); // refuses a date that is not a distribution date
  const totalsPath = options.totals ?? builtInTotals(deal, date);
  if (!existsSync(totalsPath)) {
    throw new TrusteeError(
      'NO_DISTRIBUTION',
      `no collection-period totals for ${deal.id} on ${date}`,
      [
        {
          file: totalsPath,
          message: 'file not found',
          expected: 'a totals file (--totals FILE)',
        },
      ],
    );
  }
  const state = openingStateFor(deal, date, options.state);
  const period = readPeriodTotalsFile(totalsPath);
  const { distribution } = runDistribution(deal, state, period, indexTableFor(deal), totalsPath);
  const output = renderStatement(deal, distribution, options.format);
  if (options.out) await writeFile(options.out, output);
  else process.stdout.write(output);
};
