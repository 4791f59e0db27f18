import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TrusteeError } from '../errors/catalogue.ts';
import { builtInDealIds, dealsDirectory, resolveDeal } from './builtIn.ts';
import { loadDeal } from './loadDeal.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a deal file as parsed JSON, edited freely by the tests
const raw = (): Record<string, any> =>
  JSON.parse(readFileSync(`${dealsDirectory}nchet-2002-1.json`, 'utf8'));

function problems(json: unknown): TrusteeError {
  try {
    loadDeal(json, 'bad-deal.json');
  } catch (error) {
    if (error instanceof TrusteeError) return error;
    throw error;
  }
  throw new Error('expected the deal to be refused');
}

describe('deal files', () => {
  it('ship six built-in deals that load', () => {
    expect(builtInDealIds()).toEqual([
      'example-2002-groups',
      'example-2003-6m',
      'example-2004-fixed',
      'example-2004-groups-swap',
      'example-2004-swap',
      'nchet-2002-1',
    ]);
    const deal = resolveDeal('nchet-2002-1');
    expect(deal.cutoffBalance).toBe(19864409579);
    expect(deal.overcollateralization.initialTarget).toBe(397299579);
    expect(deal.overcollateralization.floor).toBe(99322048);
    expect(deal.cleanUpCallBalance).toBe(1986440958);
    expect(deal.interestBearingClasses.map((c) => c.name)).toEqual([
      'A',
      'M-1',
      'M-2',
      'M-3',
      'M-4',
    ]);
    expect(resolveDeal('example-2003-6m').interestBearingClasses).toHaveLength(7);
  });
  it('mark every unconfirmed term as assumed', () => {
    const paths = resolveDeal('nchet-2002-1').file.assumptions.map((a) => a.path);
    for (const term of [
      'fees.trustee.rate',
      'stepdown',
      'overcollateralization.floor',
      'triggers',
      'cleanUpCall.poolFraction',
    ])
      expect(paths).toContain(term);
  });
  it('refuse a missing field, naming the file and the path', () => {
    const json = raw();
    delete json.classes['M-1'].margin;
    const e = problems(json);
    expect(e.code).toBe('INVALID_DEAL');
    expect(e.details[0]).toMatchObject({ file: 'bad-deal.json', field: 'classes.M-1.margin' });
  });
  it('refuse an unknown class in the waterfall, listing the classes expected', () => {
    const json = raw();
    json.waterfall.excess[1].classes = ['M-1', 'M-5'];
    const e = problems(json);
    expect(e.code).toBe('UNKNOWN_CLASS');
    expect(e.details[0]?.field).toBe('waterfall.excess[1].classes');
    expect(e.details[0]?.expected).toMatch(/A, M-1, M-2/);
  });
  it('refuse a negative or malformed balance, and balances that do not add up to the pool', () => {
    const json = raw();
    json.classes.A.originalBalance = '-5.00';
    expect(problems(json).details.some((d) => d.field === 'classes.*.originalBalance')).toBe(true);
    const wrong = raw();
    wrong.classes.A.originalBalance = '160901000.01';
    expect(problems(wrong).details[0]?.expected).toMatch(/cut-off pool balance 198644095.79/);
  });
  it('report every problem at once', () => {
    const json = raw();
    json.lossAllocation = ['M-9'];
    json.stepdown.seniorClass = 'Z';
    expect(problems(json).details).toHaveLength(2);
  });
  it('refuse an unknown deal id with the list of built-in deals', () => {
    expect(() => resolveDeal('nope')).toThrow(TrusteeError);
  });
});

describe('the structure of the priorities of payment', () => {
  it('refuses an empty priority, naming what it must pay', () => {
    const deal = raw();
    deal.waterfall.interest = [];
    const error = problems(deal);
    expect(error.code).toBe('INVALID_DEAL');
    const fields = error.details.map((d) => d.field);
    expect(fields).toContain('waterfall.interest');
    // With no interest step, no fee and no class's current interest is paid: each is listed.
    expect(fields).toEqual(
      expect.arrayContaining(['fees.servicing', 'fees.trustee', 'classes.A', 'classes.M-4']),
    );
  });
  it('refuses excess cashflow that never reaches a remainder', () => {
    const deal = raw();
    deal.waterfall.excess = deal.waterfall.excess.filter(
      (s: { kind: string }) => s.kind !== 'remainder',
    );
    const error = problems(deal);
    expect(error.details.map((d) => d.field)).toEqual([
      'waterfall.excess',
      'classes.CE',
      'classes.R',
    ]);
  });
  it('refuses a class no step pays', () => {
    const deal = raw();
    deal.waterfall.principal[0].classes = ['A', 'M-1', 'M-2', 'M-4', 'P'];
    deal.waterfall.interest = deal.waterfall.interest.filter(
      (s: { classes?: string[] }) => !s.classes?.includes('M-2'),
    );
    const error = problems(deal);
    expect(error.details).toEqual([
      expect.objectContaining({
        file: 'bad-deal.json',
        field: 'classes.M-2',
        message: 'no step pays class M-2 its current interest',
      }),
      expect.objectContaining({
        field: 'classes.M-3',
        message: 'no step pays class M-3 its principal',
      }),
    ]);
  });
  it('lists unknown keys with the schema problems, all at once', () => {
    const deal = raw();
    deal.classes['M-3'].margn = deal.classes['M-3'].margin;
    delete deal.classes['M-3'].margin;
    deal.dates.firstDistributon = '2002-04-25';
    const error = problems(deal);
    expect(error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'classes.M-3.margn',
          expected: 'a known field (did you mean "margin"?)',
        }),
        expect.objectContaining({ field: 'classes.M-3.margin' }),
        expect.objectContaining({
          field: 'dates.firstDistributon',
          expected: 'a known field (did you mean "firstDistribution"?)',
        }),
      ]),
    );
  });
});
