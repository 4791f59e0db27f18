/**
 * Test support for publishCrash.test.ts, run as a child process:
 *   node publishChild.script.ts STORE_LOCATION DRAFT_ID [pause]
 * Publishes the approved draft and prints PUBLISHED, or FAILED and the error's first line.
 * With `pause`, through a store that pauses inside the publish transaction once the version,
 * its statement and the draft's new status are written (before the audit entry and the
 * commit): prints "PAUSED" and waits there to be killed.
 */
import { openStore } from '../../store/openStore.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import { publishDraft } from './publishDraft.ts';

const [location, draftId, mode] = process.argv.slice(2);
if (!location || !draftId) throw new Error('usage: publishChild.script.ts STORE_LOCATION DRAFT_ID');
const store = await openStore(location);

/** The transaction's store, pausing after `markDraftPublished`. */
function pausing(tx: TrustStore): TrustStore {
  return new Proxy(tx, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      if (property !== 'markDraftPublished') return value.bind(target);
      return async (...args: unknown[]) => {
        const moved: unknown = await value.apply(target, args);
        process.stdout.write('PAUSED\n');
        setInterval(() => undefined, 1000);
        await new Promise(() => undefined);
        return moved;
      };
    },
  });
}

const paused =
  mode !== 'pause'
    ? store
    : new Proxy(store, {
        get(target, property, receiver) {
          if (property !== 'transaction') return Reflect.get(target, property, receiver);
          return <T>(work: (tx: TrustStore) => Promise<T>) =>
            target.transaction((tx) => work(pausing(tx)));
        },
      });

try {
  await publishDraft(paused, { draftId, publishedBy: 'alan', address: '203.0.113.9' });
  process.stdout.write('PUBLISHED\n');
} catch (error) {
  process.stdout.write(
    `FAILED ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`,
  );
  process.exitCode = 1;
}
