import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import { canonicalJson } from './canonicalJson.ts';
import type { AuditLogTable } from './schema.ts';

/**
 * The audit log's hash chain. Each entry's hash is SHA-256 over the previous entry's hash and
 * the entry's own content as stored (every column but the two hashes, as canonical JSON), so
 * changing any stored field of an entry, or deleting one, breaks the chain from there on.
 * The first entry's previous hash is GENESIS.
 */
export const GENESIS = '0'.repeat(64);

type Content = Omit<Selectable<AuditLogTable>, 'previous_hash' | 'hash'>;

/** The hash an entry must have after `previousHash`: what is written, and what verify checks. */
export function chainHash(previousHash: string, row: Content): string {
  const content = canonicalJson({
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action,
    deal_id: row.deal_id,
    distribution_date: row.distribution_date,
    version: row.version === null ? null : Number(row.version),
    reason: row.reason,
    details: row.details,
    address: row.address,
  });
  return createHash('sha256').update(`${previousHash}\n${content}`).digest('hex');
}

/** One break of the chain: the entry where it shows and what is wrong with it. */
export interface AuditBreak {
  readonly seq: number;
  readonly problem: string;
}

export interface AuditVerification {
  /** Entries read. */
  readonly entries: number;
  /** The last entry's number (0 when the log is empty) and hash (GENESIS when empty): note them
   * to detect a cut-off tail later. */
  readonly headSeq: number;
  readonly head: string;
  readonly breaks: readonly AuditBreak[];
}

/**
 * Walks the entries in `seq` order and reports every break: a gap in the numbering (entries
 * deleted), an entry whose stored previous hash is not the hash of the entry before it (an
 * entry before it deleted or changed), an entry whose content no longer gives its stored hash
 * (the entry changed). Deleting the newest entries leaves a chain that holds: compare `head`
 * with one noted earlier (`trustee audit verify --head`).
 */
export function verifyChain(rows: readonly Selectable<AuditLogTable>[]): AuditVerification {
  const breaks: AuditBreak[] = [];
  let previous = GENESIS;
  let expectedSeq = 1;
  for (const row of rows) {
    const seq = Number(row.seq);
    if (seq !== expectedSeq) {
      breaks.push({
        seq,
        problem: `entries ${expectedSeq}..${seq - 1} are missing (deleted)`,
      });
    }
    if (row.previous_hash !== previous) {
      breaks.push({
        seq,
        problem: 'its previous hash is not the hash of the entry before it',
      });
    }
    if (chainHash(row.previous_hash, row) !== row.hash) {
      breaks.push({
        seq,
        problem: 'its content does not give its hash (changed after it was written)',
      });
    }
    previous = row.hash;
    expectedSeq = seq + 1;
  }
  return { entries: rows.length, headSeq: expectedSeq - 1, head: previous, breaks };
}
