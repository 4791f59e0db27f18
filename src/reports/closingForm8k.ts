import type { Deal } from '../deal/deal.ts';
import { TrusteeError } from '../errors/catalogue.ts';
import { formatLong, plainDate } from '../money/plainDate.ts';
import { dollarsAndCents } from './format.ts';
import { left, line, right } from './layout.ts';

const WIDTH = 80;
const RULE = '-'.repeat(WIDTH);
const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen'];

/** A count as the filing writes it ("eight classes"). */
function inWords(n: number): string {
  return NUMBERS[n] ?? TENS[n - 10] ?? String(n);
}

/** Words filled to `width`, the first line indented by `first`, the rest by `rest`. */
function wrap(text: string, width: number, first = 0, rest = 0): string[] {
  const lines: string[] = [];
  let current = ' '.repeat(first);
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && current.length + 1 + word.length > width) {
      lines.push(current);
      current = ' '.repeat(rest) + word;
    } else current = empty ? current + word : `${current} ${word}`;
    empty = false;
  }
  if (!empty) lines.push(current);
  return lines;
}

const centered = (text: string): string =>
  `${' '.repeat(Math.max(0, Math.floor((WIDTH - text.length) / 2)))}${text}`;

const page = (n: number): string[] => ['', '', '<PAGE>', '', '', centered(`-${n}-`), '', ''];

