import { projectCollateral } from './collateralLoop.ts';
import { compileScenario } from './compileScenario.ts';
import { allocateLoanArrays, LOAN_FIELDS, type LoanArrays } from './loanArrays.ts';
import { scenarioSchema } from './scenarioSchema.ts';
import { createWorkspace, type Workspace } from './workspace.ts';

/** Largest age and remaining term of the rows (months). */
export function loanExtent(a: LoanArrays): { maxAge: number; maxTerm: number } {
  let maxAge = 0;
  let maxTerm = 0;
  for (let i = 0; i < a.count; i++) {
    if (a.age[i]! > maxAge) maxAge = a.age[i]!;
    if (a.balance[i]! > 0 && a.remainingTerm[i]! > maxTerm) maxTerm = a.remainingTerm[i]!;
  }
  return { maxAge, maxTerm };
}

/**
 * New arrays holding the rows that still have a balance: taken from the workspace after
 * `months` projected months when given, balances and payments multiplied by `scale`.
 */
function rebuild(
  a: LoanArrays,
  ws: Workspace | undefined,
  months: number,
  scale: number | ((row: number) => number),
): LoanArrays {
  const balance = ws ? ws.balance : a.balance;
  const keep: number[] = [];
  for (let i = 0; i < a.count; i++) if (balance[i]! > 0) keep.push(i);
  const fixedCount = keep.filter((i) => i < a.fixedCount).length;
  const out = allocateLoanArrays(keep.length, fixedCount);
  keep.forEach((i, j) => {
    for (const f of LOAN_FIELDS) out[f][j] = a[f][i]!;
    if (ws) {
      out.balance[j] = ws.balance[i]!;
      out.payment[j] = ws.payment[i]!;
      out.rate[j] = ws.rate[i]!;
      out.remainingTerm[j] = Math.max(0, a.remainingTerm[i]! - months);
      out.loans[j] = ws.loans[i]!;
      const arm = i >= a.fixedCount;
      // After a rate change the next one is held to the periodic cap.
      if (arm && a.monthsToReset[i]! <= months) out.initialCap[j] = a.periodicCap[i]!;
      out.monthsToReset[j] = arm ? ws.nextReset[i]! - months : 0;
    }
    out.age[j] = a.age[i]! + months;
    out.penaltyMonths[j] = Math.max(0, a.penaltyMonths[i]! - months);
    const factor = typeof scale === 'number' ? scale : scale(i);
    out.balance[j] = out.balance[j]! * factor;
    out.payment[j] = out.payment[j]! * factor;
  });
  return out;
}

/**
 * The loans after `months` scheduled payments with no prepayment or default (ARM rates change
 * on schedule to `loanIndex[t]` + margin): how a cut-off tape stands at a later distribution.
 */
export function ageLoans(a: LoanArrays, months: number, loanIndex: Float64Array): LoanArrays {
  if (months <= 0) return rebuild(a, undefined, 0, 1);
  const { maxAge } = loanExtent(a);
  const scenario = scenarioSchema.parse({ horizon: months });
  const compiled = compileScenario(scenario, months, maxAge);
  const ws = createWorkspace(a.count, months);
  projectCollateral(ws, a, compiled, loanIndex);
  return rebuild(a, ws, months, 1);
}

/**
 * The rows with balances and payments scaled so the balances add up to `pool` (cents); with
 * `groupPools` (a deal with loan groups), each group's rows to its own pool.
 */
export function scaleLoans(
  a: LoanArrays,
  pool: number,
  groupPools?: readonly number[],
): LoanArrays {
  if (groupPools === undefined) {
    let total = 0;
    for (let i = 0; i < a.count; i++) total += a.balance[i]!;
    return rebuild(a, undefined, 0, total > 0 ? pool / total : 0);
  }
  const totals = groupPools.map(() => 0);
  for (let i = 0; i < a.count; i++) totals[a.group[i]!]! += a.balance[i]!;
  const scales = totals.map((total, g) => (total > 0 ? groupPools[g]! / total : 0));
  return rebuild(a, undefined, 0, (i) => scales[a.group[i]!]!);
}
