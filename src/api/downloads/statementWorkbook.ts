import ExcelJS from 'exceljs';
import type { StatementSections } from '../service/statementSections.ts';

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
export function sheetName(title: string, taken: Set<string>): string {
  const base = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 31)
    .trim();
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base.slice(0, 27)} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * The statement as an Excel workbook: a cover sheet with the trust's header, then a sheet per
 * section of the filing. Figures are numbers with the filing's precision as the cell format
 * (dollars "#,##0.00" or "#,##0", rates as percentages), so a reader can add them up.
 */
export async function statementWorkbook(layout: StatementSections): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'trustee';
  const taken = new Set<string>();
  const cover = book.addWorksheet(sheetName('Statement', taken));
  layout.header.forEach((line, i) => {
    const cell = cover.getCell(i + 1, 1);
    cell.value = line;
    cell.font = { bold: i < 4 };
  });
  cover.getColumn(1).width = 90;
  cover.getCell(layout.header.length + 2, 1).value = 'Sections';
  layout.sections.forEach((section, i) => {
    cover.getCell(layout.header.length + 3 + i, 1).value = section.title;
  });
  for (const section of layout.sections) {
    const sheet = book.addWorksheet(sheetName(section.title, taken));
    sheet.addRow([section.title]).font = { bold: true, size: 12 };
    sheet.addRow(section.columns).font = { bold: true };
    for (const cells of section.rows) {
      const row = sheet.addRow(cells.map((cell) => cell.value ?? cell.text));
      cells.forEach((cell, i) => {
        if (cell.numFmt) row.getCell(i + 1).numFmt = cell.numFmt;
      });
    }
    section.columns.forEach((title, i) => {
      sheet.getColumn(i + 1).width = Math.max(12, Math.min(48, title.length + 4), i === 0 ? 30 : 0);
    });
  }
  const data = await book.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
