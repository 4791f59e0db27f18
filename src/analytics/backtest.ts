import type { Deal } from '../deal/deal.ts';
import type { Distribution } from '../waterfall/types.ts';
import type { Table } from './outputTables.ts';

const dollars = (cents: number): number => Math.round(cents) / 100;

/**
 * A projection against the distributions that came: for each date both have, the pool's ending
 * balance, its prepayments (payments in full and curtailments), realized losses and interest
 * collected, the senior class's ending balance and the overcollateralization, projected then
 * actual. It tells how far a scenario's assumptions were from what the servicer reported.
 */
export function backtestTable(
  deal: Deal,
  projected: readonly Distribution[],
  actual: readonly Distribution[],
): Table {
  const senior = deal.stepdown.seniorClass;
  const byDate = new Map(actual.map((d) => [d.distributionDate, d]));
  const seniorBalance = (d: Distribution): number =>
    dollars(d.classes.find((c) => c.name === senior)?.endingBalance ?? 0);
  const figures = (d: Distribution): number[] => [
    dollars(d.period.endingPoolBalance),
    dollars(d.period.paymentsInFull + d.period.curtailments),
    dollars(d.period.realizedLosses),
    dollars(d.period.interestCollected),
    seniorBalance(d),
    dollars(d.overcollateralization.amount),
  ];
  const names = ['pool', 'prepaid', 'losses', 'interest', senior, 'oc'];
  const rows = projected.flatMap((p) => {
    const a = byDate.get(p.distributionDate);
    if (!a) return [];
    const [mine, theirs] = [figures(p), figures(a)];
    return [[p.distributionDate, ...mine.flatMap((x, i) => [x, theirs[i]!])]];
  });
  return {
    id: 'backtest',
    title: 'Projected against the distributions that came',
    header: ['date', ...names.flatMap((n) => [`${n}_projected`, `${n}_actual`])],
    rows,
    decimals: [undefined, ...names.flatMap(() => [2, 2])],
  };
}
