import type { ErrorDetail } from '../errors/catalogue.ts';
import { cents } from '../money/cents.ts';
import { dollarsAndCents } from '../reports/format.ts';
import type { StoredDistribution } from '../store/trustStore.ts';
import { periodFigures, type DateInputs } from './dateRun.ts';

/** At most this many fields are listed; the message says how many more differ. */
const LIMIT = 20;

/**
 * The fields in which new inputs differ from a closed version's: what a CLOSED_DATE error
 * names, e.g. `period.interestCollected: expected 142973783 (stored) got 142983783`.
 */
export function inputDifferences(
  stored: StoredDistribution,
  storedDealFile: unknown,
  inputs: DateInputs,
): ErrorDetail[] {
  const found: ErrorDetail[] = [];
  if (stored.dealHash !== inputs.dealHash) {
    const before = found.length;
    collect(storedDealFile, inputs.deal.file, 'deal', found);
    if (found.length === before) {
      found.push({
        field: 'deal',
        message: 'the deal file differs from the one the date was closed with',
        expected: `deal ${stored.dealHash.slice(0, 12)}`,
        got: `deal ${inputs.dealHash.slice(0, 12)}`,
      });
    }
  }
  collect(stored.stateBefore, inputs.stateBefore, 'stateBefore', found);
  collect(periodFigures(stored.distribution.period), periodFigures(inputs.period), 'period', found);
  collect(stored.indexFixing, inputs.fixing, 'indexFixing', found);
  if (found.length <= LIMIT) return found;
  return [
    ...found.slice(0, LIMIT),
    { field: '...', message: `and ${found.length - LIMIT} more fields differ` },
  ];
}

function collect(stored: unknown, given: unknown, path: string, found: ErrorDetail[]): void {
  if (isObject(stored) && isObject(given)) {
    const keys = new Set([...Object.keys(stored), ...Object.keys(given)]);
    for (const key of [...keys].sort()) {
      const at = Array.isArray(stored) ? `${path}[${key}]` : `${path}.${key}`;
      collect(stored[key], given[key], at, found);
    }
    return;
  }
  if (stored !== given) {
    found.push({
      field: path,
      message: 'differs from the closed date',
      expected: `${display(path, stored)} (stored)`,
      got: display(path, given),
    });
  }
}

/** Numbers that are not money: counts, rates, terms. Every other integer in the inputs is cents. */
const notMoney = /(count|Count|Number|Rate|rate|Term)$/;

/** Amounts as dollars ("1,429,737.83"), anything else as JSON. */
function display(path: string, value: unknown): string {
  const key = path.slice(path.lastIndexOf('.') + 1);
  const isMoney =
    !path.startsWith('indexFixing') && Number.isSafeInteger(value) && !notMoney.test(key);
  return isMoney ? dollarsAndCents(cents(value as number)) : JSON.stringify(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}
