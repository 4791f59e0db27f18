/**
 * Servicing: the servicer's loan-level remittance report (format, streaming import, writer),
 * its reconciliation, the collection-period totals the waterfall takes, a deal's dates from its
 * reports and totals files, the derived opening of the 2002-1 example, and a seeded performance
 * simulator that writes remittance reports.
 */
export type {
  DelinquencyStatus,
  RemittanceFile,
  RemittanceRow,
  RemittanceTotals,
} from './remittanceRow.ts';
export { REMITTANCE_COLUMNS } from './remittanceRow.ts';
export { readRemittance } from './readRemittance.ts';
export { writeRemittance, type RemittanceLine } from './writeRemittance.ts';
export { remittanceFromLines } from './remittanceFromLines.ts';
export { reconcileRemittance, servicingFeeRate } from './reconcileRemittance.ts';
export {
  collectionPeriodFromRemittance,
  type CollectionPeriodOptions,
} from './collectionPeriodFromRemittance.ts';
export {
  positionsAfter,
  positionsFromTape,
  type LoanStanding,
  type PoolPositions,
} from './poolPositions.ts';
export { collectionMonth, type CollectionMonth } from './collectionMonth.ts';
export {
  delinquencyStatus,
  installmentsPastDue,
  type DelinquencyMethod,
} from './delinquencyStatus.ts';
export {
  dealPeriodTotalsPath,
  dealPositionsTapePath,
  dealRemittancePath,
  dealSimulationTapePath,
  previousPositionsFor,
} from './dealRemittances.ts';
export {
  dealPeriods,
  lastShippedDate,
  type DealPeriod,
  type DealPeriodsOptions,
} from './dealPeriods.ts';
export { derivedOpening, positionsTapeName, type DerivedFile } from './derived/derivedOpening.ts';
export { deriveFirstPeriod, type FirstPeriod } from './derived/firstPeriod.ts';
export { derivePool } from './derived/derivedPool.ts';
export {
  exampleAssumptions,
  withOverrides,
  type SimulationAssumptions,
} from './simulation/assumptions.ts';
export {
  simulateRemittances,
  distributionsInYear,
  startingDistribution,
} from './simulation/simulateRemittances.ts';
export { EXAMPLE_SEED, simulatedYear, writeSimulatedYear } from './simulation/writeSimulation.ts';
