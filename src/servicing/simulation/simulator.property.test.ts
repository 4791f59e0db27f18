import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDealTape } from '../../collateral/dealTape.ts';
import { resolveDeal } from '../../deal/builtIn.ts';
import { collectionPeriodFromRemittance } from '../collectionPeriodFromRemittance.ts';
import { positionsAfter, positionsFromTape } from '../poolPositions.ts';
import { remittanceFromLines } from '../remittanceFromLines.ts';
import { exampleAssumptions, withOverrides } from './assumptions.ts';
import { simulateRemittances } from './simulateRemittances.ts';

const deal = resolveDeal('nchet-2002-1');
const loans = (await readDealTape('nchet-2002-1')).slice(0, 80);

describe('simulated reports always reconcile', () => {
  it('for any seed, CPR, CDR and severity, every month passes reconciliation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        fc.double({ min: 0, max: 0.4, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, cpr, cdr, severity) => {
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
