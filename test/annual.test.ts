import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amendDeal } from '../src/administration/amendDeal.ts';
import { closeThrough, type ClosedDate } from '../src/administration/closeThrough.ts';
import { loadDeal } from '../src/deal/loadDeal.ts';
import { contentHash } from '../src/store/canonicalJson.ts';
import { resolveDeal } from '../src/deal/builtIn.ts';
import { plainDate } from '../src/money/plainDate.ts';
import { dealRemittancePath } from '../src/servicing/dealRemittances.ts';
import { annualSummary, statementModel } from '../src/reports/index.ts';
import { openStore } from '../src/store/openStore.ts';
import type { TrustStore } from '../src/store/trustStore.ts';
import { figuresTool, seedsDirectory } from '../src/reports/testFixtures.ts';
import { trustee } from './support/cli.ts';
import { DISTRIBUTION_DATES_2002 } from './support/dates2002.ts';

const deal = resolveDeal('nchet-2002-1');

describe('the 2002 year of the built-in deal: totals files for March and April, remittances after', () => {
  let store: TrustStore;
  let year: ClosedDate[];
  beforeAll(async () => {
    store = await openStore(join(mkdtempSync(join(tmpdir(), 'trustee-year-')), 'y.sqlite'));
    year = await closeThrough(store, deal, plainDate('2002-12-31'), { actor: 'test' });
  });
  afterAll(async () => store.close());

  it('closes the ten 2002 distribution dates in order', () => {
    expect(year.map((c) => c.record.distributionDate)).toEqual([...DISTRIBUTION_DATES_2002]);
    // March (derived) and April (seed) from totals files, May-December from servicer reports.
    expect(year.map((c) => c.report !== undefined)).toEqual([
      false,
      false,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(year[2]?.report?.file).toMatch(/deals\/nchet-2002-1\/remittances\/2002-05-28\.csv$/);
  });

  it("closes April 2002 with the seed statement's figures, after the derived March", () => {
    const [march, april] = year.map((c) => c.record.distribution);
    const paid = (name: string) => april!.classes.find((c) => c.name === name)!.interestPaid;
    expect(paid('A')).toBe(306_573_50);
    expect(paid('CE')).toBe(942_980_71);
    expect(april!.classes.find((c) => c.name === 'A')!.endingBalance).toBe(160_231_105_03);
    expect(march!.period.endingPoolBalance).toBe(198_112_844_14);
    expect(year[2]!.record.distribution.period.beginningPoolBalance).toBe(197_974_200_82);
  });

  it('has annual summary totals equal to the sums of the monthly statements, to the cent', () => {
    const distributions = year.map((c) => c.record.distribution);
    const months = distributions.map((d) => statementModel(deal, d));
    const annual = annualSummary(deal, distributions, 0.0142);
    const total = (pick: (m: (typeof months)[number]) => number) =>
      months.reduce((a, m) => a + pick(m), 0);
    for (const row of annual.certificates.rows) {
      const monthly = (field: 'principal' | 'interest' | 'losses') =>
        total((m) => m.certificates.rows.find((r) => r.class === row.class)?.[field] ?? 0);
      expect(row.principal).toBe(monthly('principal'));
      expect(row.interest).toBe(monthly('interest'));
      expect(row.losses).toBe(monthly('losses'));
      expect(row.totalDistribution).toBe(monthly('principal') + monthly('interest'));
    }
    expect(annual.certificates.total.interest).toBe(total((m) => m.certificates.total.interest));
    expect(annual.servicer.compensation).toBe(total((m) => m.servicer.compensation));
    expect(annual.prepayments.paymentsInFull).toBe(total((m) => m.prepayments.paymentsInFull));
    expect(annual.prepayments.curtailments).toBe(total((m) => m.prepayments.curtailments));
    expect(annual.prepayments.liquidationProceeds).toBe(
      total((m) => m.prepayments.liquidationProceeds),
    );
    expect(annual.prepayments.prepaymentCharges).toBe(
      total((m) => m.prepayments.prepaymentCharges),
    );
    expect(annual.realizedLosses.total).toBe(total((m) => m.realizedLosses.total));
    expect(annual.performance.netMonthlyExcessCashflow).toBe(
      total((m) => m.performance.netMonthlyExcessCashflow),
    );
    // Year-end figures are December's.
    const december = months.at(-1)!;
    expect(annual.certificates.total.endingBalance).toBe(december.certificates.total.endingBalance);
    expect(annual.loans.endingCount).toBe(december.loans.endingCount);
    expect(annual.performance.delinquencyPercentage).toBe(
      december.performance.delinquencyPercentage,
    );
  });

  it('pays M-1..M-4 the 10-K 2002 interest (their balances never change)', () => {
    const interest = (name: string) =>
      year.reduce(
        (a, c) => a + c.record.distribution.classes.find((k) => k.name === name)!.interestPaid,
        0,
      );
    expect([interest('M-1'), interest('M-2'), interest('M-3'), interest('M-4')]).toEqual([
      27106865, 30709551, 30129694, 1733526,
    ]);
  });

  it('re-running the year changes nothing', async () => {
    const again = await closeThrough(store, deal, plainDate('2002-12-31'), { actor: 'test' });
    expect(again.map((c) => c.record.version)).toEqual(year.map(() => 1));
    expect(again.map((c) => c.record.resultHash)).toEqual(year.map((c) => c.record.resultHash));
  });
});

describe('closeThrough errors name the file', () => {
  it('a date with neither a report nor a totals file: NOT_FOUND naming both', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'trustee-rem-'));
    const store = await openStore(':memory:');
    const run = closeThrough(store, deal, plainDate('2002-12-31'), {
      actor: 'test',
      remittanceDirectory: empty,
    });
    await expect(run).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: [
        { file: join(empty, '2002-05-28.csv') },
        { file: expect.stringMatching(/periods\/2002-05-28\.json$/) },
      ],
    });
    // Every date's input is read before any is closed: the dates before it were not closed.
    expect(await store.listDistributions(deal.id)).toEqual([]);
    await store.close();
  });

  it('a report that does not start from the loans after April: the file, row and field', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'trustee-rem-'));
    const may = join(folder, '2002-05-28.csv');
    copyFileSync(dealRemittancePath(deal.id, plainDate('2002-05-28')), may);
    const lines = readFileSync(may, 'utf8').split('\n');
    const cells = lines[1]!.split(',');
    const column = lines[0]!.split(',').indexOf('beginning_balance');
    cells[column] = (Number(cells[column]) + 0.01).toFixed(2);
    lines[1] = cells.join(',');
    writeFileSync(may, lines.join('\n'));
    const store = await openStore(':memory:');
    const run = closeThrough(store, deal, plainDate('2002-05-31'), {
      actor: 'test',
      remittanceDirectory: folder,
    });
    await expect(run).rejects.toMatchObject({
      details: expect.arrayContaining([
        expect.objectContaining({ file: may, row: 2, field: 'beginning_balance' }),
      ]),
    });
    await store.close();
  });
});

