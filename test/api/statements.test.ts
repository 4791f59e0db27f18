import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { APRIL, expectProblem, testApp } from './testApp.ts';

/** Figures of the April 2002 seed statement (8-K_2002-04-25). */
const SEED = [
  '306,573.50',
  '28,864.88',
  '160,231,105.03',
  '942,980.71',
  '1,344,384.21',
  '0.995837',
];

describe('GET .../distributions/:date', () => {
  it('gives every figure of the date with the trace', async () => {
    const res = await (await testApp()).inject(APRIL);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.distributionNumber).toBe(2);
    expect(d.classes.find((c: { name: string }) => c.name === 'A').interestPaid).toBe(306_573_50);
    expect(d.trace.length).toBeGreaterThan(0);
  });

  it('404 NO_DISTRIBUTION for a date with no distribution, naming the closed dates', async () => {
    const app = await testApp();
    const body = expectProblem(
      await app.inject('/api/deals/nchet-2002-1/distributions/2003-01-27'),
      404,
      'NO_DISTRIBUTION',
    );
    expect(body.details[0]).toMatchObject({
      field: 'date',
      expected:
        'one of 2002-03-25, 2002-04-25, 2002-05-28, 2002-06-25, 2002-07-25, 2002-08-26, ' +
        '2002-09-25, 2002-10-25, 2002-11-25, 2002-12-26',
    });
    expectProblem(
      await app.inject('/api/deals/nchet-2002-1/distributions/2002-04-26'),
      404,
      'NO_DISTRIBUTION',
    );
  });

  it('422 for what is not a date', async () => {
    const app = await testApp();
    for (const bad of ['2002-02-30', '2002-13-01', 'april', '20020425']) {
      const body = expectProblem(
        await app.inject(`/api/deals/nchet-2002-1/distributions/${bad}`),
        422,
        'INVALID_INPUT',
      );
      expect(body.details[0]).toMatchObject({ field: 'params.date' });
    }
  });
});

describe('GET .../sections', () => {
  it("lays the statement out in the filing's sections", async () => {
    const res = await (await testApp()).inject(`${APRIL}/sections`);
    expect(res.statusCode).toBe(200);
    const s = res.json() as {
      header: string[];
      sections: { id: string; rows: { text: string }[][] }[];
    };
    expect(s.header).toContain('STATEMENT TO CERTIFICATEHOLDERS');
    expect(s.sections.map((x) => x.id)).toEqual([
      'certificates',
      'per1000',
      'servicer',
      'balances',
      'loans',
      'delinquency',
      'prepayments',
      'realizedLosses',
      'factors',
      'interest',
      'reductions',
      'performance',
      'netWacCarryover',
    ]);
    const text = JSON.stringify(s);
    for (const figure of [...SEED, '19.065%', '3,972,996', '82,547'])
      expect(text).toContain(figure);
  });
});

describe('GET .../statement?format=', () => {
  it('text: the filing layout with the seed figures', async () => {
    const res = await (await testApp()).inject(`${APRIL}/statement`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    for (const figure of SEED) expect(res.body).toContain(figure);
  });

  it('json and csv', async () => {
    const app = await testApp();
    const json = await app.inject(`${APRIL}/statement?format=json`);
    expect(json.statusCode).toBe(200);
    expect(JSON.stringify(json.json())).toContain('{"cents":30657350,"dollars":"306,573.50"}');
    const csv = await app.inject(`${APRIL}/statement?format=csv&download=true`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="nchet-2002-1-statement-2002-04-25.csv"',
    );
    expect(csv.body).toContain('306573.50');
  });

  it("pdf: the trust's header and the statement's figures (pdftotext)", async () => {
    const res = await (await testApp()).inject(`${APRIL}/statement?format=pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const folder = mkdtempSync(join(tmpdir(), 'trustee-pdf-'));
    writeFileSync(join(folder, 's.pdf'), res.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', join(folder, 's.pdf'), '-'], {
      encoding: 'utf8',
    });
    expect(text).toContain('NEW CENTURY HOME EQUITY LOAN TRUST');
    expect(text).toContain('STATEMENT TO CERTIFICATEHOLDERS');
    expect(text).toContain('Distribution Date: 04/25/02');
    for (const figure of [...SEED, '19.065%', '3,972,996']) expect(text).toContain(figure);
  });

  it('xlsx: a workbook with a sheet per section holding numbers', async () => {
    const res = await (await testApp()).inject(`${APRIL}/statement?format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".*\.xlsx"$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names = book.worksheets.map((w) => w.name);
    expect(names).toHaveLength(14);
    expect(names).toContain('Statement to Certificateholders');
    expect(names).toContain('Performance Measures');
    const sheet = book.getWorksheet('Statement to Certificateholders')!;
    const a = sheet.getRow(3);
    expect(a.getCell(1).value).toBe('A');
    expect(a.getCell(7).value).toBe(306_573.5);
    expect(a.getCell(7).numFmt).toBe('#,##0.00');
  });

  it('422 for an unknown format or parameter; 404 for a date with none', async () => {
    const app = await testApp();
    const body = expectProblem(
      await app.inject(`${APRIL}/statement?format=docx`),
      422,
      'INVALID_INPUT',
    );
    expect(body.details[0]).toMatchObject({
      field: 'querystring.format',
      expected: 'one of text, json, csv, pdf, xlsx',
    });
    expectProblem(await app.inject(`${APRIL}/statement?colour=red`), 422, 'INVALID_INPUT');
    expectProblem(await app.inject(`${APRIL}/statement?download=maybe`), 422, 'INVALID_INPUT');
    expectProblem(
      await app.inject('/api/deals/nchet-2002-1/distributions/2003-06-25/statement?format=pdf'),
      404,
      'NO_DISTRIBUTION',
    );
    expectProblem(
      await app.inject('/api/deals/other/distributions/2002-04-25/statement'),
      404,
      'UNKNOWN_DEAL',
    );
  });
});
