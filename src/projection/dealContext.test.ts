import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeThrough } from '../administration/closeThrough.ts';
import type { Loan } from '../collateral/loan.ts';
import { indexTableFor, resolveDeal } from '../deal/builtIn.ts';
import { plainDate } from '../money/plainDate.ts';
import { dealRemittancePath } from '../servicing/dealRemittances.ts';
import { readRemittance } from '../servicing/readRemittance.ts';
import { openStore } from '../store/openStore.ts';
import { backends, freshDatabase, type TestDatabase } from '../store/testBackends.ts';
import type { TrustStore } from '../store/trustStore.ts';
import { readTape, storeStart } from './dealContext.ts';
import { loanArraysFromTape } from './fromCollateral.ts';
import { totalBalance } from './loanArrays.ts';
import { contextForLoans, projectionContext } from './projectionContext.ts';
import { runScenario } from './runScenario.ts';
import { parseScenario } from './scenarioFile.ts';
import { startingLoans } from './startingLoans.ts';

const deal = resolveDeal('nchet-2002-1');
const table = indexTableFor(deal);

/** A fresh store of `backend` with the built-in deal closed through `last`. */
function closedStore(backend: (typeof backends)[number], last: string) {
  let db: TestDatabase | undefined;
  let store: TrustStore | undefined;
  beforeAll(async () => {
    db = freshDatabase(backend);
    store = await openStore(db.location);
    await closeThrough(store, deal, plainDate(last), { actor: 'test' });
  }, 120_000);
  afterAll(async () => {
    // Dropped even when closing failed: a schema left behind upsets later PostgreSQL tests.
    await store?.close();
    await db?.drop();
  });
  return () => store!;
}

let tape: Loan[];
beforeAll(async () => {
  tape = await readTape(deal);
});

describe.each(backends)('a projection from the store (%s), 2002 closed', (backend) => {
  const store = closedStore(backend, '2002-12-31');

  it("starts after 2002-12-26 with its loans: the state's count, its pool to the cent", async () => {
    const start = (await storeStart(store(), deal, tape))!;
    const { state, loans } = start.context;
    expect(state.lastDate).toBe('2002-12-26');
    expect(state.poolBalance).toBe(17_224_455_416);
    expect(loans.count).toBe(state.loanCount);
    expect(totalBalance(loans)).toBe(state.poolBalance);
    expect(start.stateFrom).toBe(`the store ${store().location} (2002-12-26, version 1)`);
    expect(start.loans).toMatchObject({ kind: 'remittance', date: '2002-12-26', loans: 509 });
  });

  it("holds the December report's loans left, at their stated balances, and none that left", async () => {
    const { loans } = (await storeStart(store(), deal, tape))!.context;
    const report = await readRemittance(dealRemittancePath(deal.id, plainDate('2002-12-26')));
    const left = report.rows.filter((r) => r.endingBalance > 0);
    const byBalance = (a: number, b: number) => a - b;
    expect([...loans.balance].sort(byBalance)).toEqual(
      left.map((r) => r.endingBalance).sort(byBalance),
    );
    const paidOff = report.rows.find((r) => r.payoff > 0)!;
    expect([...loans.balance]).not.toContain(paidOff.beginningBalance);
    // Loans 90 days late, in foreclosure or REO stay in the pool (projected as performing).
    const reo = left.find((r) => r.reo)!;
    expect([...loans.balance]).toContain(reo.endingBalance);
  });

  it('projects from the next distribution date (2003-01-27) on the pool of the state', async () => {
    const ctx = (await storeStart(store(), deal, tape))!.context;
    const run = runScenario(ctx, parseScenario({ prepayment: { cpr: 25 }, horizon: 2 }, 'test'));
    const first = run.distributions[0]!;
    expect(first.distributionDate).toBe('2003-01-27');
    expect(first.period.beginningPoolBalance).toBe(17_224_455_416);
    expect(first.period.beginningLoanCount).toBe(509);
  });

  it("one month from September at October's prepayment rate gives October's note rate and interest", async () => {
    const september = (await store().getDistribution(deal.id, plainDate('2002-09-25')))!;
    const rows = (await store().getRemittance(september.remittanceId))!.rows;
    const state = september.stateAfter;
    const closed = { rows, label: 'stored rows', source: 'test' };
    const { loans } = startingLoans(deal, state, tape, table, closed);
    const actual = (await store().getDistribution(deal.id, plainDate('2002-10-25')))!.distribution
      .period;
    expect(actual.liquidationProceeds + actual.realizedLosses).toBe(0); // no defaults to match
    const prepaid = actual.paymentsInFull + actual.curtailments;
    const smm = prepaid / (actual.beginningPoolBalance - actual.scheduledPrincipal);
    // The loans in foreclosure or REO were not liquidated in October (interest advanced).
    const scenario = parseScenario(
      { prepayment: { smm: smm * 100 }, horizon: 1, foreclosures: 'perform' },
      'test',
    );
    const projected = runScenario(contextForLoans(deal, table, state, loans), scenario).periods[0]!;
    expect(projected.distributionDate).toBe('2002-10-25');
    expect(projected.beginningPoolBalance).toBe(actual.beginningPoolBalance);
    // Each loan at its own rate: the pool's weighted average rate is October's.
    expect(projected.weightedAverageRate).toBeCloseTo(actual.weightedAverageRate, 12);
    // Interest: the projection takes the payoffs' interest shortfall as covered (compensating
    // interest); the servicer's figure is net of it. Within a dollar of rounding loan by loan.
    const interest = actual.interestCollected + actual.compensatingInterest;
    expect(Math.abs(projected.interestCollected - interest)).toBeLessThan(100);
    // The loans that paid off owed no installment; the projection amortizes each loan first.
    expect(projected.scheduledPrincipal - actual.scheduledPrincipal).toBeGreaterThanOrEqual(0);
    expect(projected.scheduledPrincipal - actual.scheduledPrincipal).toBeLessThan(500_000);
    // The aged and scaled cut-off tape misses the rate mix of the loans that are left.
    const aged = projectionContext(deal, state, loanArraysFromTape(tape), table);
    const guess = runScenario(aged, scenario).periods[0]!;
    expect(Math.abs(guess.weightedAverageRate - actual.weightedAverageRate)).toBeGreaterThan(1e-4);
  });
});

describe('a projection from a store whose latest date has period totals only', () => {
  const store = closedStore('sqlite', '2002-04-30');

  it('falls back to the cut-off tape aged two payments and scaled to the pool', async () => {
    const start = (await storeStart(store(), deal, tape))!;
    expect(start.context.state.lastDate).toBe('2002-04-25');
    expect(start.loans).toEqual({
      kind: 'aged-tape',
      payments: 2,
      rows: 588,
      why: '2002-04-25 was closed from period totals, without loan lines',
    });
    // Scaled in floating point: the pool to a small fraction of a cent.
    expect(totalBalance(start.context.loans)).toBeCloseTo(start.context.state.poolBalance, 3);
  });
});

describe('a projection from a store with nothing of the deal closed', () => {
  const store = closedStore('sqlite', '2002-01-31');

  it('has no start there', async () => {
    expect(await storeStart(store(), deal, tape)).toBeUndefined();
  });
});
