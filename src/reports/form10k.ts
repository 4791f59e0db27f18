import type { Deal } from '../deal/deal.ts';
import { servicerDocuments, type ServicerDocuments } from '../deal/servicerDocuments.ts';
import { TrusteeError } from '../errors/catalogue.ts';
import { formatLong } from '../money/plainDate.ts';
import type { AnnualReportFacts } from './annualReportDefaults.ts';
import { annualSummaryText } from './annualSummaryText.ts';
import type { AnnualSummaryModel } from './annualTypes.ts';
import { count } from './format.ts';
import { left, line, right } from './layout.ts';
import { form10kCertification } from './form10kCertification.ts';

/** "March 25, 2002; April 25, 2002; ..." wrapped to the 10-K's width, indented 6. */
function reportDates(model: AnnualSummaryModel): string[] {
  const items = model.summary.distributionDates.map(
    (d, i, all) => `${formatLong(d)}${i < all.length - 1 ? ';' : ''}`,
  );
  const lines: string[] = [];
  let current = '';
  for (const item of items) {
    if (current && current.length + 1 + item.length > 62) {
      lines.push(`      ${current}`);
      current = item;
    } else current = current ? `${current} ${item}` : item;
  }
  if (current) lines.push(`      ${current}`);
  return lines;
}

function holders(deal: Deal, model: AnnualSummaryModel, facts: AnnualReportFacts): string[] {
  const classes = deal.classes.filter((c) => c.kind !== 'residual');
  const missing = classes.filter((c) => facts.holdersOfRecord[c.name] === undefined);
  if (missing.length > 0) {
    throw new TrusteeError('INVALID_INPUT', 'holders of record are missing for some classes', [
      ...missing.map((c) => ({
        field: `holdersOfRecord.${c.name}`,
        message: `no number of holders of record for class ${c.name}`,
        expected: 'a whole number',
      })),
    ]);
  }
  return classes.map((c) =>
    line(
      left(6, `Series ${model.summary.series} Class ${c.name}`),
      right(48, count(facts.holdersOfRecord[c.name] ?? 0)),
    ),
  );
}

/** Cover page and Items 1-14 in the layout of the 2002 Form 10-K. */
function coverAndItems(deal: Deal, model: AnnualSummaryModel, facts: AnnualReportFacts): string[] {
  const r = deal.file.registrant;
  const s = model.summary;
  const address = r.address.slice(0, -1);
  const phone = r.telephone.replace(/^\((\d{3})\)\s*/, '$1-');
  return [
    'SECURITIES AND EXCHANGE COMMISSION',
    '                          Washington, D.C.  20549',
    '',
    '                                  FORM 10-K',
    '',
    '',
    '',
    '                    Pursuant to Section 13 or 15(d) of the',
    '                        Securities Exchange Act of 1934',
    '',
    '',
    '(Mark One)',
    '[ x] Annual Report Pursuant to Section 13 or 15(d) of the Securities',
    'Exchange Act of 1934',
    `For the fiscal year ended ${formatLong(s.periodEnd).toUpperCase()}`,
    '',
    ' or',
    '',
    '[    ] Transition Report Pursuant to Section 13 or 15d of the Securities',
    'Exchange Act of 1934',
    'For the transition period from _____________  to ________',
    '',
    `Commission file Number   ${r.commissionFileNumber}`,
    '',
    r.depositor,
    '(Exact name of registrant as specified in its charter)',
    '',
    line(left(0, r.state), left(34, r.irsEmployerId)),
    '(State or other jurisdiction      (I.R.S. Employer',
    'of incorporation or organization)  Identification No.)',
    '',
    ...address,
    line(left(0, r.address[r.address.length - 1] ?? ''), left(57, r.zip)),
    '(Address of Principal Executive Offices)         (Zip Code)',
    '',
    line(left(0, "Registrant's telephone number, including area code:"), left(62, phone)),
    '',
    s.trustName,
    `${s.certificatesTitle} Series ${s.series}`,
    '(Title of each class of securities covered by this Form)',
    '',
    'Securities registered pursuant to Section 12(b) of the Act:  NONE',
    'Securities registered pursuant to Section 12(g) of the Act:  NONE',
    '',
    'Indicate by check mark whether the registrant (1) has filed all reports',
    'required to be filed by Section 13 or 15(d) of the Securities Exchange Act of',
    '1934 during the preceding 12 months (or for such shorter period that the',
    'registrant was required to file such reports), and (2) has been subject to',
    'such filing requirements for the past 90 days.',
    '      X - Yes       No',
    '',
    '',
    '                                    PART I',
    '',
    'Item 1.  Business',
    '',
    '      Not applicable.',
    '',
    'Item 2.  Properties',
    '',
    '      Not applicable on reliance of Relief Letters',
    '',
    'Item 3. Legal Proceedings',
    '',
    '      There were no legal proceedings.',
    '',
    'Item 4. Submission of Matters to a Vote of Security Holders',
    '      There were no matters submitted to a vote of the Security Holders.',
    '',
    '                                    PART II',
    '',
    "Item 5. Market for Registrant's Common Equity and Related Stockholder matters",
    '      There is no established public trading market for the notes.',
    '',
    '      Below are the number of Noteholders or Certificateholders',
    '      of record as of the end of the reporting year.',
    '',
    `      ${s.trustName}`,
    `      ${s.certificatesTitle}`,
    ...holders(deal, model, facts),
    '',
    '',
    ...[
      ['Item 6.  Selected Financial Data.'],
      [
        "Item 7.  Management's Discussion and Analysis of Financial Condition and",
        '      Results of Operations.',
      ],
      ['Item 8.  Financial Statements and Supplementary Data.'],
      [
        'Item 9. Changes in and Disagreements with Accountants on Accounting and',
        '      Financial Disclosure.',
      ],
    ].flatMap((title) => [...title, '', '      Not applicable.', '']),
    '',
    '                                   PART III',
    '',
    ...[
      'Item 10.  Directors and Executive Officers of the Registrant',
      'Item 11.  Executive Compensation',
      'Item 12.  Security Ownership of Certain Beneficial Owners and Management',
      'Item 13.  Certain Relationships and Related Transactions.',
    ].flatMap((title) => [title, '', '      Not applicable.', '']),
    '',
    '                                    PART IV',
    '',
    'Item 14. Exhibits, Financial Statement Schedules, and Reports on Form 8-K',
    '',
    '      (a) 1.  Not Applicable',
    '            2.  Not Applicable',
    '            3.  Exhibits',
    '                 99.1  Annual Summary Statement',
    '                 99.2  Annual Statement as to Compliance.',
    '                 99.3  Annual Independent Public',
    "                       Accountant's Servicing Report.",
    '                 99.4  Management Assertion on USAP',
    '',
    '',
    '      (b)   Reports on Form 8-K',
    '      The registrant has filed Current Reports on Form 8-K with the',
    '      Securities and Exchange Commission dated:',
    ...reportDates(model),
    '',
    '      (c)    See (a) 3 above',
    '',
    '      (d)    Not Applicable',
    '',
    '',
    '',
  ];
}

