import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainDate } from '../../money/plainDate.ts';
import { openStore } from '../../store/openStore.ts';
import { backends, freshDatabase, type TestDatabase } from '../../store/testBackends.ts';
import type { TrustStore } from '../../store/trustStore.ts';
import { initialState } from '../../waterfall/initialState.ts';
import { approveDraft } from '../cycle/approveDraft.ts';
import { publishDraft } from '../cycle/publishDraft.ts';
import { dealById } from './dealById.ts';
import { generateBook } from './generateBook.ts';
import { runBatch, type BatchResult } from './runBatch.ts';

const first = plainDate('2004-01-26');
const second = plainDate('2004-02-25');
const who = { address: 'test' };
const statuses = (results: readonly BatchResult[]) =>
  results.map((r) => [r.dealId, r.status, r.status === 'refused' ? r.code : '']);

describe.each(backends)('the batch over a generated book on %s', (backend) => {
  let db: TestDatabase;
  let store: TrustStore;
  let ids: readonly string[];
  beforeAll(async () => {
    db = freshDatabase(backend);
    store = await openStore(db.location);
    ids = (
      await generateBook(store, { deals: 2, seed: 3, months: 2, actor: 'gen', address: 'test' })
    ).dealIds;
  });
  afterAll(async () => {
    await store?.close();
    await db.drop();
  });

  it('prepares the due deals; a published one goes on to the next date, the other is behind', async () => {
    const [a, b] = [...ids].sort() as [string, string];
    const batch = (date: typeof first) => runBatch(store, { date, preparedBy: 'paula', ...who });
    const firstRun = await batch(first);
    expect(statuses(firstRun)).toEqual([
      [a, 'prepared', ''],
      [b, 'prepared', ''],
    ]);
    // Prepared drafts wait for a decision: the deals are not due again.
    expect(await batch(first)).toEqual([]);

    const draft = firstRun[0]!.status === 'prepared' ? firstRun[0]!.draftId : '';
    await approveDraft(store, { draftId: draft, approvedBy: 'alan', ...who });
    await publishDraft(store, { draftId: draft, publishedBy: 'alan', ...who });
    const closed = await store.getDistribution(a, first);
    const { deal } = await dealById(store, a);
    expect(closed?.stateBefore).toEqual(initialState(deal));
    expect(closed?.distribution.distributionNumber).toBe(1);

    const secondRun = await batch(second);
    expect(statuses(secondRun)).toEqual([
      [a, 'prepared', ''],
      [b, 'refused', 'OUT_OF_ORDER'],
    ]);
  });
});
