import { dealAsClosed } from '../../administration/dealAsClosed.ts';
import { versionNote } from '../../administration/history.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import { isPlainDate, plainDate } from '../../money/plainDate.ts';
import { renderStatement } from '../../reports/index.ts';
import { openStore, storeLocation } from '../../store/openStore.ts';
import type { StatementCommandOptions } from './statement.ts';

/** A closed date's statement from the store, rendered with the deal terms it was closed under. */
export async function storedStatement(options: StatementCommandOptions): Promise<string> {
  if (!isPlainDate(options.date)) {
    throw new TrusteeError('INVALID_INPUT', `bad --date ${options.date}`, [
      { field: '--date', message: 'not a date', expected: 'YYYY-MM-DD', got: options.date },
    ]);
  }
  const version = options.versionNumber === undefined ? undefined : Number(options.versionNumber);
  if (version !== undefined && !(Number.isInteger(version) && version >= 1)) {
    throw new TrusteeError('INVALID_INPUT', `bad --version-number ${options.versionNumber}`, [
      {
        field: '--version-number',
        message: 'not a version number',
        expected: 'a whole number from 1',
        got: options.versionNumber,
      },
    ]);
  }
  const store = await openStore(storeLocation(options.db));
  try {
    const record = await store.getDistribution(options.deal, plainDate(options.date), version);
    if (!record) {
      throw new TrusteeError(
        'NO_DISTRIBUTION',
        `no closed distribution of ${options.deal} on ${options.date}${version ? ` (version ${version})` : ''} in ${store.location}`,
        [
          {
            field: '--date',
            message: 'not closed in this database',
            expected: 'a date closed with `trustee close` or `trustee annual`',
            got: options.date,
          },
        ],
      );
    }
    const deal = await dealAsClosed(store, record);
    return renderStatement(deal, record.distribution, options.format, {
      version: versionNote(record),
    });
  } finally {
    await store.close();
  }
}
