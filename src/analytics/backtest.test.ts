import { describe, expect, it } from 'vitest';
import { resolveDeal } from '../deal/builtIn.ts';
import { dealContext } from '../projection/dealContext.ts';
import { runScenario } from '../projection/runScenario.ts';
import { parseScenario } from '../projection/scenarioFile.ts';
import { backtestTable } from './backtest.ts';

describe('backtestTable', () => {
  it('pairs each projected figure with the actual one, on the dates both have', async () => {
    const deal = resolveDeal('nchet-2002-1');
    const ctx = await dealContext(deal);
    const run = runScenario(ctx, parseScenario({ prepayment: { cpr: 20 }, horizon: 3 }));
    const [first, ...rest] = run.distributions;
    const table = backtestTable(deal, run.distributions, rest);
    expect(table.header.slice(0, 5)).toEqual([
      'date',
      'pool_projected',
      'pool_actual',
      'prepaid_projected',
      'prepaid_actual',
    ]);
    expect(table.header).toContain('A_actual');
    // The first date has no actual: left out.
    expect(table.rows.map((r) => r[0])).toEqual(rest.map((d) => d.distributionDate));
    expect(table.rows[0]![0]).not.toBe(first!.distributionDate);
    for (const row of table.rows) {
      for (let k = 1; k < row.length; k += 2) expect(row[k]).toBe(row[k + 1]);
    }
    expect(table.rows[1]![1]).toBe(rest[1]!.period.endingPoolBalance / 100);
  });
});
