import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dealsDirectory } from '../../deal/builtIn.ts';
import { plainDate } from '../../money/plainDate.ts';
import { backends } from '../../store/testBackends.ts';
import { closeDistributionDate } from '../closeDistributionDate.ts';
import { freshStoreEach } from '../testStore.ts';
import { deal, marchState } from '../testPeriods.ts';
import { prepareDistribution } from './prepareDistribution.ts';
import { address, dealId, upload } from './testCycle.ts';
import { uploadRemittance } from './uploadRemittance.ts';

const may = plainDate('2002-05-28');
const mayReport = readFileSync(`${dealsDirectory}${dealId}/remittances/2002-05-28.csv`, 'utf8');

describe.each(backends)('uploadRemittance on %s', (backend) => {
  const fresh = freshStoreEach(backend);

  it("reconciles May's loan-level report against the loans after April; prepare runs the close's waterfall", async () => {
    const { store } = fresh.current();
    await upload(store);
    const april = await store.getRemittance(
      (await store.waitingRemittances(dealId))[0]!.remittanceId,
    );
    await closeDistributionDate(store, deal, april!.period, {
      actor: 'alice',
      openingState: marchState,
      source: april!.source,
    });
    const { remittance, period } = await uploadRemittance(store, {
      dealId,
      fileName: '2002-05-28.csv',
      content: mayReport,
      uploadedBy: 'paula',
      address,
    });
    expect(remittance).toMatchObject({
      distributionDate: may,
      rowCount: 586,
      source: '2002-05-28.csv',
    });
    // The loans after April (deals/nchet-2002-1/tape-2002-04-25.csv) are April's ending pool.
    expect(period.beginningPoolBalance).toBe(april!.period.endingPoolBalance);
    expect(period.beginningLoanCount).toBe(586);

    const draft = await prepareDistribution(store, {
      dealId,
      distributionDate: may,
      preparedBy: 'paula',
      address,
    });
    const stored = (await store.getRemittance(remittance.remittanceId))!;
    const closed = await closeDistributionDate(store, deal, stored.period, {
      actor: 'alice',
      source: stored.source,
      remittanceRows: stored.rows,
    });
    expect(closed.record.resultHash).toBe(draft.resultHash);
    expect(closed.record.remittanceId).toBe(remittance.remittanceId);
  });

  it('refuses a report whose loans do not roll forward from the store, storing nothing', async () => {
    const { store, refusedWithoutChange } = fresh.current();
    // Nothing closed: the loans before May are not known.
    const early = await refusedWithoutChange(() =>
      uploadRemittance(store, {
        dealId,
        fileName: '2002-05-28.csv',
        content: mayReport,
        uploadedBy: 'paula',
        address,
      }),
    );
    expect(early.code).toBe('OUT_OF_ORDER');
    const empty = await refusedWithoutChange(() =>
      uploadRemittance(store, {
        dealId,
        fileName: 'empty.csv',
        content: '',
        uploadedBy: 'paula',
        address,
      }),
    );
    expect(empty.code).toBe('INVALID_INPUT');
    expect(empty.details[0]).toMatchObject({ file: 'empty.csv', row: 1 });
  });
});
