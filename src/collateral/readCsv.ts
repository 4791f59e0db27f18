import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { TrusteeError, type ErrorDetail } from '../errors/catalogue.ts';
import { nearestName } from '../errors/suggest.ts';

/** One data record of a CSV file: its cells by column name and its row (header = row 1). */
export interface CsvRecord {
  readonly row: number;
  readonly cells: Readonly<Record<string, string>>;
}

/**
 * Streams a CSV file's records with csv-parse's stream API, checking the header against the
 * expected columns (all required, none unknown, any order; `optionalColumns` may be there). Yields each record with its row
 * number; a file that cannot be read or is not CSV ends in a TrusteeError naming the row.
 * `text`, when given, is the file's content (an upload), read instead of `path`, which then
 * only names it in errors.
 */
export async function* readCsvRecords(
  path: string,
  columns: readonly string[],
  what: string,
  optionalColumns: readonly string[] = [],
  text?: string,
): AsyncGenerator<CsvRecord> {
  const input: Readable = text === undefined ? createReadStream(path) : Readable.from([text]);
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true });
  // pipe() does not forward the file's errors (missing file): hand them to the parser.
  input.on('error', (error: Error) => parser.destroy(error));
  input.pipe(parser);
  let header: string[] | undefined;
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      if (!header) {
        header = record.map((name) => name.trim().toLowerCase());
        checkHeader(path, header, columns, what, optionalColumns);
        continue;
      }
      if (record.length !== header.length) {
        throw new TrusteeError(
          'INVALID_INPUT',
          `${path}: row ${row} has the wrong number of cells`,
          [
            {
              file: path,
              row,
              message: `${record.length} cells`,
              expected: `${header.length} cells, one per column of the header`,
            },
          ],
        );
      }
      const cells: Record<string, string> = {};
      header.forEach((name, i) => (cells[name] = record[i] ?? ''));
      yield { row, cells };
    }
  } catch (error) {
    if (error instanceof TrusteeError) throw error;
    const e = error as NodeJS.ErrnoException & { lines?: number };
    const detail: ErrorDetail =
      e.code === 'ENOENT' || e.code === 'EISDIR' || e.code === 'EACCES'
        ? { file: path, message: e.message, expected: `a readable ${what} CSV file` }
        : { file: path, row: e.lines ?? row + 1, message: e.message, expected: 'valid CSV' };
    throw new TrusteeError('INVALID_INPUT', `${path}: cannot read the ${what}`, [detail]);
  }
  if (!header) {
    throw new TrusteeError('INVALID_INPUT', `${path}: the ${what} is empty`, [
      { file: path, row: 1, message: 'no header row', expected: columns.join(',') },
    ]);
  }
}

function checkHeader(
  path: string,
  header: string[],
  columns: readonly string[],
  what: string,
  optionalColumns: readonly string[],
): void {
  const allowed = [...columns, ...optionalColumns];
  const problems: ErrorDetail[] = [];
  for (const name of columns) {
    if (!header.includes(name)) {
      problems.push({
        file: path,
        row: 1,
        field: name,
        message: 'missing column',
        expected: `a column "${name}"`,
      });
    }
  }
  header.forEach((name, i) => {
    if (!allowed.includes(name)) {
      problems.push({
        file: path,
        row: 1,
        field: name || `column ${i + 1}`,
        message: 'unknown column',
        expected: unknownColumnExpected(name, allowed, what),
      });
    } else if (header.indexOf(name) !== i) {
      problems.push({
        file: path,
        row: 1,
        field: name,
        message: 'column given twice',
        expected: 'each column once',
      });
    }
  });
  if (problems.length > 0) {
    throw new TrusteeError('INVALID_INPUT', `${path}: the ${what} header is not valid`, problems);
  }
}

/** What an unknown column should have been: the nearest column of the format, if one is near. */
function unknownColumnExpected(name: string, columns: readonly string[], what: string): string {
  const nearest = nearestName(
    name,
    columns.filter((c) => c !== name),
  );
  return nearest !== undefined
    ? `a ${what} column (did you mean "${nearest}"?)`
    : `one of the ${what} columns (docs)`;
}