/** "A, B and C" */
function series(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The closing 8-K's facts the deal file must carry; an error names each one missing. */
function closingFacts(deal: Deal) {
  const facts = deal.file.closingReport;
  const underwriter = deal.file.parties.underwriter;
  if (!facts || !underwriter) {
    throw new TrusteeError(
      'INVALID_INPUT',
      `${deal.id}: the closing Form 8-K needs facts the deal file does not give`,
      [
        ...(facts
          ? []
          : [
              {
                field: 'closingReport',
                message: 'no closing report facts in the deal file',
                expected:
                  'reportDate, signedOn, signer, city, mortgageLoanPurchaseAgreement, underwritingAgreementDate, prospectusDate, prospectusSupplementDate, prospectusRule, poolingAgreementExhibit',
              },
            ]),
        ...(underwriter
          ? []
          : [
              {
                field: 'parties.underwriter',
                message: 'no underwriter',
                expected: 'the name of the underwriter',
              },
            ]),
      ],
    );
  }
  return { facts, underwriter };
}

/** The pooling and servicing agreement as Item 7 and the index describe it. */
function agreementDescription(deal: Deal): string {
  const p = deal.file.parties;
  return (
    `Pooling and Servicing Agreement, dated as of ${formatLong(plainDate(deal.file.registrant.agreementDate))}, ` +
    `by and among ${p.depositor} as Depositor, ${p.masterServicer} as Master Servicer, ` +
    `${p.trustee} as Trustee and ${p.trustAdministrator} as Trust Administrator, relating to ` +
    `the Series ${deal.file.series} Certificates.`
  );
}

/**
 * The closing Form 8-K of a deal, in the layout of the 2002-1 filing of March 18, 2002: the
 * cover, Item 2 (the certificates issued, the agreements and parties with their dates, the
 * mortgage pool at the cut-off, each class's initial balance and pass-through rate), Item 7's
 * exhibit list, the signature and the index to exhibits. Everything comes from the deal file:
 * its terms (classes, cut-off balance) and its descriptive facts (`closingReport`, `parties`,
 * `registrant`).
 */
export function closingForm8k(deal: Deal): string {
  const { facts, underwriter } = closingFacts(deal);
  const r = deal.file.registrant;
  const p = deal.file.parties;
  const long = (d: string) => formatLong(plainDate(d));
  const agreementDate = long(r.agreementDate);
  const classes = deal.classes;
  const quoted = classes.map(
    (c, i) => `the "Class ${c.name} Certificates${i < classes.length - 2 ? ',' : ''}"`,
  );
  const offered = classes.filter((c) => c.kind === 'floating').map((c) => `Class ${c.name}`);
  const notOffered = classes.filter((c) => c.kind !== 'floating').map((c) => `Class ${c.name}`);
  const sellers = series(facts.mortgageLoanPurchaseAgreement.sellers);
  const exhibit = facts.poolingAgreementExhibit;
  const phone = r.telephone;

  const item2 = [
    `On ${long(deal.file.dates.closing)}, a single series of certificates, entitled ` +
      `${deal.file.name}, ${deal.file.title.replace(/, Series .*$/, '')} (the "Certificates"), ` +
      `were issued pursuant to a pooling and servicing agreement, dated as of ${agreementDate} ` +
      `(the "Agreement"), attached hereto as Exhibit ${exhibit.number}, among ${p.depositor} as ` +
      `depositor (the "Depositor"), ${p.masterServicer} as master servicer (the "Master ` +
      `Servicer"), ${p.trustee} as trustee and ${p.trustAdministrator} as trust administrator ` +
      `(the "Trustee"). The Certificates consist of ${inWords(classes.length)} classes of ` +
      `certificates (collectively, the "Certificates"), designated as ` +
      `${quoted.slice(0, -1).join(' ')} and ${quoted[quoted.length - 1]!.replace(/"$/, '."')} ` +
      `The Certificates evidence in the aggregate the entire beneficial ownership interest in a ` +
      `trust fund (the "Trust Fund"), consisting primarily of a segregated pool (the "Mortgage ` +
      `Pool") of ${deal.file.collateral.description.replace(/^./, (c) => c.toLowerCase())} ` +
      `(the "Mortgage Loans"). The Mortgage Pool consists of Mortgage Loans having an aggregate ` +
      `principal balance of $${dollarsAndCents(deal.cutoffBalance)} as of ` +
      `${long(deal.file.dates.cutoff)} (the "Cut-off Date"). The Mortgage Loans were purchased ` +
      `pursuant to the Mortgage Loan Purchase Agreement, dated ` +
      `${long(facts.mortgageLoanPurchaseAgreement.date)} (the "Mortgage Loan Purchase ` +
      `Agreement") among the Depositor, ${sellers}. The ${series(offered.map((c) => `${c} Certificates`))} ` +
      `were sold by the Depositor to ${underwriter} (the "Underwriter"), pursuant to an ` +
      `Underwriting Agreement, dated ${long(facts.underwritingAgreementDate)}, between the ` +
      `Depositor and the Underwriter.`,
  ];

  const rate = (kind: string) =>
    kind === 'floating' || kind === 'overcollateralization' ? 'Variable' : 'N/A';
  const classRows = classes.map((c) =>
    line(
      left(Math.round(9.5 - c.name.length / 2), c.name),
      right(
        47,
        c.kind === 'residual'
          ? '100 % Percentage Interest'
          : `$${dollarsAndCents(c.originalBalance)}`,
      ),
      right(76, rate(c.kind)),
    ),
  );

  const description = agreementDescription(deal);
  return `${[
    RULE,
    '',
    centered('SECURITIES AND EXCHANGE COMMISSION'),
    '',
    centered('Washington, D.C. 20549'),
    '',
    centered('Form 8-K'),
    '',
    centered('CURRENT REPORT'),
    '',
    centered('Pursuant to Section 13 or 15(d) of the'),
    centered('Securities Exchange Act of 1934'),
    '',
    '',
    `        Date of Report (Date of earliest event reported): ${long(facts.reportDate)}`,
    '',
    '',
    centered(r.depositor.toUpperCase()),
    '',
    ...wrap(
      `(as depositor under the Pooling and Servicing Agreement, dated as of ${agreementDate}, ` +
        `providing for the issuance of ${deal.file.title})`,
      70,
    ).map(centered),
    '',
    '',
    centered(r.depositor),
    centered('-'.repeat(r.depositor.length)),
    '',
    centered('(Exact name of registrant as specified in its charter)'),
    RULE,
    '',
    '',
    '',
    line(left(11, r.state), left(35, r.commissionFileNumber), left(62, r.irsEmployerId)),
    line(
      left(11, '-'.repeat(r.state.length)),
      left(35, '-'.repeat(r.commissionFileNumber.length)),
      left(62, '-'.repeat(r.irsEmployerId.length)),
    ),
    '(State or Other Jurisdiction      (Commission             (I.R.S. Employer',
    'of Incorporation)                 File Number)            Identification Number)',
    '',
    ...r.address.slice(0, -1),
    line(left(0, facts.city), left(65, r.zip)),
    line(left(0, '-'.repeat(facts.city.length)), left(65, '-'.repeat(r.zip.length))),
    '(Address of Principal Executive Offices)                       (Zip Code)',
    '',
    '',
    `Registrant's telephone number, including area code:  ${phone}`,
    `                                                     ${'-'.repeat(phone.length)}`,
    ...page(2),
    'Item 2.  Acquisition or Disposition of Assets',
    '         ------------------------------------',
    '',
    '',
    'Description of the Certificates and the Mortgage Pools',
    '',
    ...item2.flatMap((text) => wrap(text, WIDTH, 19)),
    '',
    ...wrap(
      'The Certificates have the following initial Certificate Balances and Pass-Through Rates:',
      WIDTH,
      18,
    ),
    '',
    '',
    '                           Initial Certificate',
    '      Class                  Principal Balance                 Pass-Through Rate',
    '      -----                  -----------------                 -----------------',
    ...classRows,
    '',
    ...wrap(
      `The Certificates, other than the ${series(notOffered)} Certificates, and the Mortgage ` +
        `Loans are more particularly described in the Prospectus, dated ` +
        `${long(facts.prospectusDate)}, and the Prospectus Supplement, dated ` +
        `${long(facts.prospectusSupplementDate)}, as previously filed with the Securities and ` +
        `Exchange Commission pursuant to Rule ${facts.prospectusRule}. The ${series(notOffered)} ` +
        `Certificates have not been and will not be publicly offered by the Depositor. ` +
        `Capitalized terms used but not otherwise defined herein shall have the meanings ` +
        `assigned to them in the Prospectus Supplement.`,
      WIDTH,
      18,
    ),
    ...page(3),
    'Item 7.           Financial Statements and Exhibits',
    '',
    '                  (a)    Not applicable',
    '',
    '                  (b)    Not applicable',
    '',
    '                  (c)    Exhibits',
    '',
    '',
    '',
    '         Exhibit No.                            Description',
    '         -----------                            -----------',
    '',
    ...wrap(description, 78, 29, 29).map((l, i) =>
      i === 0 ? line(left(12, exhibit.number), left(29, l.trim())) : l,
    ),
    ...page(4),
    centered('SIGNATURES'),
    '',
    '',
    ...wrap(
      'Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has ' +
        'duly caused this report to be signed on its behalf by the undersigned thereunto duly ' +
        'authorized.',
      WIDTH,
      16,
    ),
    '',
    `Dated: ${long(facts.signedOn)}`,
    '',
    `${' '.repeat(42)}${r.depositor.toUpperCase()}`,
    '',
    '',
    `${' '.repeat(42)}By: /s/ ${facts.signer.name}`,
    `${' '.repeat(46)}--------------------------------`,
    `${' '.repeat(42)}Name:   ${facts.signer.name}`,
    `${' '.repeat(42)}Title:  ${facts.signer.title}`,
    ...page(5),
    centered('Index to Exhibits'),
    centered('-----------------'),
    '',
    '',
    line(left(86, 'Sequentially')),
    line(left(4, 'Exhibit No.'), left(39, 'Description'), left(86, 'Numbered Page')),
    line(left(4, '-----------'), left(39, '-----------'), left(86, '-------------')),
    ...wrap(description, 80, 22, 22).map((l, i) =>
      i === 0
        ? line(left(8, exhibit.number), left(22, l.trim()), right(91, String(exhibit.page)))
        : l,
    ),
  ].join('\n')}\n`;
}
