import { stringify } from 'csv-stringify/sync';
import type { Table } from './outputTables.ts';

function cell(value: string | number | null, decimals: number | undefined): string {
  if (value === null) return '-';
  if (typeof value === 'string') return value;
  if (decimals === 2) {
    return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  return decimals === undefined ? String(value) : value.toFixed(decimals);
}

/** A text table: the title, then columns aligned (numbers to the right), money with commas. */
export function renderText(table: Table): string {
  const cells = [
    [...table.header],
    ...table.rows.map((row) => row.map((v, i) => cell(v, table.decimals?.[i]))),
  ];
  const widths = table.header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const numeric = table.header.map((_, i) => table.rows.some((r) => typeof r[i] === 'number'));
  const line = (r: readonly string[]): string =>
    r
      .map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return `${table.title}\n${line(cells[0]!)}\n${cells.slice(1).map(line).join('\n')}\n`;
}

/** CSV with a header row; empty cells for missing values. */
export function renderCsv(table: Table): string {
  return stringify([table.header, ...table.rows.map((r) => r.map((v) => v ?? ''))]);
}

/** The table as an array of objects keyed by the header. */
export function tableObjects(table: Table): Record<string, string | number | null>[] {
  return table.rows.map((row) =>
    Object.fromEntries(table.header.map((h, i) => [h, row[i] ?? null])),
  );
}
