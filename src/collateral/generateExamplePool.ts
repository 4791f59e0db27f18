import { cents, sum, type Cents } from '../money/cents.ts';
import { addMonths, type PlainDate } from '../money/plainDate.ts';
import { nextInstallment, type LoanPosition } from './amortization.ts';
import { examplePoolProfile as P } from './examplePoolProfile.ts';
import { withFiledLoanNumbers } from './filedLoanNumbers.ts';
import { levelPayment } from './levelPayment.ts';
import type { Loan } from './loan.ts';
import { createPrng, type Prng } from './prng.ts';

/** A loan's drawn attributes before balances are fitted to the cut-off total. */
interface Draft {
  id: string;
  product: (typeof P.products)[number];
  seasoning: number;
  raw: number;
  ratePercent: number;
  fico: number;
  ltvPercent: number;
  state: string;
  occupancy: Loan['occupancy'];
  propertyType: Loan['propertyType'];
  margin: number;
  caps: (typeof P.caps)[number];
  charge: Loan['prepaymentCharge'];
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(Math.max(x, lo), hi);
const round2 = (x: number): number => Math.round(x * 100) / 100;
/** Percent -> decimal exactly as the tape reader converts it, so a written tape reads back equal. */
const pct = (p: number): number => Math.round(p * 1e6) / 1e8;
const pick = <T>(prng: Prng, table: readonly (readonly [T, number])[]): T =>
  (table[prng.weighted(table.map(([, w]) => w))] as readonly [T, number])[0];

function draft(prng: Prng, id: string, products: typeof P.products = P.products): Draft {
  const product = products[prng.weighted(products.map((p) => p.weight))]!;
  const f = product.arm ? P.ficoArm : P.ficoFixed;
  const fico = Math.round(clamp(prng.normal(f.mean, f.sd), 500, 800));
  const ltvPercent = prng.chance(P.ltvSpikes.share)
    ? P.ltvSpikes.values[prng.weighted(P.ltvSpikes.weights)]!
    : round2(
        clamp(prng.normal(P.ltvSpread.mean, P.ltvSpread.sd), P.ltvSpread.min, P.ltvSpread.max),
      );
  const state = pick(prng, P.states);
  const occupancy = pick(prng, P.occupancy);
  const propertyType = pick(prng, P.propertyTypes);
  let raw = clamp(
    Math.exp(prng.normal(Math.log(P.balanceMedian), P.balanceSigma)),
    P.balanceMin,
    P.balanceMax,
  );
  if (product.term < 360) raw = clamp(raw * 0.3, P.balanceMin, 120_000);
  const ratePercent = clamp(
    (product.arm ? P.rateArm : P.rateFixed) -
      P.rateFicoSlope * (fico - 610) +
      P.rateLtvSlope * (ltvPercent - 80) +
      (occupancy === 'investor' ? P.rateInvestorAdd : 0) +
      prng.normal(0, P.rateNoise),
    P.rateMin,
    P.rateMax,
  );
  const m = P.marginPercent;
  const margin = round2(clamp(prng.normal(m.mean, m.sd), m.min, m.max));
  const caps = P.caps[prng.weighted(P.caps.map((c) => c.weight))]!;
  const seasoning = prng.weighted(P.seasoningWeights);
  const hasCharge =
    !P.chargeFreeStates.includes(state) &&
    prng.chance(product.arm ? P.chargeShareArm : P.chargeShareFixed);
  const termMonths =
    product.fixedMonths === 36
      ? 36
      : product.arm
        ? [24, 36][prng.weighted([0.85, 0.15])]!
        : [36, 24, 12][prng.weighted([0.65, 0.2, 0.15])]!;
  const charge: Loan['prepaymentCharge'] = hasCharge
    ? P.percentChargeStates.includes(state)
      ? { termMonths, kind: 'percent', rate: 0.01 }
      : { termMonths, kind: 'six-months-interest', rate: 0 }
    : undefined;
  return {
    id,
    product,
    seasoning,
    raw,
    ratePercent,
    fico,
    ltvPercent,
    state,
    occupancy,
    propertyType,
    margin,
    caps,
    charge,
  };
}

/** The loan for a draft with its original balance: amortized over its seasoning. */
function build(d: Draft, original: Cents, nextDueDate: PlainDate = P.nextDueDate): Loan {
  const rate = pct(d.ratePercent);
  const term = d.product.term;
  const firstPaymentDate = addMonths(nextDueDate, -d.seasoning);
  const payment = levelPayment(original, rate, term);
  const base: Loan = {
    id: d.id,
    originalBalance: original,
    currentBalance: original,
    noteRate: rate,
    scheduledPayment: payment,
    rateType: d.product.arm ? 'arm' : 'fixed',
    arm: d.product.arm
      ? {
          index: '6M-LIBOR',
          margin: pct(d.margin),
          firstCap: pct(d.caps.first),
          periodicCap: pct(d.caps.periodic),
          lifeCap: pct(round2(d.ratePercent + P.lifeCapAbove)),
          lifeFloor: rate,
          firstResetDate: addMonths(firstPaymentDate, d.product.fixedMonths),
          nextResetDate: addMonths(firstPaymentDate, d.product.fixedMonths),
          resetFrequency: 6,
          rounding: pct(0.125),
        }
      : undefined,
    originalTerm: term,
    remainingTerm: term,
    amortization: 'full',
    amortizationTerm: term,
    firstPaymentDate,
    nextDueDate: firstPaymentDate,
    maturityDate: addMonths(firstPaymentDate, term - 1),
    lien: 1,
    occupancy: d.occupancy,
    propertyType: d.propertyType,
    state: d.state,
    fico: d.fico,
    ltv: pct(d.ltvPercent),
    prepaymentCharge: d.charge,
  };
  let position: LoanPosition = {
    balance: original,
    rate,
    payment,
    remainingTerm: term,
    nextDueDate: firstPaymentDate,
    nextResetDate: base.arm?.nextResetDate,
    firstResetDone: false,
  };
  for (let k = 0; k < d.seasoning; k += 1) position = nextInstallment(base, position).after;
  return {
    ...base,
    currentBalance: position.balance,
    remainingTerm: position.remainingTerm,
    nextDueDate: position.nextDueDate as PlainDate,
  };
}

const wac = (loans: readonly Loan[]): number =>
  loans.reduce((s, l) => s + l.currentBalance * l.noteRate, 0) /
  sum(loans, (l) => l.currentBalance);

/**
 * The built-in synthetic tape of the 2002-1 deal: 588 loans drawn from a seeded generator
 * (examplePoolProfile), fitted so the cut-off balance is $198,644,095.79 to the cent and the
 * weighted average rate 8.660%, listed by loan number; the two loans its 2002 10-K names carry
 * the 10-K's numbers (filedLoanNumbers.ts). Deterministic: the same profile gives the same loans.
 */
export function generateExamplePool(target: PoolTargets = P): Loan[] {
  const prng = createPrng(target.seed);
  let id = 500_000;
  const drafts = Array.from({ length: target.loanCount }, () => {
    id += prng.int(1, 400);
    return draft(prng, String(id), target.products ?? P.products);
  });
  // Shift every rate so the balance-weighted average is the target, on a 0.01% grid.
  const rawTotal = drafts.reduce((s, d) => s + d.raw, 0);
  const shift =
    target.targetWac * 100 - drafts.reduce((s, d) => s + d.raw * d.ratePercent, 0) / rawTotal;
  for (const d of drafts)
    d.ratePercent = round2(clamp(d.ratePercent + shift, P.rateMin, P.rateMax));
  // Scale the balances (whole-dollar originals) so the cut-off total is close, twice.
  let factor = Number(target.cutoffBalance) / 100 / rawTotal;
  let loans: Loan[] = [];
  for (let pass = 0; pass < 2; pass += 1) {
    loans = drafts.map((d) =>
      build(d, cents(Math.round(d.raw * factor) * 100), target.nextDueDate),
    );
    factor *= target.cutoffBalance / sum(loans, (l) => l.currentBalance);
  }
  // Put the last cents on the largest unseasoned loan (its current balance is its original).
  const fresh = drafts.map((d, i) => ({ d, i })).filter(({ d }) => d.seasoning === 0);
  const largest = fresh.reduce((a, b) =>
    loans[b.i]!.originalBalance > loans[a.i]!.originalBalance ? b : a,
  );
  const residual = target.cutoffBalance - sum(loans, (l) => l.currentBalance);
  loans[largest.i] = build(
    largest.d,
    cents(loans[largest.i]!.originalBalance + residual),
    target.nextDueDate,
  );
  // Fine-tune: move unseasoned loans' rates by 0.01% until the WAC is the target to 0.0005%.
  for (let step = 0; step < 20 * fresh.length; step += 1) {
    const error = target.targetWac - wac(loans);
    if (Math.abs(error) < 0.000005) break;
    const { d, i } = fresh[step % fresh.length]!;
    d.ratePercent = round2(d.ratePercent + (error > 0 ? 0.01 : -0.01));
    loans[i] = build(d, loans[i]!.originalBalance, target.nextDueDate);
  }
  // The 2002-1 tape carries the loan numbers its filings name.
  return target === P ? withFiledLoanNumbers(loans, P.filedLoans) : loans;
}

/** What a synthetic pool is fitted to: its size, cut-off balance, first due date and rate. */
export interface PoolTargets {
  readonly seed: number;
  readonly loanCount: number;
  readonly cutoffBalance: Cents;
  readonly nextDueDate: PlainDate;
  readonly targetWac: number;
  /** The products to draw from (default the example pool's mix of ARMs and fixed loans). */
  readonly products?: typeof P.products;
}

/**
 * A synthetic tape for a deal of one group other than 2002-1: the example pool's profile fitted
 * to the deal's cut-off balance, loan count and first due date; fixed-rate loans only when
 * every class of the deal bears a fixed coupon (a fixed-rate deal's collateral), at 7.60%.
 */
export function generateDealPool(
  targets: { cutoffBalance: Cents; loanCount: number; nextDueDate: PlainDate },
  fixedRateOnly: boolean,
  seed: number,
): Loan[] {
  return generateExamplePool({
    seed,
    loanCount: targets.loanCount,
    cutoffBalance: targets.cutoffBalance,
    nextDueDate: targets.nextDueDate,
    targetWac: fixedRateOnly ? 0.076 : P.targetWac,
    ...(fixedRateOnly ? { products: P.products.filter((p) => !p.arm) } : {}),
  });
}

/**
 * A synthetic tape for a deal with loan groups: each group's loans drawn as the example pool's
 * (the same profile), fitted to the group's cut-off balance and loan count, each group's rate
 * 0.40% above the one before (a conforming group pays less than a jumbo one), the loans tagged
 * with their group and numbered on from the group before's.
 */
export function generateGroupedPool(
  groups: readonly { name: string; cutoffBalance: Cents; loanCount: number }[],
  nextDueDate: PlainDate,
  seed: number,
): Loan[] {
  const all: Loan[] = [];
  let next = 100_000;
  groups.forEach((group, i) => {
    const loans = generateExamplePool({
      seed: seed + i,
      loanCount: group.loanCount,
      cutoffBalance: group.cutoffBalance,
      nextDueDate,
      targetWac: P.targetWac - 0.002 + 0.004 * i,
    });
    for (const loan of loans) {
      next += 1;
      all.push({ ...loan, id: String(next), group: group.name });
    }
  });
  return all;
}
