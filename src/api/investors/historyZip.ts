import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { Distribution } from '../../waterfall/types.ts';
import type { Download } from '../downloads/download.ts';
import { lastReports } from '../routes/filingRoutes.ts';
import { closing8kDownload, form10kDownload, form8kDownload } from '../service/filings.ts';
import type { Portal } from '../service/portal.ts';
import { statementDownload, statementFormats } from '../service/statementDownload.ts';

/** One file of the archive: its path in the ZIP and its content. */
export interface ArchiveFile {
  readonly path: string;
  readonly body: string | Uint8Array;
  /** Already compressed (PDF, XLSX): stored, not deflated again. */
  readonly compressed: boolean;
}

const asFile = (folder: string, download: Download): ArchiveFile => ({
  path: `${folder}/${download.filename}`,
  body: download.body,
  compressed: /pdf|spreadsheetml/.test(download.contentType),
});

/**
 * The years whose 10-K is filed: those that have ended in the history (a later year has a
 * closed date, or the year's December date is closed).
 */
export function fullYears(dates: readonly string[]): number[] {
  const years = [...new Set(dates.map((d) => Number(d.slice(0, 4))))];
  const last = dates.at(-1);
  return years.filter(
    (y) => y < Number(last?.slice(0, 4)) || dates.some((d) => d.startsWith(`${y}-12-`)),
  );
}

/** A version of a date a correction replaced: its figures and its version note. */
export interface EarlierVersion {
  readonly version: number;
  readonly distribution: Distribution;
  readonly note: string;
}

/** The versions of a deal's date that corrections replaced, oldest first (none: none). */
export type EarlierVersions = (date: string) => Promise<readonly EarlierVersion[]>;

/**
 * Every file of a deal's published history, one at a time (so the archive streams and holds
 * one file in memory): the closing 8-K; for each closed date its current version's statement in
 * every format the API serves and the date's 8-K, and each version a correction replaced, in
 * every format too, under `<date>/version-<n>/`; the 10-K of each full year.
 */
export async function* historyFiles(
  portal: Portal,
  dealId: string,
  earlier: EarlierVersions = async () => [],
): AsyncGenerator<ArchiveFile> {
  const deal = await portal.resolve(dealId);
  yield asFile('closing', closing8kDownload(deal));
  const history = await portal.distributions(dealId);
  for (const distribution of history) {
    const date = distribution.distributionDate;
    const version = await portal.version(dealId, date);
    for (const format of statementFormats) {
      yield asFile(date, await statementDownload(deal, distribution, format, version));
    }
    yield asFile(date, form8kDownload(deal, distribution));
    for (const old of await earlier(date)) {
      for (const format of statementFormats) {
        const file = await statementDownload(deal, old.distribution, format, old.note);
        yield asFile(`${date}/version-${old.version}`, file);
      }
    }
  }
  for (const year of fullYears(history.map((d) => d.distributionDate))) {
    const reports = await lastReports(portal, dealId, history, year);
    yield asFile('annual', form10kDownload(deal, history, year, reports));
  }
}

export interface ManifestEntry {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

/**
 * The files as a ZIP stream (fflate: deflated, PDFs and workbooks stored), with `manifest.json`
 * last: each file's path, size and SHA-256, so a holder can check what they keep. Files are
 * made one at a time, and the next only once the client has taken what was sent (the
 * stream's backpressure), so a slow download holds about one file in memory, not the archive.
 */
export function zipStream(
  files: AsyncIterable<ArchiveFile>,
  about: Readonly<Record<string, unknown>>,
): Readable {
  const out = new PassThrough();
  const zip = new Zip((error, chunk, final) => {
    if (out.destroyed) return;
    if (error) {
      out.destroy(error);
      return;
    }
    out.write(chunk);
    if (final) out.end();
  });
  const add = (path: string, bytes: Uint8Array, compressed: boolean) => {
    const entry = compressed ? new ZipPassThrough(path) : new ZipDeflate(path, { level: 6 });
    zip.add(entry);
    entry.push(bytes, true);
  };
  void (async () => {
    const manifest: ManifestEntry[] = [];
    for await (const file of files) {
      if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
      // The client went away: make nothing more.
      if (out.destroyed) {
        zip.terminate();
        return;
      }
      const bytes = typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body;
      manifest.push({
        path: file.path,
        bytes: bytes.byteLength,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
      add(file.path, bytes, file.compressed);
    }
    const text = `${JSON.stringify({ ...about, files: manifest }, null, 2)}\n`;
    add('manifest.json', Buffer.from(text, 'utf8'), false);
    zip.end();
  })().catch((error: unknown) => {
    zip.terminate();
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return out;
}
