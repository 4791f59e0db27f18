// Ranks seeds by how near the built-in 2002 year comes to the 10-K with them: March and April
// from the totals files (deals/nchet-2002-1/periods/), May-December simulated from the pool
// after April (tape-2002-04-25.csv) with the example assumptions. How EXAMPLE_SEED was chosen:
//   node src/servicing/simulation/nearestSeed.script.ts [last seed, default 300]
import { readLoanTape } from '../../collateral/readLoanTape.ts';
import { dealsDirectory, resolveDeal } from '../../deal/builtIn.ts';
import { distributionDate } from '../../deal/schedule.ts';
import { readPeriodTotalsFile } from '../periodTotalsFile.ts';
import { exampleAssumptions } from './assumptions.ts';
import { distributionsInYear, simulateRemittances } from './simulateRemittances.ts';

const deal = resolveDeal('nchet-2002-1');
const folder = `${dealsDirectory}${deal.id}/`;
const { last } = distributionsInYear(deal, 2002);
const totals = [1, 2].map((n) =>
  readPeriodTotalsFile(`${folder}periods/${distributionDate(deal, n)}.json`),
);
const loans = await readLoanTape(`${folder}tape-${distributionDate(deal, 2)}.csv`);

/** The 10-K's 2002 figures (cents, counts) and how far a draw may stray from each. */
const TENK = [
  { name: 'payoffs', target: 24_751_934_00, tolerance: 0.05 * 24_751_934_00 },
  { name: 'curtailments', target: 141_246_00, tolerance: 0.1 * 141_246_00 },
  { name: 'losses', target: 126_976_00, tolerance: 0.3 * 126_976_00 },
  { name: 'charges', target: 667_340_00, tolerance: 0.05 * 667_340_00 },
  { name: 'loans', target: 509, tolerance: 3 },
  { name: 'foreclosure', target: 13, tolerance: 3 },
  { name: 'reo', target: 2, tolerance: 1 },
  { name: 'bankruptcy', target: 6, tolerance: 2 },
] as const;
type Figures = Record<(typeof TENK)[number]['name'], number>;

const rows: { seed: number; figures: Figures; distance: number }[] = [];
for (let seed = 1; seed <= Number(process.argv[2] ?? 300); seed += 1) {
  const reports = simulateRemittances(deal, loans, exampleAssumptions, seed, last);
  const lines = reports.flatMap((r) => r.lines);
  const sum = (pick: (l: (typeof lines)[number]) => number) =>
    lines.reduce((a, l) => a + pick(l), 0);
  const open = (reports.at(-1)?.lines ?? []).filter((l) => l.endingBalance > 0);
  const figures: Figures = {
    payoffs: totals.reduce((a, t) => a + t.paymentsInFull, 0) + sum((l) => l.payoff),
    curtailments: totals.reduce((a, t) => a + t.curtailments, 0) + sum((l) => l.curtailment),
    losses: totals.reduce((a, t) => a + t.realizedLosses, 0) + sum((l) => l.realizedLoss),
    charges: totals.reduce((a, t) => a + t.prepaymentCharges, 0) + sum((l) => l.prepaymentCharge),
    loans: open.length,
    foreclosure: open.filter((l) => l.foreclosure && !l.reo).length,
    reo: open.filter((l) => l.reo).length,
    bankruptcy: open.filter((l) => l.bankruptcy && !l.foreclosure && !l.reo).length,
  };
  const distance = TENK.reduce((a, t) => a + ((figures[t.name] - t.target) / t.tolerance) ** 2, 0);
  rows.push({ seed, figures, distance });
}
rows.sort((a, b) => a.distance - b.distance || a.seed - b.seed);
for (const { seed, figures, distance } of rows.slice(0, 10)) {
  process.stdout.write(
    `seed ${String(seed).padStart(3)}  distance ${distance.toFixed(2).padStart(6)}  ` +
      `${TENK.map((t) => `${t.name} ${figures[t.name] > 1000 ? Math.round(figures[t.name] / 100) : figures[t.name]}`).join('  ')}\n`,
  );
}
