import type { TrustStore } from '../../store/trustStore.ts';

/** Carries the work's result out of the transaction it rolls back. */
class RolledBack<T> {
  readonly value: T;
  constructor(value: T) {
    this.value = value;
  }
}

/**
 * Runs `work` in a write transaction and rolls it back: what the work would write, read but not
 * kept. Preparing a distribution runs the very close (or correction) that publishing runs, so
 * the draft's figures are the ones publishing writes. `store` must not be inside a transaction
 * already (there `transaction` joins the caller's, which would keep the writes).
 */
export async function dryRun<T>(
  store: TrustStore,
  work: (tx: TrustStore) => Promise<T>,
): Promise<T> {
  try {
    await store.transaction(async (tx) => {
      throw new RolledBack(await work(tx));
    });
  } catch (outcome) {
    if (outcome instanceof RolledBack) return outcome.value as T;
    throw outcome;
  }
  throw new Error('internal: a dry run finished without rolling back');
}
