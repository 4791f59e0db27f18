import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { expectProblem, testApp, waitFor, type JobBody } from './testApp.ts';

// Closing the app stops the projection's worker pool the grids ran on.
afterAll(async () => (await testApp()).close());

const PROJECTIONS = '/api/deals/nchet-2002-1/projections';
const GRIDS = '/api/deals/nchet-2002-1/scenario-grids';
const SCENARIO = {
  prepayment: { cpr: 25 },
  default: { cdr: 2 },
  severity: 40,
  recoveryLag: 6,
  cleanUpCall: true,
};

describe('POST /api/deals/:dealId/projections', () => {
  it('answers 202 with a job at once, which runs to class cash flows, WAL, yield, breakevens', async () => {
    const app = await testApp();
    const res = await app.inject({
      method: 'POST',
      url: PROJECTIONS,
      payload: { scenario: SCENARIO, breakevens: true },
    });
    expect(res.statusCode).toBe(202);
    const job = res.json() as JobBody;
    expect(res.headers.location).toBe(`/api/jobs/${job.id}`);
    // With no other job running, it starts at once: no place in the queue.
    expect(job).toMatchObject({
      status: 'running',
      position: null,
      progress: { done: 0, total: 6 },
      result: null,
    });
    expect(job.startedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const seen = await waitFor(app, job.id);
    const done = seen.at(-1)!;
    expect(done.status).toBe('done');
    expect(done.progress).toEqual({ done: 6, total: 6 });
    // The job names where its result is; the result itself is read from there.
    expect(done.result).toEqual({ href: `/api/jobs/${job.id}/result`, count: expect.any(Number) });
    const page = await app.inject(`/api/jobs/${job.id}/result?limit=1000`);
    expect(page.statusCode).toBe(200);
    const { rows: periods, ...fields } = page.json() as {
      rows: { date: string }[];
      total: number;
      next: string | null;
    };
    expect(fields).toMatchObject({ total: periods.length, offset: 0, limit: 1000, next: null });
    expect(periods).toHaveLength((done.result as { count: number }).count);
    const result = { ...fields, periods } as unknown as {
      asOf: string;
      classes: {
        name: string;
        startBalance: number;
        principal: number;
        wal: number;
        yield: number;
      }[];
      periods: { date: string }[];
      breakevens: { class: string; cdr: number | null }[];
    };
    // From the state after the last closed date (December 2002).
    expect(result.asOf).toBe('2002-12-26');
    const december = (await app.inject('/api/deals/nchet-2002-1/distributions')).json().at(-1);
    expect(result.classes.map((c) => c.name)).toEqual(['A', 'M-1', 'M-2', 'M-3', 'M-4']);
    const a = result.classes[0]!;
    expect(a.startBalance).toBe(december.classBalances.A); // class A after December 2002
    expect(a.principal).toBe(a.startBalance); // paid in full by the clean-up call, no losses
    expect(a.wal).toBeGreaterThan(0);
    expect(a.yield).toBeGreaterThan(0.01);
    expect(result.periods[0]!.date).toBe('2003-01-27');
    // Junior classes break first: breakeven CDRs fall from M-1 to M-4.
    const cdr = (name: string) => result.breakevens.find((b) => b.class === name)!.cdr!;
    expect(cdr('M-1')).toBeGreaterThan(cdr('M-2'));
    expect(cdr('M-2')).toBeGreaterThan(cdr('M-4'));

    const csv = await app.inject(`/api/jobs/${job.id}/download?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="nchet-2002-1-projection-.*\.csv"$/,
    );
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toMatch(/^date,pool_balance,excess_cashflow,A_interest,A_principal/);
    expect(lines).toHaveLength(result.periods.length + 1);
    const xlsx = await app.inject(`/api/jobs/${job.id}/download?format=xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Class summary', 'Cash flows']);
    expect(book.getWorksheet('Class summary')!.getRow(2).getCell(2).value).toBe(
      a.startBalance / 100,
    );
  });

  it('422 INVALID_SCENARIO naming the field, before any job starts', async () => {
    const app = await testApp();
    const body = expectProblem(
      await app.inject({
        method: 'POST',
        url: PROJECTIONS,
        payload: { scenario: { prepayment: { cpr: 250 } } },
      }),
      422,
      'INVALID_SCENARIO',
    );
    expect(body.details[0]).toMatchObject({ field: 'scenario.prepayment.cpr' });
    expectProblem(
      await app.inject({ method: 'POST', url: PROJECTIONS, payload: { scenario: { cdrr: 2 } } }),
      422,
      'INVALID_SCENARIO',
    );
    const files = expectProblem(
      await app.inject({
        method: 'POST',
        url: PROJECTIONS,
        payload: { scenario: { actuals: ['/etc/passwd'] } },
      }),
      422,
      'INVALID_SCENARIO',
    );
    expect(files.details[0]).toMatchObject({ field: 'scenario.actuals' });
  });

  it('422 for a body without a scenario, 400 MALFORMED_REQUEST for malformed JSON, 404 for an unknown deal', async () => {
    const app = await testApp();
    expectProblem(
      await app.inject({ method: 'POST', url: PROJECTIONS, payload: {} }),
      422,
      'INVALID_INPUT',
    );
    expectProblem(
      await app.inject({ method: 'POST', url: PROJECTIONS, payload: { scenario: 'fast' } }),
      422,
      'INVALID_INPUT',
    );
    expectProblem(
      await app.inject({ method: 'POST', url: PROJECTIONS, payload: { scenario: {}, extra: 1 } }),
      422,
      'INVALID_INPUT',
    );
    expectProblem(
      await app.inject({
        method: 'POST',
        url: PROJECTIONS,
        headers: { 'content-type': 'application/json' },
        payload: '{"scenario": ',
      }),
      400,
      'MALFORMED_REQUEST',
    );
    expectProblem(
      await app.inject({
        method: 'POST',
        url: '/api/deals/nope/projections',
        payload: { scenario: SCENARIO },
      }),
      404,
      'UNKNOWN_DEAL',
    );
  });
});

describe('POST /api/deals/:dealId/scenario-grids', () => {
  it('runs every combination with progress counted in scenarios', async () => {
    const app = await testApp();
    const grid = {
      base: { severity: 40, cleanUpCall: true },
      vary: { 'prepayment.cpr': [10, 30], 'default.cdr': [0, 5] },
    };
    const res = await app.inject({ method: 'POST', url: GRIDS, payload: { grid } });
    expect(res.statusCode).toBe(202);
    expect((res.json() as JobBody).progress.total).toBe(4);
    const done = (await waitFor(app, (res.json() as JobBody).id)).at(-1)!;
    expect(done.status).toBe('done');
    expect(done.result).toEqual({ href: `/api/jobs/${done.id}/result`, count: 4 });
    type Page = {
      total: number;
      offset: number;
      next: string | null;
      asOf: string;
      rows: { index: number; name: string; classes: { name: string; wal: number }[] }[];
    };
    // A page at a time: three rows, then the last one by the next link.
    const first = (await app.inject(`/api/jobs/${done.id}/result?limit=3`)).json() as Page;
    expect(first).toMatchObject({ total: 4, offset: 0, asOf: '2002-12-26' });
    expect(first.rows.map((r) => r.index)).toEqual([0, 1, 2]);
    expect(first.next).toBe(`/api/jobs/${done.id}/result?offset=3&limit=3`);
    const last = (await app.inject(first.next!)).json() as Page;
    expect(last).toMatchObject({ total: 4, offset: 3, next: null });
    const rows = [...first.rows, ...last.rows];
    expect(rows.map((r) => r.name)).toEqual([
      'prepayment.cpr=10 default.cdr=0',
      'prepayment.cpr=10 default.cdr=5',
      'prepayment.cpr=30 default.cdr=0',
      'prepayment.cpr=30 default.cdr=5',
    ]);
    // Faster prepayments shorten class A.
    expect(rows[2]!.classes[0]!.wal).toBeLessThan(rows[0]!.classes[0]!.wal);
    const csv = await app.inject(`/api/jobs/${done.id}/download`);
    expect(csv.body.split('\n')[0]).toBe(
      'scenario,name,class,wal_years,yield,writedown,assumptions',
    );
  });

  it('422 INVALID_SCENARIO for a malformed grid', async () => {
    const app = await testApp();
    expectProblem(
      await app.inject({
        method: 'POST',
        url: GRIDS,
        payload: { grid: { vary: { 'prepayment.cpr': [10, 500] } } },
      }),
      422,
      'INVALID_SCENARIO',
    );
    expectProblem(
      await app.inject({ method: 'POST', url: GRIDS, payload: { grid: { vary: 3 } } }),
      422,
      'INVALID_SCENARIO',
    );
  });
});

describe('GET /api/jobs/:jobId', () => {
  it('404 for an unknown job, 422 for a malformed id', async () => {
    const app = await testApp();
    expectProblem(
      await app.inject('/api/jobs/00000000-0000-0000-0000-000000000000'),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await app.inject('/api/jobs/00000000-0000-0000-0000-000000000000/download'),
      404,
      'NOT_FOUND',
    );
    expectProblem(await app.inject('/api/jobs/xyz'), 422, 'INVALID_INPUT');
  });

  it('409 JOB_NOT_DONE for the download of a running job; 422 for an unknown format', async () => {
    const app = await testApp();
    const res = await app.inject({
      method: 'POST',
      url: PROJECTIONS,
      payload: { scenario: SCENARIO, breakevens: true },
    });
    const id = (res.json() as JobBody).id;
    expectProblem(await app.inject(`/api/jobs/${id}/download`), 409, 'JOB_NOT_DONE');
    expectProblem(await app.inject(`/api/jobs/${id}/download?format=pdf`), 422, 'INVALID_INPUT');
    await waitFor(app, id);
  });
});
