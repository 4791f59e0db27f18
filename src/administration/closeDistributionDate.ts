import type { Deal } from '../deal/deal.ts';
import { indexTableFor } from '../deal/builtIn.ts';
import { distributionNumberOf } from '../deal/schedule.ts';
import { TrusteeError } from '../errors/catalogue.ts';
import type { TrustStore } from '../store/trustStore.ts';
import { validatePeriod } from '../store/validateInputs.ts';
import { initialState } from '../waterfall/initialState.ts';
import type { CollectionPeriod, DealState } from '../waterfall/types.ts';
import { checkOpeningDeal, checkOpeningState, closedDates, outOfOrder } from './closedDates.ts';
import { dateInputs, runDate } from './dateRun.ts';
import { sameTerms } from './dealTerms.ts';
import { checkTermsInForce } from './termsInForce.ts';
import { inputDifferences } from './inputDifferences.ts';
import { checkWho, isoNow, type CloseOptions, type CloseResult } from './options.ts';
import { writeVersion } from './writeVersion.ts';

/**
 * Closes one distribution date: the state after the previous closed date (or the opening
 * state, or the closing), the index fixing, the waterfall, and one transaction that stores the
 * deal as used, the remittance and period, the distribution with the state after, and the audit
 * entry. A closed date is immutable: the same inputs again return the stored version and write
 * nothing; other inputs are refused (CLOSED_DATE, naming the fields) - see
 * `correctDistributionDate`. Dates close in order (OUT_OF_ORDER). The deal's terms must be those
 * in force for the date in the store (DEAL_CHANGED, naming each term that differs; new terms are
 * an amendment, `amendDeal`); the first closing binds the store to the deal file (version 1).
 */
export async function closeDistributionDate(
  store: TrustStore,
  deal: Deal,
  period: CollectionPeriod,
  options: CloseOptions,
): Promise<CloseResult> {
  checkWho(options, false);
  const checked = validatePeriod(period);
  const date = checked.distributionDate;
  const n = distributionNumberOf(deal, date);
  checkOpeningDeal(deal, options.openingState);
  const table = options.indexTable ?? indexTableFor(deal);
  const file = options.source ?? checked.source;

  return store.transaction(async (tx) => {
    const dates = await closedDates(tx, deal.id);
    const inForce = await checkTermsInForce(tx, deal, date);
    const closed = dates.find((d) => d.distributionDate === date);
    if (closed) {
      const stored = (await tx.getDistribution(deal.id, date))!;
      const before = options.openingState ?? stored.stateBefore;
      // A deal file with the same terms and other descriptions is the deal the date was closed with.
      const storedFile = (await tx.getDeal(deal.id, stored.dealHash))?.file;
      const asClosed =
        storedFile !== undefined && sameTerms(storedFile, deal.file)
          ? { ...deal, file: storedFile as Deal['file'] }
          : deal;
      const inputs = dateInputs(asClosed, before, checked, table);
      if (inputs.inputHash !== stored.inputHash) {
        throw new TrusteeError(
          'CLOSED_DATE',
          `${deal.id} ${date} is closed (version ${stored.version}) with other inputs; a change must be a correction with a reason`,
          inputDifferences(stored, storedFile, inputs),
        );
      }
      let reproduced: boolean;
      try {
        reproduced = runDate(inputs, file).resultHash === stored.resultHash;
      } catch {
        reproduced = false;
      }
      return { outcome: 'unchanged', record: stored, followOn: [], reproduced };
    }

    const latest = dates.at(-1);
    let before: DealState;
    if (latest) {
      before = (await tx.getDistribution(deal.id, latest.distributionDate))!.stateAfter;
      if (n !== latest.distributionNumber + 1) {
        const why =
          n < latest.distributionNumber
            ? 'it is before the first closed date'
            : 'a date in between is not closed';
        throw outOfOrder(deal, date, before, why);
      }
      checkOpeningState(deal, options.openingState, before, `closed (${latest.distributionDate})`);
    } else {
      before = options.openingState ?? initialState(deal);
      if (n !== before.distributionNumber + 1) {
        throw outOfOrder(
          deal,
          date,
          before,
          `the store starts after distribution ${before.distributionNumber}`,
        );
      }
    }
    const inputs = dateInputs(deal, before, checked, table);
    const result = runDate(inputs, file);
    const record = await writeVersion(tx, {
      inputs,
      result,
      version: 1,
      actor: options.actor,
      address: options.address,
      at: (options.now ?? isoNow)(),
      action: 'close',
      reason: null,
      source: file,
      rows: options.remittanceRows ?? [],
    });
    // The first closing binds the store's history to this deal file: version 1 of its terms.
    if (!inForce) {
      await tx.putDealVersion({
        dealId: deal.id,
        version: 1,
        dealHash: record.dealHash,
        effectiveFrom: date,
        amendedAt: record.closedAt,
        amendedBy: record.closedBy,
        reason: null,
      });
    }
    return { outcome: 'closed', record, followOn: [] };
  });
}
