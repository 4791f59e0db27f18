import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { GridResult, ProjectionResult } from '../service/projectionTypes.ts';
import { XLSX, type Download } from './download.ts';

const dollars = (cents: number): number => cents / 100;

/** One row per projected month: pool, excess cashflow, and each class's cash flows (dollars). */
function cashFlowTable(result: ProjectionResult): (string | number)[][] {
  const names = result.classes.map((c) => c.name);
  const header = ['date', 'pool_balance', 'excess_cashflow'];
  for (const n of names)
    header.push(`${n}_interest`, `${n}_principal`, `${n}_writedown`, `${n}_balance`);
  const rows = result.periods.map((p) => {
    const row: (string | number)[] = [p.date, dollars(p.poolBalance), dollars(p.excessCashflow)];
    for (const n of names) {
      const c = p.classes[n];
      row.push(
        dollars(c?.interest ?? 0),
        dollars(c?.principal ?? 0),
        dollars(c?.writedown ?? 0),
        dollars(c?.balance ?? 0),
      );
    }
    return row;
  });
  return [header, ...rows];
}

function summaryTable(result: ProjectionResult): (string | number | null)[][] {
  return [
    [
      'class',
      'start_balance',
      'principal',
      'interest',
      'writedown',
      'wal_years',
      'yield',
      'first_principal',
      'last_principal',
      'breakeven_cdr',
    ],
    ...result.classes.map((c) => [
      c.name,
      dollars(c.startBalance),
      dollars(c.principal),
      dollars(c.interest),
      dollars(c.writedown),
      c.wal,
      c.yield,
      c.firstPrincipalDate,
      c.lastPrincipalDate,
      result.breakevens?.find((b) => b.class === c.name)?.cdr ?? null,
    ]),
  ];
}

function gridTable(result: GridResult): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [
    ['scenario', 'name', 'class', 'wal_years', 'yield', 'writedown', 'assumptions'],
  ];
  for (const r of result.rows) {
    for (const c of r.classes) {
      rows.push([
        r.index + 1,
        r.name,
        c.name,
        c.wal,
        c.yield,
        dollars(c.writedown),
        JSON.stringify(r.assumptions),
      ]);
    }
  }
  return rows;
}

/** A projection's cash flows as CSV (dollars with cents; rates as decimals). */
export function projectionCsv(name: string, result: ProjectionResult | GridResult): Download {
  const table = 'rows' in result ? gridTable(result) : cashFlowTable(result);
  return {
    contentType: 'text/csv; charset=utf-8',
    filename: `${name}.csv`,
    body: stringify(table),
  };
}

/** A projection as a workbook: the class summary and the monthly cash flows (or the grid). */
export async function projectionWorkbook(
  name: string,
  result: ProjectionResult | GridResult,
): Promise<Download> {
  const book = new ExcelJS.Workbook();
  book.creator = 'trustee';
  const sheets: [string, (string | number | null)[][]][] =
    'rows' in result
      ? [['Scenario grid', gridTable(result)]]
      : [
          ['Class summary', summaryTable(result)],
          ['Cash flows', cashFlowTable(result)],
        ];
  for (const [title, table] of sheets) {
    const sheet = book.addWorksheet(title);
    for (const row of table) sheet.addRow(row);
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((column) => {
      column.width = 16;
    });
  }
  const data = await book.xlsx.writeBuffer();
  return { contentType: XLSX, filename: `${name}.xlsx`, body: Buffer.from(data as ArrayBuffer) };
}
