import type { Deal } from '../deal/deal.ts';
import { add, type Cents } from '../money/cents.ts';
import { formatDdMonYy, formatLong, formatShort, plainDate } from '../money/plainDate.ts';
import { dollarsAndCents } from './format.ts';
import { left, line, right } from './layout.ts';
import { statementText } from './statementText.ts';
import type { StatementModel } from './statementTypes.ts';

/**
 * "Have any deficiencies occurred?": interest left unpaid to the offered classes (Interest Carry
 * Forward Amounts) or realized losses written off their balances this date.
 */
function deficiency(model: StatementModel): Cents {
  const offered = model.certificates.rows.filter(
    (r) => r.kind === 'floating' || r.kind === 'fixed',
  );
  return add(model.interestDistribution.total.carryForward, ...offered.map((r) => r.losses));
}

/** The 8-K's cover page, Items 5 and 7, in the layout of the April 2002 filing. */
function cover(deal: Deal, model: StatementModel): string[] {
  const r = deal.file.registrant;
  const date = formatDdMonYy(model.statement.distributionDate);
  const address = r.address.slice(0, -1);
  const lastAddress = r.address[r.address.length - 1] ?? '';
  const shortfall = deficiency(model);
  return [
    'SECURITIES AND EXCHANGE COMMISSION',
    '',
    'Washington, D.C. 20549',
    '',
    'Form 8-K',
    '',
    'CURRENT REPORT',
    '',
    'Pursuant to Section 13 or 15(d) of the',
    'Securities Exchange Act of 1934',
    '',
    line(left(0, 'Date of Report:'), right(69, date)),
    '',
    r.depositor,
    '',
    '(AS DEPOSITOR UNDER THE POOLING AND SERVICING AGREEMENT,',
    `DATED AS OF ${formatLong(plainDate(r.agreementDate)).toUpperCase()}, PROVIDING FOR THE ISSUANCE OF`,
    `${model.statement.certificatesTitle.toUpperCase()},`,
    `SERIES ${model.statement.series})`,
    '',
    deal.name,
    '(Exact name of registrant as specified in its charter)',
    '',
    line(left(0, r.state), left(51, r.commissionFileNumber)),
    line(left(0, '(State or Other'), left(51, '(Commission')),
    line(left(0, 'Jurisdiction of'), left(51, 'File Number)')),
    'Incorporation)',
    '',
    r.irsEmployerId,
    '(I.R.S. Employer',
    'Identification',
    'Number)',
    '',
    ...address,
    line(left(0, lastAddress), right(69, r.zip)),
    line(left(0, '(Address of Principal'), left(58, '(Zip Code)')),
    'Executive Offices)',
    '',
    `Registrant's telephone number: ${r.telephone}`,
    '',
    'Item 5.  Other Events',
    '',
    line(left(13, 'On'), left(20, date), left(33, 'a scheduled distribution was made')),
    'from the trust to holders of the certificates. The Trustee has caused',
    'to be filed with the commission, the Monthly Report dated',
    line(left(0, date), left(16, 'The Monthly Report is filed pursuant')),
    'to and in accordance with (1) numerous no-action letters',
    '(2) current Commission policy in the area.',
    '',
    'A.              Monthly Report Information:',
    '                See Exhibit No.1',
    '',
    `B.              Have any deficiencies occurred?   ${shortfall > 0 ? 'YES.' : 'NO.'}`,
    line(left(33, 'Date:'), left(41, shortfall > 0 ? date : '')),
    line(left(33, 'Amount:'), left(41, shortfall > 0 ? dollarsAndCents(shortfall) : '')),
    '',
    'C.              Item 1: Legal Proceedings:         NONE',
    '',
    'D.              Item 2: Changes in Securities:     NONE',
    '',
    'E.Item 4: Submission of Matters to a Vote of Certificateholders:  NONE',
    '',
    'F.              Item 5: Other Information - Form 10-Q, Part II -',
    '                Items 1,2,4,5 if applicable:  NOT APPLICABLE',
    '',
    'Item 7. Monthly Statements and Exhibits',
    '',
    '                Exhibit No.',
    '',
    line(left(0, '1. Monthly Distrib Rep dated:'), right(69, date)),
    '',
  ];
}

/** The signatures: the depositor, by the deal's signer, for the trust administrator. */
function signatures(deal: Deal, model: StatementModel): string[] {
  const r = deal.file.registrant;
  return [
    'SIGNATURES',
    '',
    'Pursuant to the requirements of the Securities Exchange Act of 1934,',
    'the registrant has duly caused this report to be signed on its behalf',
    'by the undersigned thereunto duly authorized.',
    '',
    r.depositor,
    '',
    '',
    `                By: /s/ ${r.signer.name}`,
    `                Name:  ${r.signer.name}`,
    `                Title: ${r.signer.title}`,
    `                ${deal.file.parties.trustAdministrator}`,
    '',
    line(left(0, 'Dated:'), left(26, formatShort(model.statement.distributionDate))),
  ];
}

/**
 * The Form 8-K for one distribution date: cover page, Items 5 and 7, the Statement to
 * Certificateholders as Exhibit 1, and the signatures, in the layout of the April 2002 filing.
 */
export function form8k(deal: Deal, model: StatementModel): string {
  const statement = statementText(model).trimEnd();
  return `${[...cover(deal, model), statement, '', '', ...signatures(deal, model)].join('\n')}\n`;
}
