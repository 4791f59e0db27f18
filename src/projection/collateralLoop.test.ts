import { describe, expect, it } from 'vitest';
import { projectCollateral } from './collateralLoop.ts';
import { compileScenario } from './compileScenario.ts';
import { loanArraysFrom, levelPayment, type LoanRecord } from './loanArrays.ts';
import { collectionPeriods } from './periodTotals.ts';
import { parseScenario } from './scenarioFile.ts';
import { syntheticPool } from './syntheticPool.ts';
import { createWorkspace, POOL_FIELDS } from './workspace.ts';
import type { ScenarioInput } from './scenarioSchema.ts';
import type { PlainDate } from '../money/plainDate.ts';
import type { Cents } from '../money/cents.ts';

function project(records: LoanRecord[], input: ScenarioInput, index = 0.05) {
  const loans = loanArraysFrom(records);
  const maxTerm = Math.max(...records.map((r) => r.remainingTerm));
  const maxAge = Math.max(...records.map((r) => r.age));
  const compiled = compileScenario(parseScenario(input), maxTerm, maxAge);
  const ws = createWorkspace(loans.count, compiled.horizon);
  projectCollateral(ws, loans, compiled, new Float64Array(compiled.horizon + 1).fill(index));
  return ws.totals;
}

function periodsOf(totals: ReturnType<typeof project>, startPool: number, loans = 1) {
  return [
    ...collectionPeriods(totals, {
      startPool: startPool as Cents,
      startLoanCount: loans,
      projectedLoans: loans,
      dateOf: (t) => `month-${t}` as PlainDate,
      source: 'test',
    }),
  ];
}

describe('a level-pay fixed-rate loan with no prepayment or default', () => {
  const B0 = 10_000_000; // $100,000.00 in cents
  const rate = 0.08;
  const n = 360;
  const totals = project([{ balance: B0, rate, remainingTerm: n, age: 0 }], {});
  const r = rate / 12;
  const P = (B0 * r) / (1 - Math.pow(1 + r, -n));
  // Closed form: B_k = B0 (1 + r)^k - P ((1 + r)^k - 1) / r.
  const closed = (k: number): number =>
    B0 * Math.pow(1 + r, k) - (P * (Math.pow(1 + r, k) - 1)) / r;

  it('pays the level payment of $733.76 a month', () => {
    expect(Math.round(P)).toBe(73376);
    expect(levelPayment(B0, rate, n)).toBeCloseTo(P, 9);
  });
  it('follows the closed-form balance, interest and principal every month', () => {
    expect(totals.months).toBe(360);
    for (let k = 1; k <= n; k++) {
      expect(Math.abs(totals.endBalance[k]! - closed(k))).toBeLessThan(1e-4);
      expect(Math.abs(totals.interestCollected[k]! - closed(k - 1) * r)).toBeLessThan(1e-4);
      expect(Math.abs(totals.scheduledPrincipal[k]! - (closed(k - 1) - closed(k)))).toBeLessThan(
        1e-4,
      );
    }
  });
  it('gives collection periods whose balances are the closed form to the cent', () => {
    const periods = periodsOf(totals, B0);
    expect(periods).toHaveLength(360);
    periods.forEach((p, i) => {
      expect(p.endingPoolBalance).toBe(Math.max(0, Math.round(closed(i + 1))));
      expect(p.beginningPoolBalance - p.scheduledPrincipal).toBe(p.endingPoolBalance);
    });
    expect(periods[359]!.endingPoolBalance).toBe(0);
    expect(periods[359]!.endingLoanCount).toBe(0);
  });
});