describe('trustee annual (end to end through the CLI)', () => {
  it('prints the Form 10-K with the seed M-class interest, and reuses the dates when run again', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'trustee-annual-')), 't.sqlite');
    const first = trustee(['annual', '--deal', 'nchet-2002-1', '--year', '2002', '--db', db]);
    expect(first.status).toBe(0);
    expect(first.stderr.match(/^closed /gm)).toHaveLength(10);
    expect(first.stdout).toContain('FORM 10-K');
    expect(first.stdout).toContain('EXHIBIT 99.1');
    for (const figure of ['271,069', '307,096', '301,297', '17,335'])
      expect(first.stdout).toContain(figure);
    // The golden check of the 10-K: figures.py finds 230 of the seed's 238 figures (the 8 it
    // does not, and why, are in docs/formats-remittance.md).
    const printed = join(mkdtempSync(join(tmpdir(), 'trustee-10k-')), '10k.txt');
    writeFileSync(printed, first.stdout);
    // figures.py exits 1 while any figure is missing: its last line is the count.
    const found = spawnSync(
      'python3',
      [figuresTool, join(seedsDirectory, '10-K_2002_annual-report.txt'), printed],
      { encoding: 'utf8' },
    );
    expect(found.stdout.trim().split('\n').at(-1)).toBe('230 of 238 figures found');
    // The April 2002 the 10-K sums is the seed's statement, in the same store.
    const april = trustee([
      'statement',
      '--deal',
      'nchet-2002-1',
      '--date',
      '2002-04-25',
      '--db',
      db,
    ]);
    expect(april.status).toBe(0);
    for (const figure of ['306,573.50', '942,980.71', '160,231,105.03'])
      expect(april.stdout).toContain(figure);
    const second = trustee(['annual', '--deal', 'nchet-2002-1', '--year', '2002', '--db', db]);
    expect(second.status).toBe(0);
    expect(second.stderr.match(/^reused /gm)).toHaveLength(10);
    expect(second.stdout).toBe(first.stdout);
    const json = trustee([
      'annual',
      '--deal',
      'nchet-2002-1',
      '--year',
      '2002',
      '--db',
      db,
      '--format',
      'json',
    ]);
    expect(JSON.parse(json.stdout).summary.year).toBe(2002);
  });

  it('refuses a year with no distributions', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'trustee-annual-')), 't.sqlite');
    const run = trustee(['annual', '--deal', 'nchet-2002-1', '--year', '2001', '--db', db]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('NO_DISTRIBUTION');
  });
});

