import { existsSync } from 'node:fs';
import type { Loan } from '../../collateral/loan.ts';
import { readLoanTape } from '../../collateral/readLoanTape.ts';
import { writeLoanTape } from '../../collateral/writeLoanTape.ts';
import { dealsDirectory } from '../../deal/builtIn.ts';
import type { Deal } from '../../deal/deal.ts';
import { distributionDate } from '../../deal/schedule.ts';
import { readStateFile } from '../../deal/stateFile.ts';
import { TrusteeError } from '../../errors/catalogue.ts';
import { add, type Cents } from '../../money/cents.ts';
import { dollarsAndCents, plainDollars } from '../../money/formatCents.ts';
import { readPeriodTotalsFile } from '../periodTotalsFile.ts';
import { derivePool } from './derivedPool.ts';
import { deriveFirstPeriod, type FirstPeriod } from './firstPeriod.ts';

/** One derived file: its path inside deals/<id>/ and its text. */
export interface DerivedFile {
  readonly name: string;
  readonly text: string;
}

/** Where the built-in deal keeps the pool after distribution n: deals/<id>/tape-<date>.csv. */
export function positionsTapeName(deal: Deal, n: number): string {
  return `tape-${distributionDate(deal, n)}.csv`;
}

function need(path: string, what: string): string {
  if (!existsSync(path)) {
    throw new TrusteeError('NOT_FOUND', `${path}: missing`, [
      { file: path, message: 'file not found', expected: what },
    ]);
  }
  return path;
}

const pct = (rate: number, places: number): string => `${(rate * 100).toFixed(places)}%`;

/** The first period as a collection-period totals file, every figure's origin in `notes`. */
function firstPeriodJson(
  deal: Deal,
  f: FirstPeriod,
  after: { poolBalance: Cents; loanCount: number; file: string },
  reference: { curtailments: Cents; file: string },
): string {
  const date = distributionDate(deal, 1);
  const principal = add(f.scheduledPrincipal, f.curtailments, f.paymentsInFull);
  const ids = f.payoffs.map((l) => `${l.id} (${dollarsAndCents(l.currentBalance)})`).join(', ');
  const file = {
    distributionDate: date,
    source: `derived, not a filing: the closing (the cut-off tape) to the trust after ${date} (${after.file}, from the seed)`,
    notes: [
      `In the seeds: the cut-off pool ${dollarsAndCents(deal.cutoffBalance)} and ${deal.cutoffLoanCount} loans (the deal file), the pool after ${date} ${dollarsAndCents(after.poolBalance)} and ${after.loanCount} loans and every class balance (the April 2002 statement's beginning balances, ${after.file}). Every other figure here is derived from the synthetic tape deals/${deal.id}/tape.csv or assumed:`,
      `Derived: principal collected ${dollarsAndCents(principal)} = the fall of the pool; the overcollateralization stays at its target, so class A is paid all of it.`,
      `Derived: payments in full ${dollarsAndCents(f.paymentsInFull)} = the cut-off balances of loans ${ids}, the ${f.payoffs.length} loans that left: among every such set of the tape, the one whose curtailments come nearest to the next month's printed curtailments (${dollarsAndCents(reference.curtailments)}, ${reference.file}).`,
      `Derived: scheduled principal ${dollarsAndCents(f.scheduledPrincipal)} = the first installment (due ${f.kept[0]?.nextDueDate ?? ''}) of the ${f.kept.length} loans kept, on their tape schedules; curtailments ${dollarsAndCents(f.curtailments)} = principal - scheduled - payments in full.`,
      `Derived: interest collected ${dollarsAndCents(f.interestCollected)} = one month's interest (30/360) on each of the ${f.kept.length + f.payoffs.length} loans' cut-off balances at its note rate (WAC ${pct(f.weightedAverageRate, 4)}); the payoffs' interest shortfall is taken as covered by compensating interest (both left at 0).`,
      `Derived: prepayment charges ${dollarsAndCents(f.prepaymentCharges)} = the payoffs' charges under their tape terms.`,
      `Derived: WA remaining term ${f.weightedAverageRemainingTerm.toFixed(2)} months after the installment (tape schedules).`,
      'Assumed: no liquidations, realized losses, repurchases or Relief Act shortfalls; P&I advances not known (0); no loan delinquent at the end of the period.',
      `Written by \`npx trustee tape --deal ${deal.id} --write-derived deals/${deal.id}\` (src/servicing/derived/); a test checks that this period run from the closing gives ${after.file}.`,
    ],
    beginningPoolBalance: plainDollars(deal.cutoffBalance),
    endingPoolBalance: plainDollars(after.poolBalance),
    beginningLoanCount: deal.cutoffLoanCount,
    endingLoanCount: after.loanCount,
    scheduledPrincipal: plainDollars(f.scheduledPrincipal),
    curtailments: plainDollars(f.curtailments),
    paymentsInFull: plainDollars(f.paymentsInFull),
    liquidationProceeds: '0.00',
    realizedLosses: '0.00',
    interestCollected: plainDollars(f.interestCollected),
    prepaymentCharges: plainDollars(f.prepaymentCharges),
    advances: '0.00',
    weightedAverageRate: Math.round(f.weightedAverageRate * 1e8) / 1e8,
    weightedAverageRemainingTerm: Math.round(f.weightedAverageRemainingTerm * 100) / 100,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * The built-in deal's derived opening, from its tape and its seed files: the first period's
 * totals (periods/<date 1>.json), and the loans after the second distribution (tape-<date 2>.csv),
 * which is where the servicer's loan-level reports take over. Needs deals/<id>/tape.csv,
 * state-<date 1>.json (the trust after the first distribution) and periods/<date 2>.json (the
 * second period's totals, for the pool after it and its curtailments).
 */
export async function derivedOpening(
  deal: Deal,
): Promise<{ files: DerivedFile[]; first: FirstPeriod; pool: Loan[] }> {
  const folder = `${dealsDirectory}${deal.id}/`;
  const [d1, d2] = [distributionDate(deal, 1), distributionDate(deal, 2)];
  const stateFile = `state-${d1}.json`;
  const secondFile = `periods/${d2}.json`;
  const tape = await readLoanTape(need(`${folder}tape.csv`, "the deal's cut-off loan tape"));
  const after = readStateFile(deal, need(`${folder}${stateFile}`, `the trust after ${d1}`));
  const second = readPeriodTotalsFile(need(`${folder}${secondFile}`, `the totals of ${d2}`));
  const first = deriveFirstPeriod(deal, tape, after, second.curtailments);
  if (second.endingLoanCount !== first.kept.length) {
    throw new TrusteeError('UNRECONCILED', `${secondFile}: loans leave in the second period`, [
      {
        file: `${folder}${secondFile}`,
        field: 'endingLoanCount',
        message: 'the derived pool keeps the loans of the first period',
        expected: String(first.kept.length),
        got: second.endingLoanCount,
      },
    ]);
  }
  const pool = derivePool(first.kept, 2, second.endingPoolBalance);
  const files = [
    {
      name: `periods/${d1}.json`,
      text: firstPeriodJson(
        deal,
        first,
        { ...after, file: stateFile },
        { curtailments: second.curtailments, file: secondFile },
      ),
    },
    { name: positionsTapeName(deal, 2), text: writeLoanTape(pool) },
  ];
  return { files, first, pool };
}