describe('prepayment and default', () => {
  const pool = syntheticPool({ loans: 200, seed: 7 });
  const start = pool.reduce((s, r) => s + r.balance, 0);

  it('100% CPR pays the whole pool off in month one', () => {
    const totals = project(pool, { prepayment: { cpr: 100 } });
    expect(totals.months).toBe(1);
    expect(totals.endBalance[1]).toBe(0);
    expect(totals.scheduledPrincipal[1]! + totals.prepayments[1]!).toBeCloseTo(start, 4);
    const [p] = periodsOf(totals, Math.round(start), 200);
    expect(p!.endingPoolBalance).toBe(0);
    expect(p!.endingLoanCount).toBe(0);
  });

  it('takes a constant SMM of the balance after scheduled principal', () => {
    const totals = project(pool, { prepayment: { smm: 2 } });
    const afterScheduled = start - totals.scheduledPrincipal[1]!;
    expect(totals.prepayments[1]!).toBeCloseTo(afterScheduled * 0.02, 4);
  });

  it('liquidates defaults after the recovery lag at the severity', () => {
    const totals = project(pool, { default: { mdr: 1 }, severity: 40, recoveryLag: 3 });
    expect(totals.defaults[1]!).toBeCloseTo(start * 0.01, 4);
    for (const t of [1, 2, 3]) expect(totals.liquidated[t]).toBe(0);
    expect(totals.liquidated[4]!).toBeCloseTo(totals.defaults[1]!, 6);
    expect(totals.realizedLosses[4]!).toBeCloseTo(totals.defaults[1]! * 0.4, 6);
    expect(totals.liquidationProceeds[4]!).toBeCloseTo(totals.defaults[1]! * 0.6, 6);
    // Loans awaiting liquidation stay in the pool (foreclosure) and their interest is advanced.
    expect(totals.pipeline[3]!).toBeCloseTo(
      totals.defaults[1]! + totals.defaults[2]! + totals.defaults[3]!,
      4,
    );
    expect(totals.advances[2]!).toBeGreaterThan(0);
  });

  it('reaches the cumulative default of a timing curve', () => {
    const totals = project(pool, {
      default: { cumulative: 10, timing: [40, 60], timingBy: 'year' },
    });
    let defaults = 0;
    for (let t = 1; t <= 24; t++) defaults += totals.defaults[t]!;
    expect(defaults / start).toBeCloseTo(0.1, 6);
    let year1 = 0;
    for (let t = 1; t <= 12; t++) year1 += totals.defaults[t]!;
    expect(year1 / start).toBeCloseTo(0.04, 6);
  });

  it('rolls the pool forward: beginning - principal - losses = ending, every month', () => {
    const totals = project(pool, {
      prepayment: { psa: 300 },
      default: { cdr: 8 },
      severity: 50,
      recoveryLag: 6,
    });
    const periods = periodsOf(totals, Math.round(start), 200);
    let begin = Math.round(start);
    for (const p of periods) {
      expect(p.beginningPoolBalance).toBe(begin);
      const out =
        p.scheduledPrincipal + p.paymentsInFull + p.liquidationProceeds + p.realizedLosses;
      expect(p.beginningPoolBalance - out).toBe(p.endingPoolBalance);
      begin = p.endingPoolBalance;
    }
    expect(begin).toBe(0);
  });
});

describe('an adjustable-rate loan', () => {
  const arm: LoanRecord = {
    balance: 20_000_000,
    rate: 0.085,
    remainingTerm: 358,
    age: 2,
    arm: {
      margin: 0.0625,
      initialCap: 0.015,
      periodicCap: 0.01,
      maxRate: 0.155,
      minRate: 0.085,
      monthsToReset: 23,
      resetPeriod: 6,
      rounding: 0.00125,
    },
  };

  it('resets to index + margin, rounded, within the first and periodic caps', () => {
    // Index 5.53%: 5.53 + 6.25 = 11.78 -> 11.75 rounded, capped at 8.50 + 1.50 = 10.00 at the
    // first change (the collateral layer's armReset example), then 11.00, then 11.75.
    const totals = project([arm], {}, 0.0553);
    const rateAt = (t: number) => totals.rateWeighted[t]! / totals.beginBalance[t]!;
    expect(rateAt(22)).toBeCloseTo(0.085, 12);
    expect(rateAt(23)).toBeCloseTo(0.1, 12);
    expect(rateAt(28)).toBeCloseTo(0.1, 12);
    expect(rateAt(29)).toBeCloseTo(0.11, 12);
    expect(rateAt(35)).toBeCloseTo(0.1175, 12);
    expect(rateAt(41)).toBeCloseTo(0.1175, 12);
  });

  it('re-amortizes the balance over the remaining term at each change', () => {
    const totals = project([arm], {}, 0.0553);
    const b = totals.beginBalance[23]!;
    const payment = levelPayment(b, 0.1, 358 - 22);
    const interest = (b * 0.1) / 12;
    expect(totals.scheduledPrincipal[23]!).toBeCloseTo(payment - interest, 6);
    expect(totals.endBalance[358]).toBe(0);
  });
});

