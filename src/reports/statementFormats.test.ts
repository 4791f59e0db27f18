import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderStatement } from './index.ts';
import { aprilDistribution } from './testFixtures.ts';

const { deal, distribution } = aprilDistribution();

interface Amount {
  cents: number;
  dollars: string;
}

describe('statement JSON', () => {
  const json = JSON.parse(renderStatement(deal, distribution, 'json'));
  const row = (name: string) =>
    json.certificates.rows.find((r: { class: string }) => r.class === name);

  it('gives every amount as cents and as formatted dollars', () => {
    expect(row('A').interest).toEqual({ cents: 30657350, dollars: '306,573.50' });
    expect(['M-1', 'M-2', 'M-3', 'M-4'].map((c) => (row(c).interest as Amount).dollars)).toEqual([
      '28,864.88',
      '32,460.36',
      '31,685.88',
      '1,818.88',
    ]);
    expect(row('CE').interest).toEqual({ cents: 94298071, dollars: '942,980.71' });
    expect(row('A').principal.dollars).toBe('138,643.32');
    expect(json.performance.requiredOvercollateralization).toEqual({
      cents: 397299579,
      dollars: '3,972,995.79',
    });
    expect(json.performance.netMonthlyExcessCashflow.dollars).toBe('942,980.71');
    expect(json.interestDistribution.rows.at(-1)).toEqual({
      class: 'CE',
      interestDistribution: { cents: 94298071, dollars: '942,980.71' },
      carryForward: null,
    });
  });

  it('keeps ratios and counts as numbers', () => {
    const a = json.amountsPer1000.rows.find((r: { class: string }) => r.class === 'A');
    expect([a.principal, a.interest, a.endingBalance]).toEqual([0.861668, 1.905355, 995.836602]);
    expect(json.certificateFactors.rows.at(-1)).toEqual({ class: 'CE', factor: 0.996628 });
    expect(json.loans.endingCount).toBe(586);
    expect((json.performance.creditEnhancementPercentage * 100).toFixed(3)).toBe('19.065');
    expect((json.performance.delinquencyPercentage * 100).toFixed(3)).toBe('0.189');
  });

  it('carries the distribution trace as the audit trail', () => {
    expect(json.trace).toEqual(JSON.parse(JSON.stringify(distribution.trace)));
    expect(
      json.trace.some(
        (t: { to?: string; amount?: number }) => t.to === 'A' && t.amount === 30657350,
      ),
    ).toBe(true);
  });
});

describe('statement CSV', () => {
  const rows = parse(renderStatement(deal, distribution, 'csv')) as string[][];
  const value = (section: string, row: string, column: string) =>
    rows.filter((r) => r[0] === section && r[1] === row && r[2] === column).map((r) => r[3]);

  it('has one row per figure: section, row, column, value', () => {
    expect(rows[0]).toEqual(['section', 'row', 'column', 'value']);
    expect(rows.every((r) => r.length === 4)).toBe(true);
    const keys = rows.slice(1).map((r) => r.slice(0, 3).join('|'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives amounts as dollars with cents, ratios as decimals, NA and YES/NO', () => {
    expect(value('certificates', 'A', 'interest')).toEqual(['306573.50']);
    expect(value('certificates', 'CE', 'interest')).toEqual(['942980.71']);
    expect(value('certificates', 'P', 'passThroughRate')).toEqual(['NA']);
    expect(value('certificates', 'total', 'interest')).toEqual(['1344384.21']);
    expect(value('amountsPer1000', 'A', 'endingBalance')).toEqual(['995.836602']);
    expect(value('delinquency', 'foreclosure', 'statedPrincipal')).toEqual(['374572.00']);
    expect(value('delinquency', '', 'reoBookValue')).toEqual(['0.00']);
    expect(value('performance', '', 'stepdownOccurred')).toEqual(['NO']);
    expect(value('performance', '', 'requiredOvercollateralization')).toEqual(['3972995.79']);
    expect(value('interestDistribution', 'CE', 'carryForward')).toEqual(['NA']);
    expect(value('statement', '', 'distributionDate')).toEqual(['2002-04-25']);
  });
});
