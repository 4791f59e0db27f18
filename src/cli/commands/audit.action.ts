import { TrusteeError } from '../../errors/catalogue.ts';
import { openStore, storeExists, storeLocation } from '../../store/openStore.ts';

interface VerifyOptions {
  head?: string;
  db?: string;
}

/** "42:9f86...": the entry number and hash of a head noted earlier. */
function parseHead(text: string): { seq: number; hash: string } {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text);
  if (!match) {
    throw new TrusteeError('INVALID_INPUT', `bad --head ${text}`, [
      { field: '--head', message: 'not a head', expected: 'SEQ:HASH (64 hex digits)', got: text },
    ]);
  }
  return { seq: Number(match[1]), hash: match[2]! };
}

/** The `audit verify` command's work: every break of the chain, or its length and head. */
export const verifyAction = async (options: VerifyOptions) => {
  const location = storeLocation(options.db);
  const head = options.head === undefined ? undefined : parseHead(options.head);
  if (!storeExists(location)) {
    throw new TrusteeError('STORE_UNAVAILABLE', `no store at ${location}`, [
      { field: '--db', message: 'no such store', expected: 'an existing store' },
    ]);
  }
  const store = await openStore(location);
  try {
    const result = await store.verifyAudit();
    const breaks = result.breaks.map((b) => ({ field: `entry ${b.seq}`, message: b.problem }));
    if (head) {
      const entry = (await store.allAudit()).find((e) => e.seq === head.seq);
      if (entry?.hash !== head.hash) {
        breaks.push({
          field: `entry ${head.seq}`,
          message: entry
            ? 'its hash is not the head noted earlier (changed, or the chain was rewritten)'
            : 'missing: the log was cut off after the head noted earlier',
        });
      }
    }
    if (breaks.length > 0) {
      throw new TrusteeError(
        'AUDIT_CHAIN_BROKEN',
        `${store.location}: the audit log's hash chain is broken (${breaks.length} ${breaks.length === 1 ? 'break' : 'breaks'} in ${result.entries} entries)`,
        breaks,
      );
    }
    process.stdout.write(
      `${store.location}: the audit log's hash chain holds: ${result.entries} entries` +
        (result.entries > 0 ? `, head ${result.headSeq}:${result.head}` : '') +
        '\n',
    );
  } finally {
    await store.close();
  }
};
