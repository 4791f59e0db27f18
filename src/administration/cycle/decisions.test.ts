import { describe, expect, it } from 'vitest';
import { backends, failure } from '../../store/testBackends.ts';
import { freshStoreEach } from '../testStore.ts';
import { approveDraft } from './approveDraft.ts';
import { startChild } from './childProcess.ts';
import { publishDraft } from './publishDraft.ts';
import { rejectDraft } from './rejectDraft.ts';
import {
  address,
  approvedApril,
  april,
  dealId,
  preparedApril,
  restatedApril,
  upload,
} from './testCycle.ts';

describe.each(backends)('approving, rejecting and publishing on %s', (backend) => {
  const fresh = freshStoreEach(backend);

  it('refuses the preparer as approver, then a second person approves', async () => {
    const { store, refusedWithoutChange } = fresh.current();
    const draft = await preparedApril(store);
    const own = await refusedWithoutChange(() =>
      approveDraft(store, { draftId: draft.draftId, approvedBy: 'paula', address }),
    );
    expect(own.code).toBe('SECOND_PERSON_REQUIRED');
    const approved = await approveDraft(store, {
      draftId: draft.draftId,
      approvedBy: 'alan',
      address,
    });
    expect(approved).toMatchObject({
      status: 'approved',
      decidedBy: 'alan',
      decidedAddress: address,
    });
    const again = await refusedWithoutChange(() =>
      rejectDraft(store, { draftId: draft.draftId, rejectedBy: 'rita', address, reason: 'late' }),
    );
    expect(again.code).toBe('DRAFT_DECIDED');
    expect(again.details[0]!.message).toContain('approved by alan');
  });

  it('of two approvals at once from two processes, exactly one wins', async () => {
    const { store, db } = fresh.current();
    const draft = await preparedApril(store);
    const script = new URL('./approveChild.script.ts', import.meta.url);
    const approvers = ['alan', 'anna'].map((name) =>
      startChild(script, [db.location, draft.draftId, name]),
    );
    await Promise.all(approvers.map((a) => a.printed('READY')));
    for (const a of approvers) a.process.stdin.write('go\n');
    const outcomes = await Promise.all(
      approvers.map(async (a) => {
        const out = await a.printed('}\n');
        await a.exited;
        return JSON.parse(out.split('\n').at(-2)!) as { approved?: string; code?: string };
      }),
    );
    const winners = outcomes.filter((o) => o.approved !== undefined);
    expect(winners).toHaveLength(1);
    expect(outcomes.filter((o) => o.code === 'DRAFT_DECIDED')).toHaveLength(1);
    const winner = winners[0]!.approved;
    expect((await store.getDraft(draft.draftId))!).toMatchObject({
      status: 'approved',
      decidedBy: winner,
    });
    const approvals = (await store.allAudit()).filter((e) => e.action === 'approve-distribution');
    expect(approvals.map((e) => e.actor)).toEqual([winner]);
  });

  it('rejects with a reason only; the remittance waits again', async () => {
    const { store, refusedWithoutChange } = fresh.current();
    const draft = await preparedApril(store);
    const noReason = await refusedWithoutChange(() =>
      rejectDraft(store, { draftId: draft.draftId, rejectedBy: 'alan', address, reason: '' }),
    );
    expect(noReason.code).toBe('INVALID_INPUT');
    const rejected = await rejectDraft(store, {
      draftId: draft.draftId,
      rejectedBy: 'alan',
      address,
      reason: 'advances do not match the servicer certificate',
    });
    expect(rejected).toMatchObject({
      status: 'rejected',
      decisionReason: 'advances do not match the servicer certificate',
    });
    const publish = await refusedWithoutChange(() =>
      publishDraft(store, { draftId: draft.draftId, publishedBy: 'alan', address }),
    );
    expect(publish.code).toBe('DRAFT_NOT_APPROVED');
    expect(await store.waitingRemittances(dealId, april)).toHaveLength(1);
  });

  it('publishes an approved draft once: the version, its statement, the audit entries', async () => {
    const { store, refusedWithoutChange } = fresh.current();
    const prepared = await preparedApril(store);
    const early = await refusedWithoutChange(() =>
      publishDraft(store, { draftId: prepared.draftId, publishedBy: 'alan', address }),
    );
    expect(early.code).toBe('DRAFT_NOT_APPROVED');
    await approveDraft(store, { draftId: prepared.draftId, approvedBy: 'alan', address });
    const { draft, record } = await publishDraft(store, {
      draftId: prepared.draftId,
      publishedBy: 'alan',
      address,
    });
    expect(draft).toMatchObject({ status: 'published', publishedVersion: 1, publishedBy: 'alan' });
    expect(record).toMatchObject({ version: 1, resultHash: prepared.resultHash });
    expect(record.distribution).toEqual(prepared.distribution);
    const statement = await store.getStatement(dealId, april, 'txt', 1);
    expect(statement?.content).toContain('306,573.50');
    expect(statement?.content).toContain('Version 1');
    expect(await store.waitingRemittances(dealId, april)).toEqual([]);
    // The same file again: published from already, it waits for nothing.
    expect((await refusedWithoutChange(() => upload(store))).code).toBe('CLOSED_DATE');
    const twice = await refusedWithoutChange(() =>
      publishDraft(store, { draftId: prepared.draftId, publishedBy: 'alan', address }),
    );
    expect(twice.code).toBe('DRAFT_NOT_APPROVED');
    expect((await store.allAudit()).map((e) => [e.action, e.actor, e.address ?? null])).toEqual([
      ['upload-remittance', 'paula', address],
      ['prepare-distribution', 'paula', address],
      ['approve-distribution', 'alan', address],
      ['close', 'alan', address],
      ['publish-distribution', 'alan', address],
    ]);
    expect((await store.verifyAudit()).breaks).toEqual([]);
  });

  it('a correction follows the same path and keeps every version', async () => {
    const { store } = fresh.current();
    const first = await approvedApril(store);
    await publishDraft(store, { draftId: first.draftId, publishedBy: 'alan', address });
    const restated = restatedApril;
    // A closed date with other figures and no reason: a correction must say why.
    const noReason = await failure(preparedApril(store, { content: restated }));
    expect(noReason.code).toBe('CLOSED_DATE');
    const reason = 'servicer restated interest';
    const draft = await approvedApril(store, { content: restated, reason });
    expect(draft).toMatchObject({ version: 2, reason, status: 'approved' });
    const { record } = await publishDraft(store, {
      draftId: draft.draftId,
      publishedBy: 'alan',
      address,
    });
    expect(record).toMatchObject({ version: 2, reason, closedBy: 'alan' });
    expect((await store.listDistributions(dealId)).map((v) => v.version)).toEqual([1, 2]);
    expect((await store.getDistribution(dealId, april, 1))!.resultHash).toBe(first.resultHash);
    expect((await store.getStatement(dealId, april, 'txt', 2))!.content).toContain(
      `Version 2 (corrected`,
    );
  });
});