describe('a large pool, projected block by block', () => {
  // 10,000 loans: more than two blocks, so projectCollateral runs it block by block. The same run
  // month by month (a stop balance of 0 never stops early but keeps the month-by-month loop).
  // Every 50th loan in foreclosure or REO at the start.
  const loans = loanArraysFrom(
    syntheticPool({ loans: 10_000, seed: 5 }).map((r, i) =>
      i % 50 === 0
        ? { ...r, inForeclosure: true }
        : i % 30 === 0
          ? { ...r, seriouslyDelinquent: true }
          : r,
    ),
  );
  let maxTerm = 0;
  let maxAge = 0;
  for (let i = 0; i < loans.count; i++) {
    maxTerm = Math.max(maxTerm, loans.remainingTerm[i]!);
    maxAge = Math.max(maxAge, loans.age[i]!);
  }
  const scenario = parseScenario({
    prepayment: { cpr: { ramp: { from: 4, to: 30, months: 24 } } },
    default: { cdr: 6 },
    severity: 45,
    recoveryLag: 9,
    delinquency: 4,
    rollToDefault: 40,
  });
  const compiled = compileScenario(scenario, maxTerm, maxAge);
  const index = new Float64Array(compiled.horizon + 1).fill(0.02);
  const run = (stop: number) => {
    const ws = createWorkspace(loans.count, compiled.horizon);
    projectCollateral(ws, loans, compiled, index, stop);
    return ws.totals;
  };
  const blocked = run(-1);
  const monthly = run(0);

  it('gives the month-by-month totals within a hundredth of a cent, and the same loan-months', () => {
    expect(blocked.months).toBe(monthly.months);
    expect(blocked.loanMonths).toBe(monthly.loanMonths);
    for (const field of POOL_FIELDS) {
      for (let t = 1; t <= monthly.months; t++) {
        const a = blocked[field][t]!;
        const b = monthly[field][t]!;
        // Sums taken in another order: float rounding only (a hundredth of a cent, or 1e-12).
        if (Math.abs(a - b) > Math.max(0.01, 1e-12 * Math.abs(b))) {
          throw new Error(`${field}[${t}]: blocked ${a}, month by month ${b}`);
        }
      }
    }
    expect(monthly.prepaymentCharges[6]!).toBeGreaterThan(0);
    expect(monthly.realizedLosses[30]!).toBeGreaterThan(0);
  });
});

