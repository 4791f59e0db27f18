import { upgradeDealFile } from '../deal/upgradeDealFile.ts';
import type { Deal } from '../deal/deal.ts';
import { distributionNumberOf } from '../deal/schedule.ts';
import { TrusteeError, type ErrorDetail } from '../errors/catalogue.ts';
import { isPlainDate, type PlainDate } from '../money/plainDate.ts';
import { contentHash } from '../store/canonicalJson.ts';
import type { DealVersion, TrustStore } from '../store/trustStore.ts';
import { closedDates } from './closedDates.ts';
import { dealDifferences, termDetails, type TermDifference } from './dealDifferences.ts';
import { blankText, isoNow } from './options.ts';
import { describeVersion, versionInForce } from './termsInForce.ts';

export interface AmendOptions {
  /** Who amends the deal: recorded in the version and the audit log. */
  readonly actor: string;
  /** Where from, for the audit log: the client's address, or "cli on HOST". */
  readonly address?: string;
  /** Why the terms change (the amendment's name, a supplemental indenture...). */
  readonly reason: string;
  /** The first distribution date the new terms apply to: one not yet closed. */
  readonly effectiveFrom: string;
  /** The clock for the audit's "when" (ISO-8601 UTC); tests fix it. */
  readonly now?: () => string;
}

export interface AmendResult {
  /** amended: a new version; unchanged: these terms are already in force from that date. */
  readonly outcome: 'amended' | 'unchanged';
  readonly version: DealVersion;
  /** The terms that changed, against those in force before. */
  readonly differences: readonly TermDifference[];
}

/**
 * Terms an amendment cannot change: they fix which dates exist and what the closed history
 * started from (the deal's id, its dates, the cut-off pool, the classes and their original
 * balances). A deal that differs in them is another deal, not an amendment.
 */
const HISTORY_TERMS = [
  /^id$/,
  /^dates(\.|$)/,
  /^collateral\.cutoff/,
  /^classes\.[^.]+$/,
  /^classes\.[^.]+\.originalBalance$/,
];

/**
 * Amends a deal in the store: from `effectiveFrom` (a distribution date after the last closed
 * one) its dates are closed with the new terms; the closed dates keep theirs. One transaction
 * stores the deal file, the next deal version (who, when, why, from when) and an audit entry
 * ("amend-deal", naming the terms that changed). The same terms again change nothing.
 */
export async function amendDeal(
  store: TrustStore,
  deal: Deal,
  options: AmendOptions,
): Promise<AmendResult> {
  checkAmendment(options);
  const from = options.effectiveFrom as PlainDate;
  distributionNumberOf(deal, from);
  const at = (options.now ?? isoNow)();
  const dealHash = contentHash(deal.file);

  return store.transaction(async (tx) => {
    const versions = await tx.listDealVersions(deal.id);
    const dates = await closedDates(tx, deal.id);
    const inForce = versionInForce(versions, from);
    if (!inForce) {
      throw new TrusteeError('NO_DISTRIBUTION', `${deal.id}: nothing to amend in ${tx.location}`, [
        {
          field: 'deal',
          message: 'the store has closed no date of the deal',
          expected: 'the first close binds the deal file as it is; amend after that',
        },
      ]);
    }
    const last = dates.at(-1);
    if (last && from <= last.distributionDate) {
      throw new TrusteeError(
        'CLOSED_DATE',
        `${deal.id}: ${from} is closed; an amendment cannot change the terms of closed dates`,
        [
          {
            field: 'effectiveFrom',
            message: `the last closed date is ${last.distributionDate}`,
            expected: `a distribution date after ${last.distributionDate}`,
            got: from,
          },
        ],
      );
    }
    const stored = await tx.getDeal(deal.id, inForce.dealHash);
    const differences = dealDifferences(upgradeDealFile(stored?.file), deal.file);
    if (inForce.dealHash === dealHash)
      return { outcome: 'unchanged', version: inForce, differences };
    const history = differences.filter((d) => HISTORY_TERMS.some((t) => t.test(d.path)));
    if (history.length > 0) {
      throw new TrusteeError(
        'DEAL_CHANGED',
        `${deal.id}: these terms fix the closed history and cannot be amended`,
        termDetails(history, `deal ${describeVersion(inForce)}`),
      );
    }
    await tx.putDeal(deal, at);
    const version = await tx.putDealVersion({
      dealId: deal.id,
      version: versions.length + 1,
      dealHash,
      effectiveFrom: from,
      amendedAt: at,
      amendedBy: options.actor.trim(),
      reason: options.reason.trim(),
    });
    await tx.appendAudit({
      at,
      actor: version.amendedBy,
      action: 'amend-deal',
      dealId: deal.id,
      distributionDate: from,
      reason: version.reason ?? '',
      ...(options.address !== undefined ? { address: options.address } : {}),
      details: {
        dealVersion: version.version,
        dealHash,
        previousVersion: inForce.version,
        previousHash: inForce.dealHash,
        terms: differences.map((d) => d.path),
      },
    });
    return { outcome: 'amended', version, differences };
  });
}

/** Who, why and from when, every problem at once, before anything is read. */
function checkAmendment(options: AmendOptions): void {
  const problems: ErrorDetail[] = [
    ...blankText('actor', options.actor, 'who amends the deal', 'a non-empty name'),
    ...blankText('reason', options.reason, 'an amendment says why', 'a non-empty reason'),
  ];
  if (!isPlainDate(options.effectiveFrom)) {
    problems.push({
      field: 'effectiveFrom',
      message: 'the first distribution date of the new terms',
      expected: 'a date as YYYY-MM-DD',
      got: options.effectiveFrom,
    });
  }
  if (problems.length > 0) {
    throw new TrusteeError('INVALID_INPUT', 'an amendment needs who, why and from when', problems);
  }
}
