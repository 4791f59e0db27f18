import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexTableFor } from '../deal/builtIn.ts';
import { determineIndexRate } from '../deal/indexRates.ts';
import { loadDeal } from '../deal/loadDeal.ts';
import { plainDate } from '../money/plainDate.ts';
import { aprilPeriod, deal, marchState } from '../administration/testPeriods.ts';
import { distribute } from '../waterfall/distribute.ts';
import { contentHash } from './canonicalJson.ts';
import { openStore } from './openStore.ts';
import { backends, dumpTables, failure, freshDatabase, type TestDatabase } from './testBackends.ts';
import type { DistributionInput, TrustStore } from './trustStore.ts';

const at = '2026-11-25T10:00:00.000Z';
const april = plainDate('2002-04-25');
const fixing = determineIndexRate(indexTableFor(deal), marchState.lastDate, 2);
const run = distribute(deal, marchState, aprilPeriod, fixing);

describe.each(backends)('the trust store on %s', (backend) => {
  let db: TestDatabase;
  let store: TrustStore;
  let remittanceId: string;
  const version = (v: number, reason: string | null): DistributionInput => ({
    dealId: deal.id,
    distributionDate: april,
    distributionNumber: 2,
    version: v,
    dealHash: contentHash(deal.file),
    remittanceId,
    inputHash: `inputs-${v}`,
    indexFixing: fixing,
    distribution: run.distribution,
    stateBefore: marchState,
    stateAfter: run.state,
    closedAt: at,
    closedBy: 'alice',
    reason,
  });

  beforeAll(async () => {
    db = freshDatabase(backend);
    store = await openStore(db.location);
  });
  afterAll(async () => {
    await store?.close();
    await db.drop();
  });

  it('stores a deal by its hash, once, and gives back a file that loads to the same deal', async () => {
    const stored = await store.putDeal(deal, at);
    expect(await store.putDeal(deal, '2030-01-01T00:00:00.000Z')).toEqual(stored);
    expect(stored.hash).toBe(contentHash(deal.file));
    const read = await store.getDeal(deal.id);
    expect(read).toEqual(stored);
    expect(contentHash(loadDeal(read!.file).file)).toBe(stored.hash);
    expect((await dumpTables(db.location))['deals']).toHaveLength(1);
  });

  it('round-trips a loan tape of 1,201 rows in order, and stores a re-import once', async () => {
    const rows = Array.from({ length: 1201 }, (_, i) => ({
      loanId: `L${i + 1}`,
      balance: 10_000_000 + i,
      arm: { margin: 0.055, caps: [0.015, 0.07] },
      note: i % 2 === 0 ? null : 'ok',
    }));
    const input = { dealId: deal.id, asOf: plainDate('2002-02-01'), source: 'tape.csv', rows };
    const stored = await store.putLoanTape(input, at);
    expect(await store.getLoanTape(stored.tapeId)).toEqual({
      ...input,
      tapeId: stored.tapeId,
      storedAt: at,
    });
    expect((await store.putLoanTape(input, '2030-01-01T00:00:00.000Z')).storedAt).toBe(at);
    expect((await dumpTables(db.location))['loan_tape_rows']).toHaveLength(1201);
  });

  it('round-trips a remittance: raw rows and the CollectionPeriod, money above 2^31 cents', async () => {
    const rows = [
      { loan: 'L1', paid: '1023.45' },
      { loan: 'L2', paid: '0.00' },
    ];
    const stored = await store.putRemittance(
      { dealId: deal.id, source: 'remit.csv', rows, period: aprilPeriod },
      at,
    );
    remittanceId = stored.remittanceId;
    const read = await store.getRemittance(remittanceId);
    expect(read).toEqual({
      dealId: deal.id,
      source: 'remit.csv',
      rows,
      period: aprilPeriod,
      remittanceId,
      distributionDate: april,
      storedAt: at,
    });
    expect(read!.period.beginningPoolBalance).toBe(19_811_284_414);
  });

  it('round-trips a distribution version: every figure, the trace, the states', async () => {
    const stored = await store.putDistribution(version(1, null));
    const read = await store.getDistribution(deal.id, april);
    expect(read).toEqual(stored);
    expect(read!.distribution).toEqual(run.distribution);
    expect(read!.stateAfter).toEqual(run.state);
    expect(read!.distribution.classes.find((c) => c.name === 'CE')!.interestPaid).toBe(94_298_071);
    expect(read!.resultHash).toBe(
      contentHash({ distribution: run.distribution, stateAfter: run.state }),
    );
    expect(await store.listDistributions(deal.id)).toEqual([
      expect.objectContaining({
        version: 1,
        endingPoolBalance: 19_797_420_082,
        closedBy: 'alice',
        reason: null,
      }),
    ]);
  });

  it('adds versions only in order and keeps the earlier ones', async () => {
    const skipped = await failure(store.putDistribution(version(3, 'skip')));
    expect(skipped.code).toBe('CLOSED_DATE');
    expect(skipped.details[0]).toMatchObject({ field: 'version', expected: '2', got: 3 });
    const again = await failure(store.putDistribution(version(1, null)));
    expect(again.code).toBe('CLOSED_DATE');
    await store.putDistribution(version(2, 'restated'));
    expect((await store.getDistribution(deal.id, april))!.version).toBe(2);
    expect((await store.getDistribution(deal.id, april, 1))!.reason).toBeNull();
    expect((await store.listDistributions(deal.id)).map((v) => v.version)).toEqual([1, 2]);
  });

  it('refuses a distribution whose deal or remittance is not stored, naming the field', async () => {
    const error = await failure(
      store.putDistribution({ ...version(3, 'x'), remittanceId: 'nope' }),
    );
    expect(error.code).toBe('NOT_FOUND');
    expect(error.details.map((d) => d.field)).toEqual(['remittanceId']);
  });

  it('round-trips rendered statements, text and binary, and never replaces one', async () => {
    const text = {
      dealId: deal.id,
      distributionDate: april,
      version: 1,
      format: 'txt',
      content: 'Statement to Certificateholders\n',
      renderedAt: at,
      renderedBy: 'reports',
    };
    const pdf = {
      ...text,
      format: 'pdf',
      content: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 255]),
    };
    await store.putStatement(text);
    await store.putStatement(pdf);
    expect(await store.getStatement(deal.id, april, 'txt', 1)).toEqual(text);
    expect(await store.getStatement(deal.id, april, 'pdf')).toEqual(pdf);
    expect(await store.putStatement(text)).toEqual(text);
    const replaced = await failure(store.putStatement({ ...text, content: 'other' }));
    expect(replaced.code).toBe('CLOSED_DATE');
    const unclosed = await failure(store.putStatement({ ...text, version: 7 }));
    expect(unclosed.code).toBe('NO_DISTRIBUTION');
  });

  it('appends audit entries in order with who, when, what and why', async () => {
    const first = await store.appendAudit({
      at,
      actor: 'alice',
      action: 'close',
      dealId: deal.id,
      distributionDate: april,
      version: 1,
      details: { n: 2 },
    });
    const second = await store.appendAudit({
      at,
      actor: 'bob',
      action: 'correct',
      dealId: deal.id,
      reason: 'restated',
      details: {},
    });
    expect(second.seq).toBe(first.seq + 1);
    expect(await store.auditLog(deal.id)).toEqual([first, second]);
  });

  it('writes all of a transaction or nothing', async () => {
    const before = await dumpTables(db.location);
    const other = { ...aprilPeriod, source: 'rolled back' };
    await expect(
      store.transaction(async (tx) => {
        await tx.putRemittance({ dealId: deal.id, source: 'x', rows: [], period: other }, at);
        await tx.appendAudit({ at, actor: 'alice', action: 'test', dealId: deal.id });
        throw new Error('failure after two writes');
      }),
    ).rejects.toThrow('failure after two writes');
    expect(await dumpTables(db.location)).toEqual(before);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const before = await dumpTables(db.location);
    const tape = await failure(
      store.putLoanTape(
        {
          dealId: deal.id,
          asOf: plainDate('2002-02-01'),
          source: 'tape.csv',
          rows: [{ a: 1 }, { a: Number.NaN }],
        },
        at,
      ),
    );
    expect(tape.code).toBe('INVALID_INPUT');
    expect(tape.details[0]!.field).toBe('rows[1]');
    const period = { ...aprilPeriod, interestCollected: 1.5 } as never;
    const remittance = await failure(
      store.putRemittance({ dealId: deal.id, source: 'r', rows: [], period }, at),
    );
    expect(remittance.details.map((d) => d.field)).toEqual(['period.interestCollected']);
    const statement = await failure(
      store.putStatement({
        dealId: deal.id,
        distributionDate: april,
        version: 1,
        format: '',
        content: 'x',
        renderedAt: at,
        renderedBy: 'r',
      }),
    );
    expect(statement.details.map((d) => d.field)).toEqual(['format']);
    const audit = await failure(
      store.appendAudit({ at, actor: ' ', action: 'close', dealId: deal.id }),
    );
    expect(audit.details.map((d) => d.field)).toEqual(['actor']);
    const mismatch = await failure(
      store.putDistribution({ ...version(3, 'x'), stateAfter: marchState }),
    );
    expect(mismatch.details.map((d) => d.field)).toEqual(['stateAfter.lastDate']);
    expect(await dumpTables(db.location)).toEqual(before);
  });

  it('keeps everything across a reopen (migrations run once)', async () => {
    const before = await dumpTables(db.location);
    await store.close();
    store = await openStore(db.location);
    expect(await dumpTables(db.location)).toEqual(before);
    expect((await store.getDistribution(deal.id, april, 1))!.distribution).toEqual(
      run.distribution,
    );
  });
});
