import { describe, expect, it } from 'vitest';
import { backends } from '../../store/testBackends.ts';
import { freshStoreEach } from '../testStore.ts';
import { prepareDistribution } from './prepareDistribution.ts';
import { address, april, dealId, preparedApril, upload } from './testCycle.ts';

describe.each(backends)('prepareDistribution on %s', (backend) => {
  const fresh = freshStoreEach(backend);

  it('prepares April 2002 from the uploaded totals: the golden statement, nothing closed', async () => {
    const { store } = fresh.current();
    const draft = await preparedApril(store);
    expect(draft).toMatchObject({ status: 'prepared', version: 1, reason: null });
    expect(draft).toMatchObject({ preparedBy: 'paula', preparedAddress: address });
    const byClass = Object.fromEntries(draft.distribution.classes.map((c) => [c.name, c]));
    // The seed's April statement: A 306,573.50 interest and 138,643.32 principal, M-1 28,864.88,
    // CE 942,980.71.
    expect(byClass['A']).toMatchObject({ interestPaid: 30_657_350, principalPaid: 13_864_332 });
    expect(byClass['M-1']!.interestPaid).toBe(2_886_488);
    expect(byClass['CE']!.interestPaid).toBe(94_298_071);
    expect(draft.statementText).toContain('306,573.50');
    expect(draft.statementText).toContain('DRAFT of version 1');
    expect(draft.distribution.trace.length).toBeGreaterThan(0);
    expect(await store.getDraft(draft.draftId)).toEqual(draft);
    // Prepared, not published: the date is not closed, and the remittance still waits.
    expect(await store.listDistributions(dealId)).toEqual([]);
    expect(await store.waitingRemittances(dealId, april)).toHaveLength(1);
    const entries = await store.allAudit();
    expect(entries.map((e) => e.action)).toEqual(['upload-remittance', 'prepare-distribution']);
    expect(entries[1]).toMatchObject({ actor: 'paula', address, version: 1 });
  });

  it('refuses with NO_REMITTANCE when nothing waits for the date, storing nothing', async () => {
    const { store, refusedWithoutChange } = fresh.current();
    const error = await refusedWithoutChange(() =>
      prepareDistribution(store, {
        dealId,
        distributionDate: april,
        preparedBy: 'paula',
        address,
      }),
    );
    expect(error.code).toBe('NO_REMITTANCE');
  });

  it('refuses an empty correction reason, and a deal id that is a path (nothing waits for it)', async () => {
    const { store, refusedWithoutChange } = fresh.current();
    await upload(store);
    const noReason = await refusedWithoutChange(() =>
      prepareDistribution(store, {
        dealId,
        distributionDate: april,
        preparedBy: 'paula',
        address,
        reason: ' ',
      }),
    );
    expect(noReason.code).toBe('INVALID_INPUT');
    const unknown = await refusedWithoutChange(() =>
      prepareDistribution(store, {
        dealId: '../deals/nchet-2002-1',
        distributionDate: april,
        preparedBy: 'paula',
        address,
      }),
    );
    expect(unknown.code).toBe('NO_REMITTANCE');
  });
});
