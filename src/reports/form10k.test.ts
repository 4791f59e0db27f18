import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cents } from '../money/cents.ts';
import { plainDate } from '../money/plainDate.ts';
import { renderAnnualSummary, renderForm10K } from './index.ts';
import {
  applyDifferences,
  form10kDifferences,
  form10kFigureDifferences,
} from './seedDifferences.ts';
import { seedsDirectory, syntheticYear } from './testFixtures.ts';

const seed = applyDifferences(
  readFileSync(join(seedsDirectory, '10-K_2002_annual-report.txt'), 'utf8'),
  form10kDifferences,
);
const { deal, distributions, nextIndexRate } = syntheticYear();
// The seed's December REO list, so that section has the same rows.
const newReoLoans = [
  { loan: '532002', unpaidPrincipal: cents(42199900), statedPrincipal: cents(42199900) },
  { loan: '542639', unpaidPrincipal: cents(43313800), statedPrincipal: cents(43313800) },
];
const text = renderForm10K(deal, distributions, nextIndexRate, { newReoLoans });

/** A line's layout: words where they start, figures where they end (figures differ by year). */
function shape(line: string): string {
  return [...line.matchAll(/\S+(?: \S+)*/g)]
    .flatMap((m) =>
      m[0].split(/(?<=\S) (?=\S)/).map((word, i, words) => {
        const start = (m.index ?? 0) + words.slice(0, i).reduce((a, w) => a + w.length + 1, 0);
        return /^-?[\d,]*\.?\d+%?$/.test(word) ? `#@${start + word.length}` : `${word}@${start}`;
      }),
    )
    .join(' ');
}

const between = (s: string, from: string, to: string): string[] =>
  s.slice(s.indexOf(from), s.indexOf(to)).split('\n');

describe('Form 10-K for a synthetic 2002', () => {
  it('prints the cover, Items 1-14, signatures, certification, index and 99.1 heading as the 2002 10-K', () => {
    const cut = (s: string) => s.slice(0, s.indexOf('STATEMENT TO CERTIFICATEHOLDERS'));
    expect(cut(text)).toBe(cut(seed));
  });

  it("lays out Exhibit 99.1 with the seed's lines and columns, figure for figure", () => {
    const ours = between(text, 'STATEMENT TO CERTIFICATEHOLDERS', 'EXHIBIT 99.2');
    const theirs = between(seed, 'STATEMENT TO CERTIFICATEHOLDERS', 'EXHIBIT 99.2');
    expect(ours.map(shape)).toEqual(theirs.map(shape));
  });

  it('prints the annual sums rounded to whole dollars', () => {
    const model = JSON.parse(renderAnnualSummary(deal, distributions, nextIndexRate, 'json'));
    const a = model.certificates.rows[0];
    const whole = (c: number) => Math.floor((c + 50) / 100).toLocaleString('en-US');
    expect(text).toMatch(
      new RegExp(
        `^A +160,901,000 +${whole(a.principal.cents)} +0 +${whole(a.endingBalance.cents)}$`,
        'm',
      ),
    );
    expect(text).toMatch(
      new RegExp(
        `^Net Monthly Excess Cash Flow +${whole(model.performance.netMonthlyExcessCashflow.cents)}$`,
        'm',
      ),
    );
    expect(text).toContain(`MASTER SERVICER COMPENSATION${' '.repeat(10)}`);
    expect(text).toMatch(/^A {7}64352VCC3 .* 1\.70000% {6}1\.74000%$/m);
  });

  it("prints Exhibits 99.2-99.4 from the servicer's documents the deal names, as the seed has them", () => {
    // Blank lines between exhibits and a tab before one heading aside, the seed's text.
    const exhibits = (s: string) =>
      s
        .slice(s.indexOf('EXHIBIT 99.2 -- '))
        .split('\n')
        .map((l) => (/EXHIBIT 99\.\d -- /.test(l) ? l.trim() : l))
        .filter((l) => l.trim() !== '');
    expect(exhibits(text)).toEqual(exhibits(seed));
    expect(deal.file.servicerDocuments?.['2002']?.statementOfCompliance).toBe(
      'nchet-2002-1/servicer/2002/statement-of-compliance.txt',
    );
  });

  it('names Exhibits 99.2-99.4 as filed separately by the Master Servicer for a year without them', () => {
    const file = { ...deal.file, servicerDocuments: {} };
    const other = renderForm10K({ ...deal, file }, distributions, nextIndexRate, { newReoLoans });
    for (const n of ['99.2', '99.3', '99.4']) expect(other).toContain(`       EXHIBIT ${n} -- `);
    expect(
      other.match(/is filed separately by the Master Servicer, Ocwen Federal Bank FSB\./g),
    ).toHaveLength(3);
    expect(other).not.toContain('Scott W. Anderson');
  });

  it('takes holders of record, signer and dates as inputs; without defaults it names what is missing', () => {
    const custom = renderForm10K(deal, distributions, nextIndexRate, {
      holdersOfRecord: { A: 9, 'M-1': 4, 'M-2': 4, 'M-3': 3, 'M-4': 2, CE: 1, P: 1 },
      signer: { name: 'Jane Roe', title: 'Senior Vice President' },
      signedOn: plainDate('2003-03-28'),
    });
    expect(custom).toContain('      Series 2002-1 Class A                    9');
    expect(custom).toContain('      /s/    Jane Roe');
    expect(custom).toContain('Date:  March 28, 2003');
    expect(() =>
      renderForm10K(deal, distributions, nextIndexRate, { holdersOfRecord: { A: 1 } }),
    ).toThrow(/holdersOfRecord\.M-1/);
    const wrongYear = distributions.map((d) => ({
      ...d,
      distributionDate: plainDate(d.distributionDate.replace('2002', '2031')),
    }));
    expect(() => renderForm10K(deal, wrongYear, nextIndexRate)).toThrow(/signedOn/);
  });
});

describe("the 10-K's own inconsistent figures (seedDifferences.ts)", () => {
  const raw = readFileSync(join(seedsDirectory, '10-K_2002_annual-report.txt'), 'utf8');
  const figure = (label: string) =>
    Number(
      raw
        .split('\n')
        .find((l) => l.includes(label))!
        .trim()
        .split(/\s+/)
        .at(-1)!
        .replace(/[,%]/g, ''),
    );

  it('lists figures the seed prints, each on its line', () => {
    for (const d of form10kFigureDifferences) {
      const line = raw.split('\n').find((l) => l.includes(d.label));
      expect(line, d.label).toContain(d.figure.replace('%', ''));
    }
  });

  it('shows the arithmetic: the loss severity and the excess cashflow contradict the 10-K', () => {
    const losses = figure('Total Realized Losses');
    const proceeds = figure('Liquidation Proceeds');
    expect(((losses / (losses + proceeds)) * 100).toFixed(3)).toBe('41.863');
    expect(figure('AGGREGATE  LOSS  SEVERITY')).toBe(41.932);
    const ce = 9_183_175;
    expect(raw).toMatch(/^CE +6435299A0 +9,183,175 /m);
    expect(ce + losses).toBe(9_310_151);
    expect(figure('Net Monthly Excess Cash Flow')).toBe(9_311_114);
  });
});
