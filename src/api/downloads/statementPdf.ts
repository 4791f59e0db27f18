import PDFDocument from 'pdfkit';
import type { StatementSection, StatementSections } from '../service/statementSections.ts';

const MARGIN = 40;
const PAGE_WIDTH = 612; // US Letter, points
const PAGE_HEIGHT = 792;
const CONTENT = PAGE_WIDTH - 2 * MARGIN;
const ROW = 12;

/** Column widths: the first column (class or label) wider, figures share the rest. */
function widths(section: StatementSection): number[] {
  const n = section.columns.length;
  const first = n === 2 ? CONTENT * 0.62 : n >= 7 ? 44 : CONTENT * 0.3;
  const second = n >= 7 ? 62 : undefined;
  const fixed = first + (second ?? 0);
  const rest = (CONTENT - fixed) / (n - (second ? 2 : 1));
  return section.columns.map((_, i) => (i === 0 ? first : i === 1 && second ? second : rest));
}

function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > PAGE_HEIGHT - MARGIN) doc.addPage();
}

function drawRow(doc: PDFKit.PDFDocument, cells: string[], cols: number[], bold: boolean): void {
  ensureRoom(doc, ROW);
  const y = doc.y;
  let x = MARGIN;
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7.5);
  cells.forEach((cell, i) => {
    const width = cols[i] ?? 60;
    doc.text(cell, x + 2, y, {
      width: width - 4,
      align: i === 0 ? 'left' : 'right',
      lineBreak: false,
    });
    x += width;
  });
  doc.y = y + ROW;
}

function drawSection(doc: PDFKit.PDFDocument, section: StatementSection): void {
  const cols = widths(section);
  ensureRoom(doc, ROW * 4);
  doc.moveDown(0.6);
  doc.font('Helvetica-Bold').fontSize(9).text(section.title.toUpperCase(), MARGIN, doc.y);
  doc.moveDown(0.2);
  // Wrapped column headings, as the filing stacks them ("Beginning / Certificate / Bal").
  const headingY = doc.y;
  let x = MARGIN;
  let tallest = 0;
  doc.font('Helvetica-Bold').fontSize(7);
  section.columns.forEach((title, i) => {
    const width = cols[i] ?? 60;
    const label = section.columns.length === 2 && i === 0 ? '' : title;
    const h = doc.heightOfString(label, { width: width - 4 });
    doc.text(label, x + 2, headingY, { width: width - 4, align: i === 0 ? 'left' : 'right' });
    tallest = Math.max(tallest, h);
    x += width;
  });
  doc.y = headingY + tallest + 2;
  doc
    .moveTo(MARGIN, doc.y - 1)
    .lineTo(MARGIN + CONTENT, doc.y - 1)
    .lineWidth(0.5)
    .stroke();
  for (const row of section.rows) {
    const label = row[0]?.text ?? '';
    drawRow(
      doc,
      row.map((cell) => cell.text),
      cols,
      /^total$/i.test(label),
    );
  }
}

/**
 * The Statement to Certificateholders as a PDF laid out like the filing: the trust's header
 * (name, certificates, series, "STATEMENT TO CERTIFICATEHOLDERS", distribution date), then each
 * section of the statement as a table, in the filing's order. Letter size, Helvetica.
 */
export function statementPdf(layout: StatementSections, title: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: MARGIN,
    info: { Title: title, Creator: 'trustee', Producer: 'trustee (pdfkit)' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const [trust, certificates, series, heading, ...rest] = layout.header;
  doc.font('Helvetica-Bold').fontSize(12);
  for (const line of [trust, certificates, series]) {
    if (line) doc.text(line, { align: 'center' });
  }
  doc
    .moveDown(0.5)
    .fontSize(11)
    .text(heading ?? '', { align: 'center' });
  doc.font('Helvetica').fontSize(8.5);
  for (const line of rest) doc.text(line, { align: 'center' });
  doc.moveDown(0.3);
  for (const section of layout.sections) drawSection(doc, section);
  doc.end();
  return done;
}
