/**
 * Test support for crash.test.ts, run as a child process:
 *   node crashChild.script.ts STORE_LOCATION
 * Closes the date after the last closed one (made-up totals and 30,000 raw remittance rows, so
 * SQLite spills pages into the database file before the commit), prints "INSERTED" once the
 * distribution row is written inside the transaction, and then waits, transaction open, to be
 * killed.
 */
import { openStore } from '../store/openStore.ts';
import type { TrustStore } from '../store/trustStore.ts';
import { closeDistributionDate } from './closeDistributionDate.ts';
import { closedDates } from './closedDates.ts';
import { deal, nextPeriod } from './testPeriods.ts';

const location = process.argv[2];
if (!location) throw new Error('usage: crashChild.script.ts STORE_LOCATION');
const store = await openStore(location);
const latest = (await closedDates(store, deal.id)).at(-1);
if (!latest) throw new Error('close a date first');
const before = (await store.getDistribution(deal.id, latest.distributionDate))!.stateAfter;

/** The store, with a pause after the distribution row is inserted. */
const pausing = new Proxy(store, {
  get(target, property, receiver) {
    if (property !== 'transaction') return Reflect.get(target, property, receiver);
    return <T>(work: (tx: TrustStore) => Promise<T>) =>
      target.transaction((tx) =>
        work(
          new Proxy(tx, {
            get(t, p) {
              const value: unknown = Reflect.get(t, p);
              if (p !== 'putDistribution' || typeof value !== 'function') {
                return typeof value === 'function' ? value.bind(t) : value;
              }
              return async (...args: unknown[]) => {
                const written: unknown = await value.apply(t, args);
                process.stdout.write('INSERTED\n');
                setInterval(() => undefined, 1000);
                await new Promise(() => undefined);
                return written;
              };
            },
          }),
        ),
      );
  },
});

const remittanceRows = Array.from({ length: 30_000 }, (_, i) => ({
  loanId: `L${String(i + 1).padStart(6, '0')}`,
  paid: 123_456 + i,
  note: 'remittance line kept for the crash test '.repeat(2),
}));
await closeDistributionDate(pausing, deal, nextPeriod(before), {
  actor: 'crash-test',
  remittanceRows,
});
process.stdout.write('COMMITTED\n');
