import { describe, expect, it } from 'vitest';
import { projectCollateral } from './collateralLoop.ts';
import { compileScenario } from './compileScenario.ts';
import { loanArraysFrom, totalBalance, type LoanArrays } from './loanArrays.ts';
import { representativeLines } from './repLines.ts';
import { parseScenario } from './scenarioFile.ts';
import { syntheticPool } from './syntheticPool.ts';
import { createWorkspace } from './workspace.ts';

function losses(a: LoanArrays): { months: number; losses: number; prepaid: number } {
  const compiled = compileScenario(
    parseScenario({ prepayment: { cpr: 20 }, default: { cdr: 6 }, severity: 45, recoveryLag: 6 }),
    360,
    12,
  );
  const ws = createWorkspace(a.count, compiled.horizon);
  projectCollateral(ws, a, compiled, new Float64Array(compiled.horizon + 1).fill(0.02));
  let l = 0;
  let p = 0;
  for (let t = 1; t <= ws.totals.months; t++) {
    l += ws.totals.realizedLosses[t]!;
    p += ws.totals.prepayments[t]!;
  }
  return { months: ws.totals.months, losses: l, prepaid: p };
}

describe('representative lines', () => {
  const loans = loanArraysFrom(syntheticPool({ loans: 2000, seed: 11 }));
  const lines = representativeLines(loans, { rateStep: 0.005, termStep: 24 });

  it('keep the balance and loan count in fewer rows', () => {
    expect(lines.count).toBeLessThan(loans.count / 4);
    expect(totalBalance(lines)).toBeCloseTo(totalBalance(loans), 2);
    let count = 0;
    for (let i = 0; i < lines.count; i++) count += lines.loans[i]!;
    expect(count).toBe(2000);
  });

  it('project close to the loans they stand for', () => {
    const a = losses(loans);
    const b = losses(lines);
    expect(Math.abs(b.losses - a.losses) / a.losses).toBeLessThan(0.01);
    expect(Math.abs(b.prepaid - a.prepaid) / a.prepaid).toBeLessThan(0.01);
  });
});
