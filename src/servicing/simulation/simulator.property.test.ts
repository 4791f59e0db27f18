import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDealTape } from '../../collateral/dealTape.ts';
import { readLoanTape } from '../../collateral/readLoanTape.ts';
import { resolveDeal } from '../../deal/builtIn.ts';
import { collectionPeriodFromRemittance } from '../collectionPeriodFromRemittance.ts';
import { dealSimulationTapePath } from '../dealRemittances.ts';
import { positionsAfter, positionsFromTape } from '../poolPositions.ts';
import { remittanceFromLines } from '../remittanceFromLines.ts';
import { exampleAssumptions, withOverrides } from './assumptions.ts';
import { simulateRemittances } from './simulateRemittances.ts';

const deal = resolveDeal('nchet-2002-1');
// The cut-off tape (starts at distribution 1) and the pool after April 2002 (starts at 3).
const pools = [
  (await readDealTape('nchet-2002-1')).slice(0, 80),
  (await readLoanTape(dealSimulationTapePath('nchet-2002-1'))).slice(0, 80),
];

describe('simulated reports always reconcile', () => {
  it('for any seed, CPR, CDR and severity, every month passes reconciliation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        fc.double({ min: 0, max: 0.4, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 1 }),
        (seed, cpr, cdr, severity, which) => {
          const loans = pools[which]!;
          const assumptions = withOverrides(
            { ...exampleAssumptions, foreclosureToReo: 0.3, reoToLiquidation: 0.5 },
            { cpr, cdr, severity },
          );
          let positions = positionsFromTape(loans);
          for (const report of simulateRemittances(deal, loans, assumptions, seed, 30)) {
            const file = remittanceFromLines('simulated', report.distributionDate, report.lines);
            const period = collectionPeriodFromRemittance(deal, positions, file);
            expect(period.endingLoanCount).toBe(
              file.rows.filter((r) => r.endingBalance > 0).length,
            );
            positions = positionsAfter(file.rows);
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
