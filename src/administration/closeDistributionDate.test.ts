import { beforeEach, describe, expect, it } from 'vitest';
import { loadDeal } from '../deal/loadDeal.ts';
import { backends, dumpTables, type TestDatabase } from '../store/testBackends.ts';
import type { TrustStore } from '../store/trustStore.ts';
import { initialState } from '../waterfall/initialState.ts';
import type { Distribution } from '../waterfall/types.ts';
import { closeDistributionDate } from './closeDistributionDate.ts';
import { correctDistributionDate } from './correctDistributionDate.ts';
import { freshStoreEach, type FreshStore } from './testStore.ts';
import { aprilPeriod, aprilWith, deal, marchState, nextPeriod } from './testPeriods.ts';

const now = () => '2026-11-25T09:30:00.000Z';
const later = () => '2026-11-26T14:00:00.000Z';
const alice = { actor: 'alice', openingState: marchState, now };
const paid = (d: Distribution, name: string): number =>
  d.classes.find((c) => c.name === name)!.interestPaid;

describe.each(backends)('the monthly cycle on %s', (backend) => {
  const fresh = freshStoreEach(backend);
  let db: TestDatabase;
  let store: TrustStore;
  let refusedWithoutChange: FreshStore['refusedWithoutChange'];
  beforeEach(() => {
    ({ db, store, refusedWithoutChange } = fresh.current());
  });

  it('closes April 2002 from the state after March: the seed figures, stored as version 1', async () => {
    const result = await closeDistributionDate(store, deal, aprilPeriod, alice);
    expect(result.outcome).toBe('closed');
    const stored = (await store.getDistribution(deal.id, aprilPeriod.distributionDate))!;
    expect(stored).toEqual(result.record);
    expect(stored.version).toBe(1);
    expect(stored.indexFixing).toEqual({ rate: 0.019, determinationDate: '2002-03-21' });
    expect(paid(stored.distribution, 'A')).toBe(30_657_350);
    expect(paid(stored.distribution, 'CE')).toBe(94_298_071);
    expect(stored.stateAfter.poolBalance).toBe(19_797_420_082);
    expect((await store.getRemittance(stored.remittanceId))!.period).toEqual(aprilPeriod);
    expect((await store.getDeal(deal.id, stored.dealHash))!.name).toBe(deal.name);
    expect(await store.auditLog(deal.id)).toEqual([
      expect.objectContaining({
        actor: 'alice',
        action: 'close',
        at: now(),
        distributionDate: '2002-04-25',
        version: 1,
      }),
    ]);
  });

  it('re-running a closed date with the same inputs changes nothing and returns the stored result', async () => {
    const first = await closeDistributionDate(store, deal, aprilPeriod, alice);
    const before = await dumpTables(db.location);
    const again = await closeDistributionDate(
      store,
      deal,
      { ...aprilPeriod },
      { ...alice, actor: 'bob', now: later },
    );
    expect(again).toEqual({
      outcome: 'unchanged',
      record: first.record,
      followOn: [],
      reproduced: true,
    });
    expect(await dumpTables(db.location)).toEqual(before);
  });

  it('refuses other inputs for a closed date (CLOSED_DATE), naming the fields that differ', async () => {
    await closeDistributionDate(store, deal, aprilPeriod, alice);
    const changed = aprilWith({ interestCollected: aprilPeriod.interestCollected + 10_000 });
    const error = await refusedWithoutChange(() =>
      closeDistributionDate(store, deal, changed, alice),
    );
    expect(error.code).toBe('CLOSED_DATE');
    expect(error.details).toEqual([
      expect.objectContaining({
        field: 'period.interestCollected',
        expected: '1,429,737.83 (stored)',
        got: '1,429,837.83',
      }),
    ]);
    const otherStart = { ...marchState, loanCount: 585 };
    const start = await refusedWithoutChange(() =>
      closeDistributionDate(store, deal, aprilPeriod, { ...alice, openingState: otherStart }),
    );
    expect(start.details.map((d) => d.field)).toEqual(['stateBefore.loanCount']);
  });

  it('takes the same figures from another source as the same inputs', async () => {
    await closeDistributionDate(store, deal, aprilPeriod, alice);
    const fromRemittance = { ...aprilPeriod, source: 'remittance 2002-04.csv' };
    const again = await closeDistributionDate(store, deal, fromRemittance, alice);
    expect(again.outcome).toBe('unchanged');
  });

  it('refuses a deal whose terms differ from those in force (DEAL_CHANGED), naming each term', async () => {
    await closeDistributionDate(store, deal, aprilPeriod, alice);
    const file = structuredClone(deal.file) as unknown as { fees: { trustee: { rate: number } } };
    file.fees.trustee.rate = 0.0002;
    const changed = loadDeal(file);
    const error = await refusedWithoutChange(() =>
      closeDistributionDate(store, changed, aprilPeriod, alice),
    );
    expect(error.code).toBe('DEAL_CHANGED');
    expect(error.details.map((d) => [d.field, d.expected, d.got])).toEqual([
      ['fees.trustee.rate', '0.00017', 0.0002],
    ]);
    // A closed date keeps the terms it was closed with: a correction cannot change them either.
    const correction = await refusedWithoutChange(() =>
      correctDistributionDate(store, changed, aprilPeriod, {
        actor: 'bob',
        reason: 'trustee fee is 0.020%',
      }),
    );
    expect(correction.code).toBe('DEAL_CHANGED');
    // Nor can the next date be closed with them without an amendment.
    const next = nextPeriod(
      (await store.getDistribution(deal.id, aprilPeriod.distributionDate))!.stateAfter,
    );
    const later = await refusedWithoutChange(() =>
      closeDistributionDate(store, changed, next, alice),
    );
    expect(later.code).toBe('DEAL_CHANGED');
    expect(later.message).toContain('version 1, from 2002-04-25');
  });

  it('accepts a deal file that differs only in descriptive fields, and stores it beside the old', async () => {
    // The deal file as it was before the closing 8-K's facts and the servicer's documents.
    const old = structuredClone(deal.file) as Record<string, unknown>;
    delete old['closingReport'];
    delete old['servicerDocuments'];
    const before = loadDeal(old);
    await closeDistributionDate(store, before, aprilPeriod, alice);
    const again = await closeDistributionDate(store, deal, aprilPeriod, alice);
    expect(again.outcome).toBe('unchanged');
    const next = nextPeriod(
      (await store.getDistribution(deal.id, aprilPeriod.distributionDate))!.stateAfter,
    );
    const closed = await closeDistributionDate(store, deal, next, { actor: 'alice', now });
    expect(closed.outcome).toBe('closed');
    const stored = await store.getDeal(deal.id, closed.record.dealHash);
    expect(JSON.stringify(stored?.file)).toContain('Patrick Flanagan');
    expect((await store.listDealVersions(deal.id)).map((v) => v.version)).toEqual([1]);
    // A term still binds, and DEAL_CHANGED names the term, not the descriptions beside it.
    const file = structuredClone(deal.file) as unknown as {
      name: string;
      fees: { trustee: { rate: number } };
    };
    file.name = 'Another name';
    file.fees.trustee.rate = 0.0002;
    const error = await refusedWithoutChange(() =>
      closeDistributionDate(store, loadDeal(file), nextPeriod(closed.record.stateAfter), {
        actor: 'alice',
        now,
      }),
    );
    expect(error.code).toBe('DEAL_CHANGED');
    expect(error.details.map((d) => d.field)).toEqual(['fees.trustee.rate']);
  });

  it('closes dates in order (OUT_OF_ORDER), from the closing when no opening state is given', async () => {
    const fromClosing = await refusedWithoutChange(() =>
      closeDistributionDate(store, deal, aprilPeriod, { actor: 'alice' }),
    );
    expect(fromClosing.code).toBe('OUT_OF_ORDER');
    expect(fromClosing.details[0]).toMatchObject({
      field: 'distributionDate',
      expected: '2002-03-25',
      got: '2002-04-25',
    });
    const march = await closeDistributionDate(store, deal, nextPeriod(initialState(deal)), {
      actor: 'alice',
    });
    expect(march.record).toMatchObject({ distributionDate: '2002-03-25', distributionNumber: 1 });
    const april = nextPeriod(march.record.stateAfter);
    expect(april.distributionDate).toBe('2002-04-25');
    const may = { ...april, distributionDate: '2002-05-28' } as typeof april;
    const error = await refusedWithoutChange(() =>
      closeDistributionDate(store, deal, may, { actor: 'alice' }),
    );
    expect(error.code).toBe('OUT_OF_ORDER');
    expect(error.details[0]).toMatchObject({ expected: '2002-04-25', got: '2002-05-28' });
  });

  it('refuses a date before the first closed one, a gap, and a conflicting opening state', async () => {
    const april = await closeDistributionDate(store, deal, aprilPeriod, alice);
    const march = nextPeriod(initialState(deal));
    expect(
      (await refusedWithoutChange(() => closeDistributionDate(store, deal, march, alice))).code,
    ).toBe('OUT_OF_ORDER');
    const may = nextPeriod(april.record.stateAfter);
    const june = { ...may, distributionDate: '2002-06-25' } as typeof may;
    const gap = await refusedWithoutChange(() => closeDistributionDate(store, deal, june, alice));
    expect(gap.details[0]).toMatchObject({ field: 'distributionDate', expected: '2002-05-28' });
    const conflict = await refusedWithoutChange(() =>
      closeDistributionDate(store, deal, may, alice),
    );
    expect(conflict.code).toBe('CLOSED_DATE');
    expect(conflict.details.map((d) => d.field)).toEqual(['openingState']);
    expect((await closeDistributionDate(store, deal, may, { actor: 'alice' })).outcome).toBe(
      'closed',
    );
  });

  it('refuses bad input naming the field, before anything changes', async () => {
    const april = await closeDistributionDate(store, deal, aprilPeriod, alice);
    const may = nextPeriod(april.record.stateAfter);
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => closeDistributionDate(store, deal, may, { actor: '' }), 'INVALID_INPUT', 'actor'],
      [
        () => correctDistributionDate(store, deal, aprilPeriod, { actor: 'bob', reason: ' ' }),
        'INVALID_INPUT',
        'reason',
      ],
      [
        () => closeDistributionDate(store, deal, { ...may, interestCollected: -5 } as never, alice),
        'INVALID_INPUT',
        'period.interestCollected',
      ],
      [
        () => closeDistributionDate(store, deal, { ...may, curtailments: 10.5 } as never, alice),
        'INVALID_INPUT',
        'period.curtailments',
      ],
      [
        () =>
          closeDistributionDate(
            store,
            deal,
            { ...may, distributionDate: '2002-05-27' } as never,
            alice,
          ),
        'NOT_A_DISTRIBUTION_DATE',
        'date',
      ],
      [
        () =>
          closeDistributionDate(store, deal, may, {
            ...alice,
            openingState: { ...marchState, dealId: 'other' },
          }),
        'INVALID_INPUT',
        'openingState.dealId',
      ],
      [
        () => correctDistributionDate(store, deal, may, { actor: 'bob', reason: 'x' }),
        'NO_DISTRIBUTION',
        'distributionDate',
      ],
    ];
    for (const [attempt, code, field] of cases) {
      const error = await refusedWithoutChange(attempt);
      expect([error.code, error.details[0]?.field]).toEqual([code, field]);
    }
  });

  it('closing is atomic: a failure at the last write leaves nothing of the date', async () => {
    const failing: TrustStore = new Proxy(store, {
      get(target, property, receiver) {
        if (property !== 'transaction') return Reflect.get(target, property, receiver);
        // Every write of the closing goes through tx; the last one fails.
        return <T>(work: (tx: TrustStore) => Promise<T>) =>
          target.transaction((tx) =>
            work(
              new Proxy(tx, {
                get: (t, p) => {
                  if (p === 'appendAudit') return () => Promise.reject(new Error('disk full'));
                  const value: unknown = Reflect.get(t, p);
                  return typeof value === 'function' ? value.bind(t) : value;
                },
              }),
            ),
          );
      },
    });
    const before = await dumpTables(db.location);
    await expect(closeDistributionDate(failing, deal, aprilPeriod, alice)).rejects.toThrow(
      'disk full',
    );
    expect(await dumpTables(db.location)).toEqual(before);
    expect(await store.listDistributions(deal.id)).toEqual([]);
  });
});
