import { beforeEach, describe, expect, it } from 'vitest';
import type { Deal } from '../deal/deal.ts';
import { loadDeal } from '../deal/loadDeal.ts';
import { cents } from '../money/cents.ts';
import { contentHash } from '../store/canonicalJson.ts';
import { backends } from '../store/testBackends.ts';
import type { TrustStore } from '../store/trustStore.ts';
import { amendDeal } from './amendDeal.ts';
import { closeDistributionDate } from './closeDistributionDate.ts';
import { correctDistributionDate } from './correctDistributionDate.ts';
import { freshStoreEach, type FreshStore } from './testStore.ts';
import { aprilPeriod, aprilWith, deal, marchState, nextPeriod } from './testPeriods.ts';

const now = () => '2026-11-25T09:30:00.000Z';
const alice = { actor: 'alice', openingState: marchState, now };

/** The deal with class M-3's margin changed (2.00% as filed). */
function withM3Margin(margin: number): Deal {
  const file = structuredClone(deal.file) as unknown as {
    classes: Record<string, { margin: number }>;
  };
  file.classes['M-3']!.margin = margin;
  return loadDeal(file);
}

const amendment = {
  actor: 'carol',
  reason: 'first supplemental indenture: M-3 margin 2.50%',
  effectiveFrom: '2002-05-28',
  now: () => '2026-11-30T10:00:00.000Z',
};

describe.each(backends)('the store bound to its deal, and amendments, on %s', (backend) => {
  const fresh = freshStoreEach(backend);
  let store: TrustStore;
  let refusedWithoutChange: FreshStore['refusedWithoutChange'];
  beforeEach(() => {
    ({ store, refusedWithoutChange } = fresh.current());
  });

  it('the first close binds the deal file as version 1', async () => {
    expect(await store.listDealVersions(deal.id)).toEqual([]);
    await closeDistributionDate(store, deal, aprilPeriod, alice);
    expect(await store.listDealVersions(deal.id)).toEqual([
      {
        dealId: deal.id,
        version: 1,
        dealHash: contentHash(deal.file),
        effectiveFrom: '2002-04-25',
        amendedAt: now(),
        amendedBy: 'alice',
        reason: null,
      },
    ]);
  });

  it('another M-3 margin is refused (DEAL_CHANGED) until amended from a date not yet closed', async () => {
    const april = await closeDistributionDate(store, deal, aprilPeriod, alice);
    const amended = withM3Margin(0.025);
    const may = nextPeriod(april.record.stateAfter);
    const refused = await refusedWithoutChange(() =>
      closeDistributionDate(store, amended, may, alice),
    );
    expect(refused.code).toBe('DEAL_CHANGED');
    expect(refused.details).toEqual([
      expect.objectContaining({ field: 'classes.M-3.margin', expected: '0.02', got: 0.025 }),
    ]);

    const result = await amendDeal(store, amended, amendment);
    expect(result.outcome).toBe('amended');
    expect(result.differences.map((d) => d.path)).toEqual(['classes.M-3.margin']);
    expect(result.version).toMatchObject({
      version: 2,
      effectiveFrom: '2002-05-28',
      amendedBy: 'carol',
      reason: amendment.reason,
    });
    expect((await store.auditLog(deal.id)).at(-1)).toMatchObject({
      action: 'amend-deal',
      actor: 'carol',
      distributionDate: '2002-05-28',
      reason: amendment.reason,
      details: { dealVersion: 2, previousVersion: 1, terms: ['classes.M-3.margin'] },
    });
    // The same amendment again changes nothing.
    expect((await amendDeal(store, amended, amendment)).outcome).toBe('unchanged');

    // May closes with the new terms, and no longer with the old ones.
    const stale = await refusedWithoutChange(() =>
      closeDistributionDate(store, deal, may, { actor: 'alice', now }),
    );
    expect(stale.details[0]).toMatchObject({
      field: 'classes.M-3.margin',
      expected: '0.025',
      got: 0.02,
    });
    const closed = await closeDistributionDate(store, amended, may, { actor: 'alice', now });
    expect(closed.record.dealHash).toBe(contentHash(amended.file));

    // April keeps the terms it was closed with: its correction uses them, and May, re-run as
    // its follow-on, keeps the amended terms.
    const wrongTerms = await refusedWithoutChange(() =>
      correctDistributionDate(store, amended, aprilPeriod, { actor: 'bob', reason: 'restated' }),
    );
    expect(wrongTerms.code).toBe('DEAL_CHANGED');
    // Interest short of the class interest: the M classes carry unpaid interest into May.
    const short = aprilWith({ interestCollected: cents(40_000_000) });
    const corrected = await correctDistributionDate(store, deal, short, {
      actor: 'bob',
      reason: 'advance reversed',
    });
    expect(corrected.record.dealHash).toBe(contentHash(deal.file));
    expect(corrected.followOn.map((f) => [f.distributionDate, f.dealHash])).toEqual([
      ['2002-05-28', contentHash(amended.file)],
    ]);
  });

  it('an amendment from a closed date is refused (CLOSED_DATE), the store unchanged', async () => {
    await closeDistributionDate(store, deal, aprilPeriod, alice);
    const error = await refusedWithoutChange(() =>
      amendDeal(store, withM3Margin(0.025), { ...amendment, effectiveFrom: '2002-04-25' }),
    );
    expect(error.code).toBe('CLOSED_DATE');
    expect(error.details[0]).toMatchObject({
      field: 'effectiveFrom',
      expected: 'a distribution date after 2002-04-25',
    });
  });

  it('an amendment from a day that is not a distribution date: NOT_A_DISTRIBUTION_DATE', async () => {
    await closeDistributionDate(store, deal, aprilPeriod, alice);
    const error = await refusedWithoutChange(() =>
      amendDeal(store, withM3Margin(0.025), { ...amendment, effectiveFrom: '2002-05-25' }),
    );
    expect(error.code).toBe('NOT_A_DISTRIBUTION_DATE');
  });

  it('an amendment needs who, why and a date; a store with no history has nothing to amend', async () => {
    const blank = await refusedWithoutChange(() =>
      amendDeal(store, withM3Margin(0.025), {
        actor: ' ',
        reason: '',
        effectiveFrom: '28/05/2002',
      }),
    );
    expect(blank.code).toBe('INVALID_INPUT');
    expect(blank.details.map((d) => d.field)).toEqual(['actor', 'reason', 'effectiveFrom']);
    const empty = await refusedWithoutChange(() =>
      amendDeal(store, withM3Margin(0.025), amendment),
    );
    expect(empty.code).toBe('NO_DISTRIBUTION');
  });

  it('terms that fix the closed history (the cut-off pool) cannot be amended', async () => {
    await closeDistributionDate(store, deal, aprilPeriod, alice);
    const file = structuredClone(deal.file) as unknown as {
      collateral: { cutoffLoanCount: number };
    };
    file.collateral.cutoffLoanCount = 589;
    const error = await refusedWithoutChange(() => amendDeal(store, loadDeal(file), amendment));
    expect(error.code).toBe('DEAL_CHANGED');
    expect(error.details.map((d) => d.field)).toEqual(['collateral.cutoffLoanCount']);
  });
});