const SERVICER_EXHIBITS = [
  {
    number: '99.2',
    title: "Servicer's Annual Statement of Compliance",
    what: "The officer's certification on annual statement as to compliance",
    field: 'statementOfCompliance',
  },
  {
    number: '99.3',
    title: 'Report of Independent Auditors',
    what: "The independent accountant's report on the servicing (USAP)",
    field: 'accountantsReport',
  },
  {
    number: '99.4',
    title: 'Management Assertion on USAP',
    what: 'The management assertion on compliance with USAP',
    field: 'managementAssertion',
  },
] as const;

/**
 * Exhibits 99.2-99.4 are the Master Servicer's own documents: printed as it supplied them when
 * the deal names them for the year (`servicerDocuments`), else named as filed by it.
 */
function servicerExhibits(deal: Deal, documents: ServicerDocuments | undefined): string[] {
  const servicer = deal.file.parties.masterServicer;
  return SERVICER_EXHIBITS.flatMap(({ number, title, what, field }) => [
    `       EXHIBIT ${number} -- ${title}`,
    '',
    ...(documents
      ? documents[field].trimEnd().split('\n')
      : [`${what}`, `is filed separately by the Master Servicer, ${servicer}.`]),
    '',
    '',
    '',
  ]);
}

/**
 * The Form 10-K for a year: cover page, Items 1-14 (with the year's 8-K dates and holders of
 * record), signatures and certification, the exhibit index, Exhibit 99.1 (the annual summary)
 * and Exhibits 99.2-99.4, the Master Servicer's documents (`servicerDocuments`).
 */
export function form10k(deal: Deal, model: AnnualSummaryModel, facts: AnnualReportFacts): string {
  const s = model.summary;
  const out = [
    ...coverAndItems(deal, model, facts),
    ...form10kCertification(deal, model, facts),
    '',
    '',
    '                    EXHIBIT INDEX',
    '',
    '      Exhibit Number  Description',
    '               99.1 Annual Summary Statement',
    '               99.2 Annual Statement of Compliance',
    '               99.3 Report of Independent Accountants',
    '               99.4 Management Assertion on USAP',
    '',
    '',
    '       EXHIBIT 99.1 -- Summary of Aggregate Amounts or End of Year',
    `       Amounts for the period ending ${formatLong(s.periodEnd)}`,
    '',
    `      ${s.trustName}`,
    `      ${s.certificatesTitle} Series ${s.series}`,
    '',
    annualSummaryText(model).trimEnd(),
    '',
    '',
    '',
    '',
    '',
    '',
    ...servicerExhibits(deal, servicerDocuments(deal, Number(s.periodEnd.slice(0, 4)))),
  ];
  return `${out.join('\n').trimEnd()}\n`;
}
