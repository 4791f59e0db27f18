import { amendDeal } from '../../administration/amendDeal.ts';
import { describeVersion } from '../../administration/termsInForce.ts';
import { loadDealFile } from '../../deal/loadDeal.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import { openStore, storeExists, storeLocation } from '../../store/openStore.ts';
import { actorName, cliAddress } from './close.action.ts';
import { namingDealFile } from './dealFile.ts';
import { namingFlags } from './flagNames.ts';

interface AmendCommandOptions {
  deal: string;
  file: string;
  from: string;
  reason: string;
  by?: string;
  db?: string;
}

/** The library's field names as the command's flags, so an error names what the user typed. */
const flags = { effectiveFrom: '--from', date: '--from', reason: '--reason', actor: '--by' };

/** The `deal amend` command's work, loaded only when the command runs. */
export const amendAction = async (options: AmendCommandOptions) => {
  const deal = loadDealFile(options.file);
  if (deal.id !== options.deal) {
    throw new TrusteeError('INVALID_INPUT', `${options.file} is not a file of ${options.deal}`, [
      {
        file: options.file,
        field: 'id',
        message: 'another deal',
        expected: options.deal,
        got: deal.id,
      },
    ]);
  }
  const location = storeLocation(options.db);
  if (!storeExists(location)) {
    // An amendment changes a history: it never creates a store.
    throw new TrusteeError('NO_DISTRIBUTION', `${options.deal}: no store at ${location}`, [
      {
        field: '--db',
        message: 'no such store',
        expected: 'a store with closed dates of the deal',
      },
    ]);
  }
  const store = await openStore(location);
  try {
    const result = await amendDeal(store, deal, {
      actor: actorName(options.by),
      address: cliAddress(),
      reason: options.reason,
      effectiveFrom: options.from,
    }).catch((error: unknown) => {
      throw namingDealFile(namingFlags(error, flags), options.file);
    });
    const lines =
      result.outcome === 'unchanged'
        ? [
            `${deal.id}: these terms are already in force from ${options.from} (${describeVersion(result.version)}): nothing changed`,
          ]
        : [
            `${deal.id}: deal ${describeVersion(result.version)}`,
            `  store: ${store.location}`,
            '  terms changed:',
            ...result.differences.map(
              (d) =>
                `    ${d.path}: ${JSON.stringify(d.before) ?? 'absent'} -> ${JSON.stringify(d.after) ?? 'absent'}`,
            ),
          ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await store.close();
  }
};
