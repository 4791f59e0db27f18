import type { Deal } from '../deal/deal.ts';
import { indexTableFor } from '../deal/builtIn.ts';
import { distributionNumberOf } from '../deal/schedule.ts';
import { TrusteeError } from '../errors/catalogue.ts';
import { contentHash } from '../store/canonicalJson.ts';
import type { StoredDistribution, TrustStore } from '../store/trustStore.ts';
import { validatePeriod } from '../store/validateInputs.ts';
import type { CollectionPeriod, DealState } from '../waterfall/types.ts';
import { checkOpeningDeal, checkOpeningState, closedDates } from './closedDates.ts';
import { dateInputs, runDate } from './dateRun.ts';
import { dealAsClosed } from './dealAsClosed.ts';
import { sameTerms } from './dealTerms.ts';
import { checkTermsInForce } from './termsInForce.ts';
import { checkWho, isoNow, type CloseResult, type CorrectOptions } from './options.ts';
import { writeVersion } from './writeVersion.ts';

/**
 * Corrects a closed date: writes the next version of it with who, when and why, and keeps the
 * earlier versions readable. Later closed dates start from the corrected state, so each is
 * re-run on its stored period and written as a new version too ("follow-on"); if one no longer
 * runs (its period does not roll forward from the corrected pool), nothing is written. All in
 * one transaction. The same inputs as the current version correct nothing ("unchanged"). The
 * deal must be the terms in force for the date (DEAL_CHANGED): a closed date keeps its terms.
 */
export async function correctDistributionDate(
  store: TrustStore,
  deal: Deal,
  period: CollectionPeriod,
  options: CorrectOptions,
): Promise<CloseResult> {
  checkWho(options, true);
  const checked = validatePeriod(period);
  const date = checked.distributionDate;
  distributionNumberOf(deal, date);
  checkOpeningDeal(deal, options.openingState);
  const table = options.indexTable ?? indexTableFor(deal);
  const file = options.source ?? checked.source;
  const at = (options.now ?? isoNow)();
  const reason = options.reason.trim();

  return store.transaction(async (tx) => {
    const dates = await closedDates(tx, deal.id);
    const index = dates.findIndex((d) => d.distributionDate === date);
    if (index < 0) {
      throw new TrusteeError(
        'NO_DISTRIBUTION',
        `${deal.id} ${date} is not closed: nothing to correct`,
        [
          {
            field: 'distributionDate',
            message: 'close the date first',
            expected: 'a closed date',
            got: date,
          },
        ],
      );
    }
    // A closed date keeps the terms it was closed with: its correction uses them.
    await checkTermsInForce(tx, deal, date);
    const stored = (await tx.getDistribution(deal.id, date))!;
    if (index > 0) checkOpeningState(deal, options.openingState, stored.stateBefore, 'closed');
    // Terms in force (checked above) written differently (descriptions, an earlier format) are
    // the deal the date was closed with: the same inputs are no correction.
    const storedFile = (await tx.getDeal(deal.id, stored.dealHash))?.file;
    const asClosed =
      storedFile !== undefined && sameTerms(storedFile, deal.file)
        ? { ...deal, file: storedFile as Deal['file'] }
        : deal;
    const inputs = dateInputs(asClosed, options.openingState ?? stored.stateBefore, checked, table);
    if (inputs.inputHash === stored.inputHash) {
      return { outcome: 'unchanged', record: stored, followOn: [] };
    }
    const result = runDate(inputs, file);
    const record = await writeVersion(tx, {
      inputs,
      result,
      version: stored.version + 1,
      actor: options.actor,
      address: options.address,
      at,
      action: 'correct',
      reason,
      source: file,
      rows: options.remittanceRows ?? [],
    });

    const followOn: StoredDistribution[] = [];
    let state: DealState = result.stateAfter;
    for (const later of dates.slice(index + 1)) {
      const laterStored = (await tx.getDistribution(deal.id, later.distributionDate))!;
      // Nothing changes from here on once a date starts from the state it started from before.
      if (contentHash(laterStored.stateBefore) === contentHash(state)) break;
      const remittance = (await tx.getRemittance(laterStored.remittanceId))!;
      // Each later date keeps the terms it was closed with (an amendment may lie between).
      const laterDeal =
        laterStored.dealHash === inputs.dealHash ? deal : await dealAsClosed(tx, laterStored);
      const laterInputs = dateInputs(laterDeal, state, remittance.period, table);
      let laterResult;
      try {
        laterResult = runDate(laterInputs, remittance.source);
      } catch (error) {
        throw followOnFailed(error, later.distributionDate, date);
      }
      followOn.push(
        await writeVersion(tx, {
          inputs: laterInputs,
          result: laterResult,
          version: laterStored.version + 1,
          actor: options.actor,
          address: options.address,
          at,
          action: 'follow-on',
          reason: `re-run after the correction of ${date} (version ${record.version}): ${reason}`,
          source: remittance.source,
          rows: remittance.rows,
        }),
      );
      state = laterResult.stateAfter;
    }
    return { outcome: 'corrected', record, followOn };
  });
}

/** The later date's own error, with a line saying it came from re-running after a correction. */
function followOnFailed(error: unknown, laterDate: string, correctedDate: string): unknown {
  if (!(error instanceof TrusteeError)) return error;
  return new TrusteeError(
    error.code,
    `correcting ${correctedDate} would break the closed date ${laterDate}; nothing was written: ${error.message.split('\n')[0]}`,
    [
      ...error.details,
      {
        field: 'followOn',
        message: `${laterDate} re-run from the corrected state after ${correctedDate}`,
        expected: 'its stored period to follow the corrected state',
      },
    ],
  );
}
