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
      await (await testApp()).inject('/api/deals/nchet-2002-1/distributions/2002-07-25/8k'),
      404,
      'NO_DISTRIBUTION',
    );
  });
});

describe('GET .../annual/:year/10k', () => {
  it("the Form 10-K of the year's closed dates", async () => {
    const res = await (await testApp()).inject('/api/deals/nchet-2002-1/annual/2002/10k');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('FORM 10-K');
    expect(res.body).toContain('DECEMBER 31, 2002');
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

  it('404 for a date with no distribution', async () => {
    expectProblem(
      await (await testApp()).inject('/api/deals/nchet-2002-1/distributions/2002-03-25/remittance'),
      404,
      'NO_DISTRIBUTION',
    );
  });
});
