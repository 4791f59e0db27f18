import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDeal } from '../deal/builtIn.ts';
import type { BookDeal } from './book.ts';
import { openStore } from './openStore.ts';
import { backends, dumpTables, failure, freshDatabase, type TestDatabase } from './testBackends.ts';
import type { TrustStore } from './trustStore.ts';

const at = '2026-12-07T02:00:00.000Z';
const template = resolveDeal('example-2004-swap');

describe.each(backends)('the book of deals on %s', (backend) => {
  let db: TestDatabase;
  let store: TrustStore;
  let record: (dealId: string, name: string, cusips: string[]) => Promise<BookDeal>;
  beforeAll(async () => {
    db = freshDatabase(backend);
    store = await openStore(db.location);
    record = async (dealId, name, cusips) => {
      const deal = { ...template, id: dealId, name, file: { ...template.file, id: dealId, name } };
      const stored = await store.putDeal(deal, at);
      const tape = await store.putLoanTape(
        { dealId, asOf: deal.cutoffDate, source: 'tape.csv', rows: [{ loan_id: '1' }] },
        at,
      );
      return {
        dealId,
        name,
        series: '2004-SW',
        servicers: ['Acme Servicing LLC', 'Backup Servicer 50%_Inc'],
        cusips,
        dealHash: stored.hash,
        tapeId: tape.tapeId,
        openingState: null,
        addedAt: at,
        addedBy: 'ada',
      };
    };
  });
  afterAll(async () => {
    await store?.close();
    await db.drop();
  });

  it('adds deals, reads them back, refuses an id twice and leaves the store as it was', async () => {
    const acme = await record('acme-2004-1', 'Acme Home Equity Trust 2004-1', ['111111AA1']);
    expect(await store.book.addDeal(acme)).toEqual(acme);
    expect(await store.book.getDeal('acme-2004-1')).toEqual(acme);
    expect(await store.book.getDeal('nope')).toBeUndefined();
    const opening = { ...acme, dealId: 'acme-2004-2', openingState: { ...(await stateOf()) } };
    await store.putDeal(
      { ...template, id: 'acme-2004-2', file: { ...template.file, id: 'acme-2004-2' } },
      at,
    );
    const stored = await store.getDeal('acme-2004-2');
    await store.book.addDeal({ ...opening, dealHash: stored!.hash });
    expect((await store.book.getDeal('acme-2004-2'))?.openingState).toEqual(opening.openingState);

    const before = await dumpTables(db.location);
    const error = await failure(store.book.addDeal({ ...acme, name: 'other' }));
    expect(error.code).toBe('DEAL_EXISTS');
    expect(error.details[0]).toMatchObject({ field: 'id', got: 'acme-2004-1' });
    expect(await dumpTables(db.location)).toEqual(before);
  });

  it('searches by name, CUSIP and servicer, case-insensitive, wildcards taken literally', async () => {
    await store.book.addDeal(
      await record('zeta-2005-3', 'Zeta Mortgage Loan Trust', ['999999ZZ9']),
    );
    const ids = async (search?: string) =>
      (await store.book.listDeals(search)).map((d) => d.dealId);
    expect(await ids()).toEqual(['acme-2004-1', 'acme-2004-2', 'zeta-2005-3']);
    expect(await ids('ZETA mortgage')).toEqual(['zeta-2005-3']);
    expect(await ids('111111aa1')).toEqual(['acme-2004-1', 'acme-2004-2']);
    expect(await ids('999999')).toEqual(['zeta-2005-3']);
    expect(await ids('acme servicing')).toHaveLength(3);
    expect(await ids('50%_inc')).toHaveLength(3);
    expect(await ids('50_')).toEqual([]);
    expect(await ids('%')).toHaveLength(3);
    expect(await ids('c%')).toEqual([]);
    expect(await ids('  ')).toHaveLength(3);
  });

  async function stateOf() {
    const { initialState } = await import('../waterfall/initialState.ts');
    return initialState(template);
  }
});
