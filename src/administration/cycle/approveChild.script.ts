/**
 * Test support for decisions.test.ts, run as a child process:
 *   node approveChild.script.ts STORE_LOCATION DRAFT_ID APPROVER
 * Opens the store, prints "READY", waits for a line on standard input, then approves the draft
 * and prints the outcome as JSON ({ "approved": name } or { "code": error code }). Two of them
 * started together approve the same draft at once from two processes (two connections).
 */
import { createInterface } from 'node:readline';
import { TrusteeError } from '../../errors/catalogue.ts';
import { openStore } from '../../store/openStore.ts';
import { approveDraft } from './approveDraft.ts';

const [location, draftId, approvedBy] = process.argv.slice(2);
if (!location || !draftId || !approvedBy) {
  throw new Error('usage: approveChild.script.ts STORE_LOCATION DRAFT_ID APPROVER');
}
const store = await openStore(location);
process.stdout.write('READY\n');
const lines = createInterface({ input: process.stdin });
await new Promise((go) => lines.once('line', go));
lines.close();
try {
  const draft = await approveDraft(store, { draftId, approvedBy, address: '203.0.113.9' });
  process.stdout.write(`${JSON.stringify({ approved: draft.decidedBy })}\n`);
} catch (error) {
  if (!(error instanceof TrusteeError)) throw error;
  process.stdout.write(`${JSON.stringify({ code: error.code })}\n`);
} finally {
  await store.close();
}
