import type { Cents } from '../../money/cents.ts';
import { count, decimal, dollarsAndCents, percent, wholeDollars } from '../../reports/format.ts';

/**
 * A cell: the text the filing prints, and for figures the number behind it (dollars or a
 * ratio) with its spreadsheet format, so a workbook holds numbers, not text.
 */
export interface Cell {
  text: string;
  value?: number;
  numFmt?: string;
}

/** One section of the statement, in the filing's order: a table, or label/value lines. */
export interface StatementSection {
  id: string;
  title: string;
  columns: string[];
  rows: Cell[][];
}

export const text = (value: string): Cell => ({ text: value });
export const money = (amount: Cents): Cell => ({
  text: dollarsAndCents(amount),
  value: amount / 100,
  numFmt: '#,##0.00',
});
export const dollars = (amount: Cents): Cell => ({
  text: wholeDollars(amount),
  value: Math.round(amount / 100),
  numFmt: '#,##0',
});
export const ratio = (value: number, decimals: number): Cell => ({
  text: decimal(value, decimals),
  value,
  numFmt: `0.${'0'.repeat(decimals)}`,
});
export const pct = (value: number, decimals: number): Cell => ({
  text: percent(value, decimals),
  value,
  numFmt: `0.${'0'.repeat(decimals)}%`,
});
export const number = (value: number): Cell => ({ text: count(value), value, numFmt: '#,##0' });

export const lines = (id: string, title: string, items: [string, Cell][]): StatementSection => ({
  id,
  title,
  columns: ['Item', 'Amount'],
  rows: items.map(([label, cell]) => [text(label), cell]),
});
