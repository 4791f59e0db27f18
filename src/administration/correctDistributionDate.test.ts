import { beforeEach, describe, expect, it } from 'vitest';
import { cents } from '../money/cents.ts';
import { backends } from '../store/testBackends.ts';
import type { TrustStore } from '../store/trustStore.ts';
import type { Distribution } from '../waterfall/types.ts';
import { closeDistributionDate } from './closeDistributionDate.ts';
import { correctDistributionDate } from './correctDistributionDate.ts';
import { history, versionNote } from './history.ts';
import { freshStoreEach, type FreshStore } from './testStore.ts';
import { aprilPeriod, aprilWith, deal, marchState, nextPeriod } from './testPeriods.ts';

const now = () => '2026-11-25T09:30:00.000Z';
const later = () => '2026-11-26T14:00:00.000Z';
const alice = { actor: 'alice', openingState: marchState, now };
const paid = (d: Distribution, name: string): number =>
  d.classes.find((c) => c.name === name)!.interestPaid;

describe.each(backends)('corrections on %s', (backend) => {
  const fresh = freshStoreEach(backend);
  let store: TrustStore;
  let refusedWithoutChange: FreshStore['refusedWithoutChange'];
  beforeEach(() => {
    ({ store, refusedWithoutChange } = fresh.current());
  });

  it('a correction writes version 2 with who, when and why; version 1 stays readable', async () => {
    await closeDistributionDate(store, deal, aprilPeriod, alice);
    const restated = aprilWith({ interestCollected: aprilPeriod.interestCollected + 10_000 });
    const reason = 'servicer restated April interest (+100.00)';
    const result = await correctDistributionDate(store, deal, restated, {
      actor: 'bob',
      reason,
      now: later,
    });
    expect(result.outcome).toBe('corrected');
    const v2 = (await store.getDistribution(deal.id, aprilPeriod.distributionDate))!;
    const v1 = (await store.getDistribution(deal.id, aprilPeriod.distributionDate, 1))!;
    expect(v2).toMatchObject({ version: 2, closedBy: 'bob', closedAt: later(), reason });
    expect(v1).toMatchObject({ version: 1, closedBy: 'alice', closedAt: now(), reason: null });
    // The extra interest is excess cashflow: it all goes to CE.
    expect(paid(v1.distribution, 'CE')).toBe(94_298_071);
    expect(paid(v2.distribution, 'CE')).toBe(94_308_071);
    const [april] = await history(store, deal.id);
    expect(april!.currentVersion).toBe(2);
    expect(april!.versions.map((v) => [v.version, v.closedBy, v.reason])).toEqual([
      [1, 'alice', null],
      [2, 'bob', reason],
    ]);
    expect(versionNote(v2)).toBe(`Version 2 (corrected 2026-11-26 by bob: ${reason})`);
    expect(versionNote(v1)).toBe('Version 1');
    const audit = await store.auditLog(deal.id);
    expect(audit.map((a) => [a.action, a.actor, a.at, a.version, a.reason])).toEqual([
      ['close', 'alice', now(), 1, undefined],
      ['correct', 'bob', later(), 2, reason],
    ]);
    // Re-running the corrected date with the corrected inputs changes nothing.
    const again = await closeDistributionDate(store, deal, restated, { actor: 'carol' });
    expect(again.outcome).toBe('unchanged');
    expect(again.record.version).toBe(2);
  });

  it('a correction re-runs later closed dates from the corrected state, as new versions', async () => {
    const april = await closeDistributionDate(store, deal, aprilPeriod, alice);
    const may = nextPeriod(april.record.stateAfter);
    await closeDistributionDate(store, deal, may, { actor: 'alice', now });
    // Interest short of the class interest: M classes carry unpaid interest into May.
    const short = aprilWith({ interestCollected: cents(40_000_000) });
    const result = await correctDistributionDate(store, deal, short, {
      actor: 'bob',
      reason: 'advance reversed',
      now: later,
    });
    expect(result.followOn.map((r) => [r.distributionDate, r.version])).toEqual([
      ['2002-05-28', 2],
    ]);
    const mayV2 = result.followOn[0]!;
    expect(mayV2.reason).toBe(
      're-run after the correction of 2002-04-25 (version 2): advance reversed',
    );
    expect(mayV2.stateBefore).toEqual(result.record.stateAfter);
    const unpaid = result.record.stateAfter.classes['M-4']!.unpaidInterest;
    expect(unpaid).toBeGreaterThan(0);
    const mayV1 = (await store.getDistribution(deal.id, may.distributionDate, 1))!;
    expect(paid(mayV2.distribution, 'M-4')).toBeGreaterThan(paid(mayV1.distribution, 'M-4'));
    expect((await history(store, deal.id)).map((h) => h.currentVersion)).toEqual([2, 2]);
  });

  it('refuses a correction that would break a later closed date, and changes nothing', async () => {
    const april = await closeDistributionDate(store, deal, aprilPeriod, alice);
    await closeDistributionDate(store, deal, nextPeriod(april.record.stateAfter), {
      actor: 'alice',
    });
    const morePrincipal = aprilWith({
      scheduledPrincipal: aprilPeriod.scheduledPrincipal + 100_000,
    });
    const error = await refusedWithoutChange(() =>
      correctDistributionDate(store, deal, morePrincipal, { actor: 'bob', reason: 'late payment' }),
    );
    expect(error.code).toBe('UNRECONCILED');
    expect(error.details.map((d) => d.field)).toEqual(['beginningPoolBalance', 'followOn']);
  });
});
