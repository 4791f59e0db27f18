// Derives the built-in May-December 2002 servicer reports of nchet-2002-1 from the loans after
// April 2002 so that the year adds up to the 2002 10-K (docs/formats-remittance.md): writes the
// plan (deals/nchet-2002-1/derived-2002.json) and the eight reports (remittances/). A few minutes.
//   node src/administration/deriveYear.script.ts
import { writeFileSync } from 'node:fs';
import { readLoanTape } from '../collateral/readLoanTape.ts';
import { dealsDirectory, resolveDeal } from '../deal/builtIn.ts';
import {
  deriveYear,
  finishCents,
  knobValues,
  meetsTargets,
  plansOf,
  searchRounds,
  solveByAssignment,
  TENK_2002,
} from './derivedYear.ts';
import { planFileOf, plannedYearFiles } from '../servicing/derived/yearPlanFile.ts';

const deal = resolveDeal('nchet-2002-1');
const folder = `${dealsDirectory}${deal.id}/`;
const loans = await readLoanTape(`${folder}tape-2002-04-25.csv`);
const design = deriveYear(deal, loans, TENK_2002);
let solved = solveByAssignment(deal, design, TENK_2002, knobValues(design));
// Where the knobs cannot meet every target, the payoffs are searched again with the knobs as
// solved, and the knobs solved again.
for (let round = 0; round < 4 && !meetsTargets(deal, design, TENK_2002, solved); round += 1) {
  searchRounds(deal, design, TENK_2002, solved, 2, 20 + 2 * round);
  solved = solveByAssignment(deal, design, TENK_2002, solved);
}
const values = finishCents(deal, design, TENK_2002, solved);
const plan = planFileOf(
  plansOf(design, values),
  3,
  10,
  'Derived by src/administration/deriveYear.script.ts: each loan’s events May-December 2002 (distribution numbers 3-10; amounts in cents); loans not listed pay every installment. See docs/formats-remittance.md.',
);
writeFileSync(`${folder}derived-2002.json`, `${JSON.stringify(plan, null, 2)}\n`);
for (const { name, text } of plannedYearFiles(deal, loans, plan)) {
  writeFileSync(`${folder}remittances/${name}`, text);
}
console.log(`wrote ${folder}derived-2002.json and the May-December 2002 reports`);
