import { hostname } from 'node:os';
import { addBookDeal, checkBookDeal } from '../../administration/book/addBookDeal.ts';
import { readLoanTape } from '../../collateral/readLoanTape.ts';
import { loadDealFile } from '../../deal/loadDeal.ts';
import { readStateFile } from '../../deal/stateFile.ts';
import { openStore, storeLocation } from '../../store/openStore.ts';
import { actorName } from './close.action.ts';

interface AddCommandOptions {
  deal: string;
  tape: string;
  state?: string;
  reason?: string;
  by?: string;
  db?: string;
}

/** The `deal add` command's work, loaded only when the command runs. */
export const addAction = async (options: AddCommandOptions) => {
  // Every input is read and validated before the store is opened: a refusal stores nothing.
  const deal = loadDealFile(options.deal);
  const loans = await readLoanTape(options.tape);
  const openingState = options.state ? readStateFile(deal, options.state) : undefined;
  const inputs = {
    deal,
    dealSource: options.deal,
    loans,
    tapeSource: options.tape,
    ...(openingState ? { openingState } : {}),
  };
  checkBookDeal(inputs);
  const store = await openStore(storeLocation(options.db));
  try {
    const added = await addBookDeal(store, {
      ...inputs,
      actor: actorName(options.by),
      at: new Date().toISOString(),
      address: `cli on ${hostname()}`,
      ...(options.reason ? { reason: options.reason } : {}),
    });
    const opening = added.openingState
      ? `after distribution ${added.openingState.distributionNumber} (${added.openingState.lastDate})`
      : `at closing (${deal.closingDate})`;
    process.stdout.write(
      [
        `${added.dealId}: added to the book of ${store.location}`,
        `  ${added.name} (${added.series}), servicer ${added.servicers.join(', ')}`,
        `  ${added.cusips.length} CUSIPs, ${loans.length} loans, opening ${opening}`,
        `  first distribution ${deal.firstDistributionDate}`,
      ].join('\n') + '\n',
    );
  } finally {
    await store.close();
  }
};
