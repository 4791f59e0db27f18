/**
 * Where trustee's filings differ from the seeds on purpose: the seeds' typos and slips, which
 * we do not reproduce. Each entry is the seed's text, ours, and why. The golden tests apply
 * these to the seed and then expect our output to equal it line for line; nothing else differs.
 */
export interface SeedDifference {
  readonly seed: string;
  readonly ours: string;
  readonly why: string;
}

export const form8kDifferences: readonly SeedDifference[] = [
  {
    seed: 'New Century Home Equity Loan Turst, Series 2002-1',
    ours: 'New Century Home Equity Loan Trust, Series 2002-1',
    why: 'typo "Turst"',
  },
  {
    seed: '25-Mar-02       The Monthly Report is filed pursuant',
    ours: '25-Apr-02       The Monthly Report is filed pursuant',
    why: 'Item 5 names the previous distribution date; the report filed (Exhibit 1) is dated 25-Apr-02',
  },
  {
    seed: 'IO                      0.000000       1000.000000',
    ours: 'M-4                     0.000000       1000.000000',
    why: 'the per-$1,000 row labelled IO is class M-4',
  },
  { seed: 'Determiniation Date.', ours: 'Determination Date.', why: 'typo' },
];

export const form10kDifferences: readonly SeedDifference[] = [
  {
    seed: [
      'required to be filed by Section 13 or 15(d) of the Securities Act of 1934',
      'during the preceding 12 months (or for such shorter period that the registrant',
      'was required to file such reports), and (2) has been subject to such filing',
      'requirements for the past 90 days.',
    ].join('\n'),
    ours: [
      'required to be filed by Section 13 or 15(d) of the Securities Exchange Act of',
      '1934 during the preceding 12 months (or for such shorter period that the',
      'registrant was required to file such reports), and (2) has been subject to',
      'such filing requirements for the past 90 days.',
    ].join('\n'),
    why: 'the form cites the Securities Exchange Act of 1934, not the Securities Act',
  },
  {
    seed: 'Item 9. Changes in and Disagreements with Accountants on Accounting and\n\n',
    ours: 'Item 9. Changes in and Disagreements with Accountants on Accounting and\n      Financial Disclosure.\n\n',
    why: 'the seed cuts the item title short',
  },
  {
    seed: '\t\t     99.4  Management Assertion on USAP',
    ours: '                 99.4  Management Assertion on USAP',
    why: 'a tab misaligns 99.4 under 99.1-99.3',
  },
  {
    seed: [
      '      March 25, 2002; April 25,2002;  May 28, 2002; June 25, 2002;',
      '      July 25, 2002; August 26, 2002;  September 25, 2002;',
      "       October 25, 2002; 'November 25, 2002;  December 26, 2002",
    ].join('\n'),
    ours: [
      '      March 25, 2002; April 25, 2002; May 28, 2002; June 25, 2002;',
      '      July 25, 2002; August 26, 2002; September 25, 2002;',
      '      October 25, 2002; November 25, 2002; December 26, 2002',
    ].join('\n'),
    why: 'stray spaces and a stray quote in the list of 8-K dates',
  },
  { seed: '\tKevin Cloyd', ours: '        Kevin Cloyd', why: 'tab' },
  { seed: 'Compancy:', ours: 'Company:', why: 'typo' },
  { seed: '\tTitle: Executive', ours: '        Title: Executive', why: 'tab' },
  { seed: 'Exhibit NumberDescription', ours: 'Exhibit Number  Description', why: 'missing space' },
  {
    seed: 'Mortage Loan Characteristics                       Beginning',
    ours: 'Mortgage Loan Characteristics                      Beginning',
    why: 'typo (the columns stay where they were)',
  },
  { seed: 'Determiniation Date.', ours: 'Determination Date.', why: 'typo' },
];

/**
 * The closing 8-K (seed of March 18, 2002) against `trustee closing`: its words, where they
 * contradict themselves. Every figure of the seed is printed (figures.py: 34 of 34).
 */
export const closing8kDifferences: readonly SeedDifference[] = [
  {
    seed: 'ten classes of certificates',
    ours: 'eight classes of certificates',
    why: 'the seed designates eight classes (A, M-1..M-4, CE, P, R) and calls them ten',
  },
  {
    seed: '$198,644,095.79. as of',
    ours: '$198,644,095.79 as of',
    why: 'stray period',
  },
  { seed: 'NEW CENTURYMORTGAGE', ours: 'NEW CENTURY MORTGAGE', why: 'missing space' },
];

/** The seed's text with the listed differences applied: what trustee prints. */
export function applyDifferences(seed: string, differences: readonly SeedDifference[]): string {
  let text = seed;
  for (const d of differences) {
    if (!text.includes(d.seed))
      throw new Error(`the seed no longer contains ${JSON.stringify(d.seed)}`);
    text = text.replace(d.seed, d.ours);
  }
  return text;
}