describe('loans in foreclosure or REO at the start', () => {
  const performing = { balance: 10_000_000, rate: 0.08, remainingTerm: 360, age: 0 };
  const foreclosed = { balance: 5_000_000, rate: 0.09, remainingTerm: 350, age: 10 };
  const pool = [performing, { ...foreclosed, inForeclosure: true }];
  const alone = project([performing], {});

  it('wait in the pipeline, interest advanced, and are liquidated after the recovery lag', () => {
    const totals = project(pool, { severity: 40, recoveryLag: 6 });
    const monthly = (5_000_000 * 0.09) / 12;
    expect(totals.beginBalance[1]).toBeCloseTo(alone.beginBalance[1]! + 5_000_000, 6);
    expect(totals.pipeline[1]).toBeCloseTo(5_000_000, 6);
    expect(totals.pipelineLoans[1]).toBe(1);
    expect(totals.interestCollected[1]).toBeCloseTo(alone.interestCollected[1]! + monthly, 6);
    expect(totals.advances[1]).toBeCloseTo(monthly, 6);
    // Neither amortized nor prepaid: the performing loan's principal only.
    expect(totals.scheduledPrincipal[5]).toBeCloseTo(alone.scheduledPrincipal[5]!, 6);
    for (let t = 1; t <= 5; t++) expect(totals.liquidated[t]).toBe(0);
    expect(totals.liquidated[6]).toBeCloseTo(5_000_000, 6);
    expect(totals.realizedLosses[6]).toBeCloseTo(2_000_000, 6);
    expect(totals.liquidationProceeds[6]).toBeCloseTo(3_000_000, 6);
    expect(totals.pipeline[6]).toBe(0);
    expect(totals.beginBalance[7]).toBeCloseTo(alone.beginBalance[7]!, 6);
    expect(totals.loanMonths).toBe(alone.loanMonths);
  });

  it('are liquidated after foreclosureLag months when it is given', () => {
    const totals = project(pool, { severity: 40, recoveryLag: 6, foreclosureLag: 3 });
    expect(totals.liquidated[3]).toBeCloseTo(5_000_000, 6);
    expect(totals.liquidated[6]).toBe(0);
  });

  it('show in the foreclosure bucket of the collection periods until then', () => {
    const totals = project(pool, { severity: 40, recoveryLag: 2 });
    const [first, second] = periodsOf(totals, 15_000_000, 2);
    expect(first!.delinquency.foreclosure).toEqual({
      count: 1,
      unpaidPrincipal: 5_000_000,
      statedPrincipal: 5_000_000,
    });
    expect(second!.delinquency.foreclosure.count).toBe(0);
    expect(second!.realizedLosses).toBe(2_000_000);
  });

  it('perform as the other loans with foreclosures: "perform"', () => {
    const totals = project(pool, { severity: 40, recoveryLag: 6, foreclosures: 'perform' });
    const both = project([performing, foreclosed], {});
    for (let t = 1; t <= 12; t++) {
      expect(totals.liquidated[t]).toBe(0);
      expect(totals.scheduledPrincipal[t]).toBeCloseTo(both.scheduledPrincipal[t]!, 6);
    }
  });
});

describe('loans 60+ days late or in bankruptcy at the start', () => {
  const performing = { balance: 10_000_000, rate: 0.08, remainingTerm: 360, age: 0 };
  const late = { balance: 6_000_000, rate: 0.1, remainingTerm: 350, age: 10 };
  const pool = [performing, { ...late, seriouslyDelinquent: true }];
  const both = project([performing, late], {});

  it('perform unless the scenario rolls them to default', () => {
    const totals = project(pool, { severity: 50, recoveryLag: 4 });
    for (let t = 1; t <= 12; t++) expect(totals.liquidated[t]).toBe(0);
    expect(totals.scheduledPrincipal[3]).toBeCloseTo(both.scheduledPrincipal[3]!, 6);
  });

  it('roll the given share to default at the start, liquidated after the recovery lag', () => {
    const totals = project(pool, { severity: 50, recoveryLag: 4, rollToDefault: 25 });
    expect(totals.beginBalance[1]).toBeCloseTo(16_000_000, 6);
    expect(totals.pipeline[1]).toBeCloseTo(1_500_000, 6);
    expect(totals.pipelineLoans[1]).toBeCloseTo(0.25, 12);
    // The other 75% amortizes: three quarters of the loan's installment principal.
    const alone = project([performing], {});
    const lateAlone = project([late], {});
    expect(totals.scheduledPrincipal[2]).toBeCloseTo(
      alone.scheduledPrincipal[2]! + 0.75 * lateAlone.scheduledPrincipal[2]!,
      6,
    );
    expect(totals.liquidated[4]).toBeCloseTo(1_500_000, 6);
    expect(totals.realizedLosses[4]).toBeCloseTo(750_000, 6);
    for (const t of [1, 2, 3, 5]) expect(totals.liquidated[t]).toBe(0);
  });
});
