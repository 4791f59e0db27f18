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

/**
 * A figure of the 2002 10-K that no year can reproduce because the 10-K's own figures
 * contradict it: the figure, the figures it contradicts, and the arithmetic.
 */
export interface SeedFigureDifference {
  readonly figure: string;
  readonly label: string;
  readonly arithmetic: string;
}

/**
 * Figures of the 2002 10-K (Exhibit 99.1) inconsistent with the 10-K itself. `figures.py` on
 * the 10-K trustee prints misses them whatever the year's reports are.
 */
export const form10kFigureDifferences: readonly SeedFigureDifference[] = [
  {
    figure: '41.932%',
    label: 'AGGREGATE  LOSS  SEVERITY  %',
    arithmetic:
      'realized losses / (losses + liquidation proceeds) = 126,976 / (126,976 + 176,340) = ' +
      '41.863%; 41.932% would need proceeds of 175,838 (126,976 / 0.41932 - 126,976), not the ' +
      '176,340 printed.',
  },
  {
    figure: '9,311,114',
    label: 'Net Monthly Excess Cash Flow',
    arithmetic:
      'the excess cashflow goes to extra principal and to CE: with the OC at its target all year ' +
      '(CE 3,972,996 at both ends, no OC increase or reduction) the extra principal is the ' +
      'realized losses, 126,976, and CE received 9,183,175: 9,310,151, not 9,311,114 (963 apart).',
  },
  {
    figure: '794,704.30',
    label: 'MASTER SERVICER COMPENSATION',
    arithmetic:
      'the fee is 0.50% / 12 of each beginning pool (April: 82,547.02, checked): with March ' +
      '82,768.37 and April 82,547.02 the eight May-December beginning pools add up to 1,510,533,384 ' +
      '(to $12). Class A is the pool less 37,743,095.79 (M-1..M-4, the OC at target, P), its ' +
      "May-December interest the sum of each month's balance x (LIBOR + 0.32%) x days / 360: " +
      'with the May pool 197,974,200.82 fixed, the pool falling to no less than 172,244,554.16 and ' +
      'that sum, the most any path gives is 2,159,996.02 (the fall after September), so class A ' +
      'earns at most 261,866.38 + 306,573.50 + 2,159,996.02 = 2,728,435.90 in 2002, not the ' +
      '2,728,936.47 its per-$1,000 figure 16.960345 states. The two figures cannot both hold ' +
      '(unless the compensation is net of compensating interest, which the seeds do not say); ' +
      'the derived year keeps class A and CE.',
  },
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
