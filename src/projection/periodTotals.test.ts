import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveDeal } from '../deal/builtIn.ts';
import { dealContext } from './dealContext.ts';
import type { ProjectionContext } from './projectionContext.ts';
import { runScenario } from './runScenario.ts';
import { parseScenario } from './scenarioFile.ts';

const deal = resolveDeal('nchet-2002-1');
let ctx: ProjectionContext;
beforeAll(async () => {
  ctx = await dealContext(deal);
});

const scenario = fc.record({
  cpr: fc.integer({ min: 0, max: 60 }),
  cdr: fc.integer({ min: 0, max: 30 }),
  severity: fc.integer({ min: 0, max: 100 }),
  recoveryLag: fc.integer({ min: 0, max: 18 }),
  delinquency: fc.integer({ min: 0, max: 20 }),
  advancing: fc.boolean(),
  cleanUpCall: fc.boolean(),
});

describe('projected collection periods', () => {
  it('reconcile in cents every month (the waterfall checks each) and end with the pool', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const run = runScenario(
          ctx,
          parseScenario({
            prepayment: { cpr: s.cpr },
            default: { cdr: s.cdr },
            severity: s.severity,
            recoveryLag: s.recoveryLag,
            delinquency: s.delinquency,
            advancing: s.advancing,
            cleanUpCall: s.cleanUpCall,
          }),
        );
        let begin = ctx.state.poolBalance;
        let loans = ctx.state.loanCount;
        let losses = 0;
        for (const p of run.periods) {
          expect(p.beginningPoolBalance).toBe(begin);
          expect(p.endingLoanCount).toBeLessThanOrEqual(loans);
          const items = [
            p.scheduledPrincipal,
            p.paymentsInFull,
            p.liquidationProceeds,
            p.realizedLosses,
            p.repurchasePrincipal,
            p.interestCollected,
          ];
          for (const x of items) expect(Number.isSafeInteger(x) && x >= 0).toBe(true);
          begin = p.endingPoolBalance;
          loans = p.endingLoanCount;
          losses += p.realizedLosses;
        }
        expect(begin).toBe(0);
        expect(run.finalState.poolBalance).toBe(0);
        expect(run.poolLosses).toBe(losses);
        expect(run.distributions.length).toBe(run.periods.length);
        if (s.cleanUpCall) expect(run.finalState.terminated).toBe(true);
        if (s.severity === 0 || s.cdr === 0) expect(losses).toBe(0);
      }),
      { numRuns: 12, seed: 2002 },
    );
  });

  it('report delinquent and defaulted loans to the trigger and hold back unadvanced interest', () => {
    const base = { prepayment: { cpr: 10 }, default: { cdr: 10 }, severity: 40, recoveryLag: 12 };
    const advanced = runScenario(ctx, parseScenario({ ...base, delinquency: 10 }));
    const held = runScenario(ctx, parseScenario({ ...base, delinquency: 10, advancing: false }));
    const p = advanced.periods[13]!;
    expect(p.delinquency.days60to89.statedPrincipal).toBeGreaterThan(0);
    expect(p.delinquency.foreclosure.statedPrincipal).toBeGreaterThan(0);
    expect(p.advances).toBeGreaterThan(0);
    expect(held.periods[13]!.advances).toBe(0);
    expect(held.periods[13]!.interestCollected).toBeLessThan(p.interestCollected);
    // Delinquency Percentage (60+ and foreclosure) against 50% of the enhancement (~19%).
    const d = advanced.distributions[13]!;
    expect(d.delinquencyPercentage).toBeGreaterThan(0.1);
    expect(d.triggerEvent).toBe(true);
    const light = runScenario(ctx, parseScenario({ ...base, default: { cdr: 1 }, delinquency: 2 }));
    expect(light.distributions[13]!.delinquencyPercentage).toBeLessThan(0.05);
    expect(light.distributions[13]!.triggerEvent).toBe(false);
  });
});
