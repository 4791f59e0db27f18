import { describe, expect, it } from 'vitest';
import { readDealTape } from '../collateral/dealTape.ts';
import { indexTableFor, resolveDeal } from '../deal/builtIn.ts';
import { plainDate } from '../money/plainDate.ts';
import { totalBalance } from './loanArrays.ts';
import { parseScenario } from './scenarioFile.ts';
import {
  describeLoans,
  foreclosureTreatment,
  rollTreatment,
  startingLoans,
} from './startingLoans.ts';
import { latestKnownState } from './startingState.ts';

describe('startingLoans', () => {
  it('ages and scales the cut-off tape when the state has no loan lines', async () => {
    const deal = resolveDeal('nchet-2002-1');
    const { state } = latestKnownState(deal);
    const tape = await readDealTape(deal.id);
    const table = indexTableFor(deal);
    const { loans, origin } = startingLoans(deal, state, tape, table);
    expect(origin).toEqual({
      kind: 'aged-tape',
      payments: 2,
      rows: 588,
      why: 'no loan lines for 2002-04-25',
    });
    expect(totalBalance(loans)).toBeCloseTo(state.poolBalance, 3);
    // A date closed from totals: its remittance has no rows.
    const totalsOnly = startingLoans(deal, state, tape, table, {
      rows: [],
      label: 'stored rows',
      source: 'test',
    });
    expect(totalsOnly.origin).toMatchObject({
      kind: 'aged-tape',
      why: '2002-04-25 was closed from period totals, without loan lines',
    });
  });
});

describe('describeLoans', () => {
  it('says where the loans came from', () => {
    expect(
      describeLoans(
        {
          kind: 'remittance',
          date: plainDate('2002-12-26'),
          loans: 510,
          inForeclosure: 15,
          distressed: 31,
          seriouslyDelinquent: 12,
          label: "the store's remittance rows",
        },
        parseScenario({ recoveryLag: 12 }),
      ),
    ).toBe(
      "510 loans as of 2002-12-26 from the store's remittance rows; 15 in foreclosure or REO, liquidated in month 12; 31 delinquent or in bankruptcy, projected as performing",
    );
    expect(
      foreclosureTreatment(parseScenario({ recoveryLag: 12, arm: { foreclosureLag: 6 } })),
    ).toBe('liquidated in month 12 (fixed), month 6 (ARM)');
    expect(foreclosureTreatment(parseScenario({ foreclosures: 'perform' }))).toBe(
      'projected as performing',
    );
    const rolling = parseScenario({ rollToDefault: 50 });
    expect(
      describeLoans(
        {
          kind: 'remittance',
          date: plainDate('2002-12-26'),
          loans: 510,
          inForeclosure: 0,
          distressed: 31,
          seriouslyDelinquent: 12,
          label: "the store's remittance rows",
        },
        rolling,
      ),
    ).toBe(
      "510 loans as of 2002-12-26 from the store's remittance rows; 31 delinquent or in bankruptcy, projected as performing, but for 50% of the balance of the 12 of them 60+ days late or in bankruptcy, which defaults at the start",
    );
    expect(rollTreatment(parseScenario({}))).toBeUndefined();
    expect(
      describeLoans({
        kind: 'aged-tape',
        payments: 2,
        rows: 588,
        why: 'no loan lines for 2002-04-25',
      }),
    ).toBe(
      '588 rows: the cut-off tape aged 2 payments and scaled to the pool (no loan lines for 2002-04-25)',
    );
  });
});
