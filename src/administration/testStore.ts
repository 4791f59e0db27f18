import { afterEach, beforeEach, expect } from 'vitest';
import type { TrusteeError } from '../errors/catalogue.ts';
import { openStore } from '../store/openStore.ts';
import {
  dumpTables,
  failure,
  freshDatabase,
  type BackendName,
  type TestDatabase,
} from '../store/testBackends.ts';
import type { TrustStore } from '../store/trustStore.ts';

/** What a test of the monthly cycle gets for each test: a fresh database and a store on it. */
export interface FreshStore {
  readonly db: TestDatabase;
  readonly store: TrustStore;
  /** Runs `attempt`, expects it to fail, and checks the database did not change. */
  refusedWithoutChange(attempt: () => Promise<unknown>): Promise<TrusteeError>;
}

/**
 * Gives every test of the enclosing `describe` a fresh database of `backend` and a store on it,
 * closed and dropped after the test. Call `current()` inside a test (or a later hook).
 */
export function freshStoreEach(backend: BackendName): { current: () => FreshStore } {
  let fresh: FreshStore | undefined;
  beforeEach(async () => {
    const db = freshDatabase(backend);
    const store = await openStore(db.location);
    fresh = {
      db,
      store,
      async refusedWithoutChange(attempt) {
        const before = await dumpTables(db.location);
        const error = await failure(attempt());
        expect(await dumpTables(db.location)).toEqual(before);
        return error;
      },
    };
  });
  afterEach(async () => {
    await fresh?.store.close();
    await fresh?.db.drop();
    fresh = undefined;
  });
  return {
    current: () => {
      if (!fresh) throw new Error('freshStoreEach: no store outside a test');
      return fresh;
    },
  };
}
