import { history } from '../../administration/history.ts';
import { describeVersion } from '../../administration/termsInForce.ts';
import { dealByIdOrFile } from '../../administration/book/dealById.ts';
import { resolveDeal } from '../../deal/builtIn.ts';
import { namingFlags } from './flagNames.ts';
import { dollarsAndCents } from '../../reports/format.ts';
import { openStore, storeExists, storeLocation } from '../../store/openStore.ts';

/** The `history` command's work, loaded only when the command runs. */
export const action = async (options: { deal: string; db?: string; json?: boolean }) => {
  const location = storeLocation(options.db);
  if (!storeExists(location)) {
    // A listing never creates a database.
    const deal = resolveDeal(options.deal);
    process.stdout.write(`${deal.id}: no closed dates (no store at ${location})\n`);
    return;
  }
  const store = await openStore(location);
  try {
    // A built-in deal, a deal file, or a deal of the store's book.
    const deal = await dealByIdOrFile(store, options.deal).catch((error: unknown) => {
      throw namingFlags(error, { dealId: '--deal' });
    });
    const dates = await history(store, deal.id);
    const dealVersions = await store.listDealVersions(deal.id);
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ dealVersions, dates }, null, 2)}\n`);
      return;
    }
    if (dates.length === 0) {
      process.stdout.write(`${deal.id}: no closed dates in ${store.location}\n`);
      return;
    }
    const lines = [
      `${deal.id}: ${dates.length} closed date(s) in ${store.location}`,
      `${'date'.padEnd(11)}${'no.'.padStart(4)}  ${'ver.'.padEnd(5)}${'closed at'.padEnd(25)}${'by'.padEnd(14)}${'ending pool'.padStart(18)}  why`,
    ];
    for (const date of dates) {
      for (const v of date.versions) {
        const current = v.version === date.currentVersion ? '*' : ' ';
        lines.push(
          `${(v.version === 1 ? v.distributionDate : '').padEnd(11)}${(v.version === 1 ? String(v.distributionNumber) : '').padStart(4)}  ${`${v.version}${current}`.padEnd(5)}${v.closedAt.padEnd(25)}${v.closedBy.padEnd(14)}${dollarsAndCents(v.endingPoolBalance).padStart(18)}  ${v.reason ?? ''}`,
        );
      }
    }
    lines.push('(* current version)', '', `deal terms (${dealVersions.length} version(s)):`);
    for (const v of dealVersions) {
      lines.push(`  ${describeVersion(v)} (deal ${v.dealHash.slice(0, 12)})`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await store.close();
  }
};
