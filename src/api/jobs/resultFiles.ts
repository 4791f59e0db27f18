import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A finished job's result as the job answers it: where to read it and how many rows it has (the
 * grid's scenarios, the projection's months). The result itself is on disk, not in the job.
 */
export interface StoredResult {
  href: string;
  count: number;
}

/** A page of a stored result as JSON text: the head's fields, `rows` the lines asked for. */
export interface ResultPage {
  head: Record<string, unknown>;
  total: number;
  rows: string[];
}

/** Writes one job's result: its rows a batch at a time, then the head (the fields besides). */
export interface ResultWriter {
  rows(rows: readonly unknown[]): Promise<void>;
  /** Ends the file and keeps the head (small: ids, dates, a line of words); the rows written. */
  close(head: Record<string, unknown>): Promise<number>;
  /** Ends and removes the file (the job failed or was cancelled). */
  discard(): Promise<void>;
}

export interface ResultFiles {
  readonly dir: string;
  create(id: string): Promise<ResultWriter>;
  /** Rows `offset` to `offset + limit` (fewer at the end) as their JSON text, read from disk. */
  page(id: string, offset: number, limit: number): Promise<ResultPage>;
  /** The head and every row parsed (a download: at most the portal's scenario limit of rows). */
  readAll(id: string): Promise<{ head: Record<string, unknown>; rows: unknown[] }>;
  drop(id: string): void;
  /** On close: removes the results written, and the folder when the app made it (temporary). */
  close(): void;
}

interface Index {
  head: Record<string, unknown>;
  /** Byte offset of each row's line (the end of the file after the last). */
  offsets: Uint32Array;
}

/**
 * Job results on disk, one NDJSON file a job (`<id>.ndjson`, a line a row), so that memory
 * holds per job only its head and its rows' byte offsets: a page is read by position and sent as
 * the JSON text it was written as, never parsed and serialized again on the main thread.
 * `dir` omitted: a fresh folder under the OS temp dir, removed on close.
 */
export function resultFiles(dir?: string): ResultFiles {
  const folder = dir ?? mkdtempSync(join(tmpdir(), 'trustee-jobs-'));
  if (dir) mkdirSync(dir, { recursive: true });
  const indexes = new Map<string, Index>();
  const path = (id: string) => join(folder, `${id}.ndjson`);
  const indexOf = (id: string): Index => {
    const index = indexes.get(id);
    if (!index) throw new Error(`no stored result for job ${id}`);
    return index;
  };
  const readRange = async (id: string, from: number, to: number): Promise<string> => {
    const file = await open(path(id), 'r');
    try {
      const buffer = Buffer.alloc(to - from);
      await file.read(buffer, 0, buffer.length, from);
      return buffer.toString('utf8');
    } finally {
      await file.close();
    }
  };

  return {
    dir: folder,
    async create(id) {
      const file: FileHandle = await open(path(id), 'w');
      const offsets: number[] = [];
      let position = 0;
      return {
        async rows(rows) {
          let text = '';
          for (const row of rows) {
            offsets.push(position + Buffer.byteLength(text));
            text += `${JSON.stringify(row)}\n`;
          }
          await file.write(text);
          position += Buffer.byteLength(text);
        },
        async close(head) {
          await file.close();
          offsets.push(position);
          indexes.set(id, { head, offsets: Uint32Array.from(offsets) });
          return offsets.length - 1;
        },
        async discard() {
          await file.close();
          await rm(path(id), { force: true });
        },
      };
    },
    async page(id, offset, limit) {
      const { head, offsets } = indexOf(id);
      const total = offsets.length - 1;
      const from = Math.min(offset, total);
      const to = Math.min(offset + limit, total);
      const text = to > from ? await readRange(id, offsets[from]!, offsets[to]!) : '';
      const rows = text === '' ? [] : text.slice(0, -1).split('\n');
      return { head, total, rows };
    },
    async readAll(id) {
      const { head, offsets } = indexOf(id);
      const text = await readRange(id, offsets[0]!, offsets.at(-1)!);
      const rows = text === '' ? [] : text.slice(0, -1).split('\n');
      return { head, rows: rows.map((line) => JSON.parse(line) as unknown) };
    },
    drop(id) {
      indexes.delete(id);
      rmSync(path(id), { force: true });
    },
    close() {
      // Results live as long as the server: a given folder keeps no stale files after a stop.
      for (const id of indexes.keys()) rmSync(path(id), { force: true });
      indexes.clear();
      if (!dir) rmSync(folder, { recursive: true, force: true });
    },
  };
}
