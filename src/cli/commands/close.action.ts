import { existsSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { builtInOpeningState } from '../../administration/builtInOpeningState.ts';
import { closeDistributionDate } from '../../administration/closeDistributionDate.ts';
import { closedDates, outOfOrder } from '../../administration/closedDates.ts';
import { correctDistributionDate } from '../../administration/correctDistributionDate.ts';
import { versionNote } from '../../administration/history.ts';
import type { CloseResult } from '../../administration/options.ts';
import { dealsDirectory, resolveDeal } from '../../deal/builtIn.ts';
import type { Deal } from '../../deal/deal.ts';
import { distributionNumberOf } from '../../deal/schedule.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import { isPlainDate, plainDate, type PlainDate } from '../../money/plainDate.ts';
import { dollarsAndCents, percent } from '../../reports/format.ts';
import { readPeriodTotalsFile } from '../../servicing/periodTotalsFile.ts';
import { isPostgresUrl, openStore, storeLocation } from '../../store/openStore.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import { dealFilePath, namingDealFile } from './dealFile.ts';

interface CloseCommandOptions {
  deal: string;
  date: string;
  totals?: string;
  state?: string;
  db?: string;
  actor?: string;
  correct?: boolean;
  reason?: string;
  json?: boolean;
}

/** Who is acting: --actor, else TRUSTEE_ACTOR, else the operating-system user. */
export function actorName(explicit: string | undefined): string {
  return explicit ?? process.env['TRUSTEE_ACTOR'] ?? userInfo().username;
}

/** Where a change from the command line comes from, for the audit log: "cli on HOST". */
export function cliAddress(): string {
  return `cli on ${hostname()}`;
}

/** A --date option as a plain date; INVALID_INPUT naming the option otherwise. */
export function dateOption(text: string): PlainDate {
  if (!isPlainDate(text)) {
    throw new TrusteeError('INVALID_INPUT', `bad --date "${text}"`, [
      { field: '--date', message: 'not a calendar date', expected: 'YYYY-MM-DD', got: text },
    ]);
  }
  return plainDate(text);
}

function describe(deal: Deal, result: CloseResult, store: TrustStore): string {
  const r = result.record;
  const d = r.distribution;
  const what = {
    closed: 'closed',
    unchanged: 'already closed with these inputs: nothing changed',
    corrected: 'corrected',
  }[result.outcome];
  const lines = [
    `${deal.id} ${r.distributionDate} (distribution ${r.distributionNumber}): ${what}`,
    `  ${versionNote(r)}, closed ${r.closedAt} by ${r.closedBy}`,
    `  store: ${store.location}`,
    `  ${deal.index.name} ${percent(r.indexFixing.rate, 5)} fixed ${r.indexFixing.determinationDate}`,
    `  pool ${dollarsAndCents(d.period.beginningPoolBalance)} -> ${dollarsAndCents(d.period.endingPoolBalance)}`,
    `  ${'class'.padEnd(6)}${'interest'.padStart(16)}${'principal'.padStart(16)}${'ending balance'.padStart(18)}`,
    ...d.classes.map(
      (c) =>
        `  ${c.name.padEnd(6)}${dollarsAndCents(c.interestPaid).padStart(16)}${dollarsAndCents(c.principalPaid).padStart(16)}${dollarsAndCents(c.endingBalance).padStart(18)}`,
    ),
    ...result.followOn.map(
      (f) =>
        `  follow-on: ${f.distributionDate} re-run as version ${f.version} from the corrected state`,
    ),
  ];
  if (result.reproduced === false) {
    lines.push(
      '  warning: this engine no longer reproduces the stored figures; the stored version stands',
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * No totals file for the date. When the store's next date is an earlier one, the date is out
 * of order (a gap), and that is the error; else the file is missing. The store is only read
 * if it exists already: a refused close leaves no new store behind.
 */
async function missingTotals(
  deal: Deal,
  date: PlainDate,
  totals: string,
  options: CloseCommandOptions,
): Promise<TrusteeError> {
  const location = storeLocation(options.db);
  if (isPostgresUrl(location) || existsSync(location)) {
    const store = await openStore(location);
    try {
      const latest = (await closedDates(store, deal.id)).at(-1);
      if (latest && distributionNumberOf(deal, date) > latest.distributionNumber + 1) {
        const after = (await store.getDistribution(deal.id, latest.distributionDate))!.stateAfter;
        return outOfOrder(deal, date, after, 'a date in between is not closed');
      }
    } finally {
      await store.close();
    }
  }
  return new TrusteeError('NOT_FOUND', `no collection-period totals for ${deal.id} on ${date}`, [
    {
      file: totals,
      field: '--totals',
      message: 'file not found',
      expected: options.totals
        ? 'a totals file (--totals FILE)'
        : "a totals file (--totals FILE); the deal's dates with servicer reports close with `trustee annual`",
    },
  ]);
}

/** The `close` command's work, loaded only when the command runs. */
export const action = async (options: CloseCommandOptions) => {
  const deal = resolveDeal(options.deal);
  const date = dateOption(options.date);
  distributionNumberOf(deal, date); // NOT_A_DISTRIBUTION_DATE before any file is looked for
  if (options.reason !== undefined && !options.correct) {
    throw new TrusteeError('INVALID_INPUT', '--reason is for corrections', [
      {
        field: '--reason',
        message: 'only with --correct',
        expected: '--correct --reason "..."',
      },
    ]);
  }
  const totals = options.totals ?? `${dealsDirectory}${deal.id}/periods/${date}.json`;
  if (!existsSync(totals)) throw await missingTotals(deal, date, totals, options);
  const period = readPeriodTotalsFile(totals);
  if (period.distributionDate !== date) {
    throw new TrusteeError('INVALID_INPUT', `${totals} is for another date`, [
      {
        file: totals,
        field: 'distributionDate',
        message: 'does not match --date',
        expected: date,
        got: period.distributionDate,
      },
    ]);
  }
  const store = await openStore(storeLocation(options.db));
  try {
    const nothingClosed = (await closedDates(store, deal.id)).length === 0;
    const opening =
      options.state !== undefined || nothingClosed
        ? builtInOpeningState(deal, date, options.state)
        : undefined;
    const common = {
      actor: actorName(options.actor),
      address: cliAddress(),
      source: totals,
      ...(opening ? { openingState: opening } : {}),
    };
    const result = await (
      options.correct
        ? correctDistributionDate(store, deal, period, { ...common, reason: options.reason ?? '' })
        : closeDistributionDate(store, deal, period, common)
    ).catch((error: unknown) => {
      throw namingDealFile(error, dealFilePath(options.deal));
    });
    process.stdout.write(
      options.json ? `${JSON.stringify(result, null, 2)}\n` : describe(deal, result, store),
    );
  } finally {
    await store.close();
  }
};
