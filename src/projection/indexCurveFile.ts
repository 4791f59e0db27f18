import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { TrusteeError, type ErrorDetail } from '../errors/catalogue.ts';

/**
 * A forward curve of the certificates' index from a CSV file: a header `month,rate`, then the
 * index (percent) for projection months 1, 2, 3... in order (the last holds after it ends).
 * Every problem is reported at once with its row.
 */
export function readIndexCurveFile(path: string): number[] {
  let rows: string[][];
  try {
    rows = parse(readFileSync(path, 'utf8'), { skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    throw new TrusteeError('INVALID_INPUT', `${path}: cannot read the index curve`, [
      { file: path, message: (error as Error).message, expected: 'a CSV file month,rate' },
    ]);
  }
  const [header, ...body] = rows;
  const problems: ErrorDetail[] = [];
  if (header?.[0]?.toLowerCase() !== 'month' || header[1]?.toLowerCase() !== 'rate') {
    problems.push({
      file: path,
      row: 1,
      message: `header ${JSON.stringify(header ?? [])}`,
      expected: 'the header month,rate',
    });
  }
  const rates: number[] = [];
  body.forEach(([month, rate], i) => {
    const row = i + 2;
    if (Number(month) !== i + 1) {
      problems.push({
        file: path,
        row,
        field: 'month',
        message: `month ${month}`,
        expected: `${i + 1}`,
      });
    }
    const value = Number(rate);
    if (rate === undefined || rate === '' || !Number.isFinite(value) || value < -5 || value > 50) {
      problems.push({
        file: path,
        row,
        field: 'rate',
        message: `rate ${JSON.stringify(rate ?? '')}`,
        expected: 'the index in percent, between -5 and 50',
      });
    }
    rates.push(value);
  });
  if (body.length === 0) {
    problems.push({ file: path, message: 'no months', expected: 'a row for month 1 at least' });
  }
  if (problems.length > 0) {
    throw new TrusteeError('INVALID_INPUT', `${path}: the index curve is not valid`, problems);
  }
  return rates;
}
