import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { dealTapePath } from '../../collateral/dealTape.ts';
import { generateExamplePool } from '../../collateral/generateExamplePool.ts';
import type { Loan } from '../../collateral/loan.ts';
import { readLoanTape } from '../../collateral/readLoanTape.ts';
import {
  poolTotals,
  stratify,
  type StratificationKey,
  type Stratum,
} from '../../collateral/stratify.ts';
import { syntheticDealTape } from '../../collateral/syntheticDealTape.ts';
import { writeLoanTape } from '../../collateral/writeLoanTape.ts';
import { resolveDeal } from '../../deal/builtIn.ts';
import { derivedOpening } from '../../servicing/derived/derivedOpening.ts';

const money = (cents: number): string =>
  (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (x: number, d = 3): string => `${(x * 100).toFixed(d)}%`;

/** Right-aligned text columns; the first column left-aligned. */
export function textTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const TITLES: Record<StratificationKey, string> = {
  product: 'Product (fixed / ARM)',
  rate: 'Note rate',
  remainingTerm: 'Remaining term (months)',
  state: 'State',
  fico: 'FICO',
  ltv: 'Original LTV',
};

function strataTable(title: string, rows: readonly Stratum[]): string {
  const body = rows.map((r) => [
    r.label,
    String(r.count),
    money(r.balance),
    pct(r.share, 2),
    pct(r.wac),
    r.waRemainingTerm.toFixed(0),
    r.waFico.toFixed(0),
    pct(r.waLtv, 2),
  ]);
  return `${title}\n${textTable(['', 'Loans', 'Balance', '% of pool', 'WAC', 'WA term', 'WA FICO', 'WA LTV'], body)}`;
}

/** The tape report: totals, then one stratification table per attribute. */
export function tapeReport(name: string, source: string, loans: readonly Loan[]): string {
  const t = poolTotals(loans);
  const totals = textTable(
    ['Pool', ''],
    [
      ['Loans', String(t.count)],
      ['Current balance', money(t.balance)],
      ['Original balance', money(t.originalBalance)],
      ['Average balance', money(Math.round(t.averageBalance))],
      ['Weighted average rate (WAC)', pct(t.wac)],
      ['WA remaining term (months)', t.waRemainingTerm.toFixed(1)],
      ['WA original term (months)', t.waOriginalTerm.toFixed(1)],
      ['WA FICO', t.waFico.toFixed(0)],
      ['WA original LTV', pct(t.waLtv, 2)],
      ['Adjustable-rate share', pct(t.armShare, 2)],
      ['ARM WA margin', pct(t.waMargin)],
    ],
  );
  const keys: StratificationKey[] = ['product', 'rate', 'remainingTerm', 'state', 'fico', 'ltv'];
  const tables = keys.map((k) => strataTable(TITLES[k], stratify(loans, k)));
  return [`${name}\nLoan tape: ${source}`, totals, ...tables].join('\n\n') + '\n';
}

/** The `tape` command's work, loaded only when the command runs. */
export const action = async (options: {
  deal: string;
  file?: string;
  writeExample?: string;
  writeDerived?: string;
}) => {
  const deal = resolveDeal(options.deal);
  if (options.writeDerived) {
    for (const { name, text } of (await derivedOpening(deal)).files) {
      const path = join(options.writeDerived, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text);
      process.stdout.write(`wrote ${path}\n`);
    }
    return;
  }
  if (options.writeExample) {
    const loans = deal.id === 'nchet-2002-1' ? generateExamplePool() : syntheticDealTape(deal);
    await mkdir(dirname(options.writeExample), { recursive: true });
    await writeFile(options.writeExample, writeLoanTape(loans));
    process.stdout.write(`wrote ${loans.length} synthetic loans to ${options.writeExample}\n`);
    return;
  }
  const path = options.file ?? dealTapePath(deal.id);
  const loans = await readLoanTape(path);
  process.stdout.write(tapeReport(deal.name, path, loans));
};
