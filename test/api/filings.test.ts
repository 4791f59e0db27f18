import { describe, expect, it } from 'vitest';
import { APRIL, expectProblem, testApp } from './testApp.ts';

describe('GET .../8k', () => {
  it('the Form 8-K around the statement, as text', async () => {
    const res = await (await testApp()).inject(`${APRIL}/8k?download=true`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="nchet-2002-1-8k-2002-04-25.txt"',
    );
    expect(res.body).toContain('Form 8-K');
    expect(res.body).toContain('STATEMENT TO CERTIFICATEHOLDERS');
    expect(res.body).toContain('306,573.50');
    expect(res.body).toContain('SIGNATURES');
  });

  it('404 for a date with no distribution', async () => {
    expectProblem(
      await (await testApp()).inject('/api/deals/nchet-2002-1/distributions/2003-07-25/8k'),
      404,
      'NO_DISTRIBUTION',
    );
  });
});

describe('GET .../closing/8k', () => {
  it("the deal's closing Form 8-K, as text", async () => {
    const app = await testApp();
    const res = await app.inject('/api/deals/nchet-2002-1/closing/8k?download=true');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="nchet-2002-1-8k-closing.txt"',
    );
    expect(res.body).toContain('Date of Report (Date of earliest event reported): March 18, 2002');
    expect(res.body).toContain('$198,644,095.79');
    expectProblem(await app.inject('/api/deals/nope/closing/8k'), 404, 'UNKNOWN_DEAL');
  });
});

describe('GET .../annual/:year/10k', () => {
  it("the Form 10-K of the year's closed dates", async () => {
    const res = await (await testApp()).inject('/api/deals/nchet-2002-1/annual/2002/10k');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('FORM 10-K');
    expect(res.body).toContain('DECEMBER 31, 2002');
    // M-1..M-4's 2002 interest as the 10-K gives it (their balances never change).
    for (const figure of ['271,069', '307,096', '301,297', '17,335'])
      expect(res.body).toContain(figure);
    // Ten dates from the closing: the year starts at the cut-off pool, 588 loans.
    expect(res.body).toMatch(/Number of Loans\s+588\s+\d{3}\n/);
  });

  it('404 for a year with no closed date, 422 for what is not a year', async () => {
    const app = await testApp();
    const body = expectProblem(
      await app.inject('/api/deals/nchet-2002-1/annual/2003/10k'),
      404,
      'NO_DISTRIBUTION',
    );
    expect(body.details[0]).toMatchObject({ field: 'year', expected: 'one of 2002' });
    expectProblem(await app.inject('/api/deals/nchet-2002-1/annual/two/10k'), 422, 'INVALID_INPUT');
    expectProblem(
      await app.inject('/api/deals/nchet-2002-1/annual/1066/10k'),
      422,
      'INVALID_INPUT',
    );
  });
});

describe('GET .../remittance', () => {
  it('the totals the date was run from, and where they came from', async () => {
    const res = await (await testApp()).inject(`${APRIL}/remittance`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.source).toBe('deals/nchet-2002-1/periods/2002-04-25.json');
    expect(r.period).toMatchObject({
      interestCollected: 1_429_737_83,
      curtailments: 17_428_00,
      endingLoanCount: 586,
    });
    expect(r.period.delinquency.days30to59.count).toBe(8);
  });

  it("a servicer report's date: the report's totals and its loan-level rows", async () => {
    const res = await (
      await testApp()
    ).inject('/api/deals/nchet-2002-1/distributions/2002-05-28/remittance');
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.source).toBe('deals/nchet-2002-1/remittances/2002-05-28.csv');
    // It starts from the pool after the seed's April (deals/nchet-2002-1/tape-2002-04-25.csv).
    expect(r.period).toMatchObject({
      beginningPoolBalance: 197_974_200_82,
      beginningLoanCount: 586,
    });
    expect(r.rows).toHaveLength(586);
    const march = (
      await (await testApp()).inject('/api/deals/nchet-2002-1/distributions/2002-03-25/remittance')
    ).json();
    expect(march.source).toBe('deals/nchet-2002-1/periods/2002-03-25.json');
    expect(march.rows).toEqual([]);
  });

  it('404 for a date with no distribution', async () => {
    expectProblem(
      await (await testApp()).inject('/api/deals/nchet-2002-1/distributions/2003-03-25/remittance'),
      404,
      'NO_DISTRIBUTION',
    );
  });
});