describe('closeThrough and the deal versions of the store', () => {
  const amended = (() => {
    const file = structuredClone(deal.file) as unknown as {
      classes: Record<string, { margin: number }>;
    };
    file.classes['M-3']!.margin = 0.025;
    return loadDeal(file);
  })();

  it('closes each date with the terms in force for it, across an amendment', async () => {
    const store = await openStore(':memory:');
    await closeThrough(store, deal, plainDate('2002-03-31'), { actor: 'test' });
    await amendDeal(store, amended, {
      actor: 'carol',
      reason: 'M-3 margin 2.50%',
      effectiveFrom: '2002-05-28',
    });
    // The deal file as first filed: April keeps its terms, May and June take the amendment's.
    const closed = await closeThrough(store, deal, plainDate('2002-06-30'), { actor: 'test' });
    expect(closed.map((c) => [c.record.distributionDate, c.record.dealHash])).toEqual([
      ['2002-03-25', contentHash(deal.file)],
      ['2002-04-25', contentHash(deal.file)],
      ['2002-05-28', contentHash(amended.file)],
      ['2002-06-25', contentHash(amended.file)],
    ]);
    // M-3's coupon over A's is its margin less A's 0.32%: 2.00% in April, 2.50% from May.
    const spread = (c: ClosedDate) => {
      const coupon = (name: string) =>
        c.record.distribution.classes.find((k) => k.name === name)!.couponRate;
      return coupon('M-3') - coupon('A');
    };
    expect(spread(closed[1]!)).toBeCloseTo(0.0168, 10);
    expect(spread(closed[3]!)).toBeCloseTo(0.0218, 10);
    await store.close();
  });

  it('refuses a deal file the store does not know before closing anything (DEAL_CHANGED)', async () => {
    const store = await openStore(':memory:');
    await closeThrough(store, deal, plainDate('2002-03-31'), { actor: 'test' });
    const run = closeThrough(store, amended, plainDate('2002-12-31'), { actor: 'test' });
    await expect(run).rejects.toMatchObject({
      code: 'DEAL_CHANGED',
      details: [expect.objectContaining({ field: 'classes.M-3.margin' })],
    });
    expect((await store.listDistributions(deal.id)).length).toBe(1);
    // Even when every date asked for is closed already.
    await expect(
      closeThrough(store, amended, plainDate('2002-03-31'), { actor: 'test' }),
    ).rejects.toMatchObject({ code: 'DEAL_CHANGED' });
    await store.close();
  });
  it('closes the rest of the year on a store closed with the deal file before its filing facts', async () => {
    const store = await openStore(':memory:');
    // Today's deal file less the closing 8-K's facts and the servicer's documents.
    const old = structuredClone(deal.file) as Record<string, unknown>;
    delete old['closingReport'];
    delete old['servicerDocuments'];
    await closeThrough(store, loadDeal(old), plainDate('2002-04-30'), { actor: 'test' });
    const year = await closeThrough(store, deal, plainDate('2002-12-31'), { actor: 'test' });
    expect(year.map((c) => c.record.distributionDate)).toEqual([...DISTRIBUTION_DATES_2002]);
    expect(year[9]!.record.dealHash).toBe(contentHash(deal.file));
    expect((await store.listDealVersions(deal.id)).length).toBe(1);
    await store.close();
  });
});
