import { describe, expect, it } from 'vitest';
import { indexTableFor } from '../deal/builtIn.ts';
import { loadDeal } from '../deal/loadDeal.ts';
import { cents } from '../money/cents.ts';
import { aprilPeriod, aprilState, classOf } from '../../test/support/april.ts';
import { runDistribution } from './runDistribution.ts';
import { reserveFundDeal, type Json } from './testDeals.ts';
import type { CollectionPeriod, DealState } from './types.ts';

/**
 * A reserve fund drawn for listed shortfalls besides interest (STRUCTURES.md section 6): the
 * classes' unpaid realized losses and the OC deficiency, each paid from the reserve as its own
 * step would pay it, before the excess cashflow. April 2002 (OC at its 3,972,995.79 target);
 * expected figures from the rules.
 */
function drawingDeal(): ReturnType<typeof loadDeal> {
  const file = reserveFundDeal();
  const excess = file['waterfall'].excess as Json[];
  excess.unshift(
    { kind: 'reserveFundDraw', covers: 'overcollateralizationDeficiency' },
    { kind: 'reserveFundDraw', covers: 'realizedLosses', classes: ['M-1', 'M-2', 'M-3', 'M-4'] },
  );
  return loadDeal(file, 'reserve-draws.json');
}

const deal = drawingDeal();
const state: DealState = {
  ...aprilState,
  dealId: deal.id,
  reserveFundBalance: cents(1_000_000_00),
};
const run = (period: CollectionPeriod, from: DealState = state) =>
  runDistribution(deal, from, period, indexTableFor(deal), 'reserve-draws').distribution;

describe('a reserve fund drawn for realized losses and the OC deficiency (data only)', () => {
  it('reimburses unpaid realized losses from the reserve before the excess cashflow', () => {
    const written = {
      ...state,
      classes: {
        ...state.classes,
        'M-1': { ...state.classes['M-1']!, unpaidRealizedLoss: cents(50_000_00) },
      },
    };
    const d = run(aprilPeriod, written);
    expect(classOf(d.classes, 'M-1').realizedLossReimbursed).toBe(50_000_00);
    expect(d.reserveFund!.drawn).toBe(50_000_00);
    const fromReserve = d.trace.filter((t) => t.from === 'Reserve Fund' && t.to === 'M-1');
    expect(fromReserve.map((t) => t.amount)).toEqual([50_000_00]);
  });

  it('pays the OC deficiency as extra principal from the reserve', () => {
    // 100,000.00 of realized losses leave the OC that much below its target.
    const losses = 100_000_00;
    const period = {
      ...aprilPeriod,
      liquidationProceeds: cents(50_000_00),
      realizedLosses: cents(losses),
      endingPoolBalance: cents(aprilPeriod.endingPoolBalance - 50_000_00 - losses),
    };
    const d = run(period);
    expect(d.reserveFund!.drawn).toBe(losses);
    // Class A: the Principal Remittance Amount (with the proceeds) and the deficiency.
    expect(classOf(d.classes, 'A').principalPaid).toBe(d.principalRemittanceAmount + losses);
    expect(d.overcollateralization.amount).toBe(d.overcollateralization.required);
  });

  it('refuses a draw that does not say what it pays', () => {
    const file = reserveFundDeal();
    (file['waterfall'].excess as Json[]).unshift({
      kind: 'reserveFundDraw',
      covers: 'realizedLosses',
    });
    expect(() => loadDeal(file, 'bad-draw.json')).toThrow(/not valid/);
  });
});
