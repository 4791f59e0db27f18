import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeThrough, type ClosedDate } from '../src/administration/closeThrough.ts';
import { resolveDeal } from '../src/deal/builtIn.ts';
import { plainDate } from '../src/money/plainDate.ts';
import { annualSummary, statementModel } from '../src/reports/index.ts';
import { openStore } from '../src/store/openStore.ts';
import type { TrustStore } from '../src/store/trustStore.ts';
import { trustee } from './support/cli.ts';

const deal = resolveDeal('nchet-2002-1');

describe('the 2002 year of the built-in deal, from its simulated remittances', () => {
  let store: TrustStore;
  let year: ClosedDate[];
  beforeAll(async () => {
    store = await openStore(join(mkdtempSync(join(tmpdir(), 'trustee-year-')), 'y.sqlite'));
    year = await closeThrough(store, deal, plainDate('2002-12-31'), { actor: 'test' });
  });
  afterAll(async () => store.close());

  it('closes the ten 2002 distribution dates in order', () => {
    expect(year.map((c) => c.record.distributionDate)).toEqual([
      '2002-03-25',
      '2002-04-25',
      '2002-05-28',
      '2002-06-25',
      '2002-07-25',
      '2002-08-26',
      '2002-09-25',
      '2002-10-25',
      '2002-11-25',
      '2002-12-26',
    ]);
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
