import type { Deal } from '../deal/deal.ts';
import type { IndexRateTable } from '../deal/indexRates.ts';
import { accrualPeriod } from '../deal/schedule.ts';
import { businessDaysBefore } from '../money/calendar.ts';
import { compare, type PlainDate } from '../money/plainDate.ts';
import type { IndexFixing } from '../waterfall/distribute.ts';
import type { IndexPath, Scenario } from './scenarioSchema.ts';

/**
 * The calendar of a projection, the same for every scenario from one starting state: for each
 * projected month t (1-based), its distribution date, accrual days, index determination date
 * (the deal's rule: `businessDaysBefore` business days of the index calendar before the accrual
 * period starts) and the historical fixing on that date if the deal's table has one (NaN if not).
 */
export interface ProjectionCalendar {
  readonly months: number;
  readonly firstDistribution: number;
  readonly dates: readonly PlainDate[];
  readonly accrualDays: Float64Array;
  readonly determinationDates: readonly PlainDate[];
  readonly history: Float64Array;
  /** The latest fixing on or before the first determination date: the default flat index. */
  readonly lastFixing: number;
}

export function projectionCalendar(
  deal: Deal,
  table: IndexRateTable,
  firstDistribution: number,
  months: number,
): ProjectionCalendar {
  const dates: PlainDate[] = [deal.firstDistributionDate];
  const determinationDates: PlainDate[] = [deal.firstDistributionDate];
  const accrualDays = new Float64Array(months + 1);
  const history = new Float64Array(months + 1).fill(Number.NaN);
  for (let t = 1; t <= months; t++) {
    const accrual = accrualPeriod(deal, firstDistribution + t - 1);
    const determination = businessDaysBefore(
      accrual.start,
      deal.index.businessDaysBefore,
      table.calendar,
    );
    dates.push(accrual.end);
    determinationDates.push(determination);
    accrualDays[t] = accrual.days;
    history[t] = table.fixing(determination) ?? Number.NaN;
  }
  return {
    months,
    firstDistribution,
    dates,
    accrualDays,
    determinationDates,
    history,
    lastFixing: lastFixingOnOrBefore(table, determinationDates[1] ?? table.last),
  };
}

function lastFixingOnOrBefore(table: IndexRateTable, date: PlainDate): number {
  let day = compare(date, table.last) > 0 ? table.last : date;
  for (let k = 0; k < 40; k++) {
    const rate = table.fixing(day);
    if (rate !== undefined) return rate;
    day = businessDaysBefore(day, 1, table.calendar);
  }
  return 0;
}

/** An index path's value (decimal) at projected month t, before history is considered. */
export function assumedIndex(path: IndexPath, t: number): number {
  if ('flat' in path) return path.flat / 100;
  if ('vector' in path) return path.vector[Math.min(t, path.vector.length) - 1]! / 100;
  const curve = path.forward[Math.min(t, path.forward.length) - 1]!;
  return (curve + path.shockBps / 100) / 100;
}

/**
 * Fills out[t] (t = 1..months) with the index of month t: the deal's historical fixing where the
 * table has one and the path keeps history, else the assumption; `spreadBps` is added (the
 * loans' index over the certificates'). No path: flat at the last fixing, history kept.
 */
export function fillIndexPath(
  out: Float64Array,
  calendar: ProjectionCalendar,
  path: IndexPath | undefined,
  spreadBps = 0,
): void {
  const p: IndexPath = path ?? { flat: calendar.lastFixing * 100, history: true };
  for (let t = 1; t < out.length; t++) {
    const known = t <= calendar.months ? calendar.history[t]! : Number.NaN;
    const base = p.history && !Number.isNaN(known) ? known : assumedIndex(p, t);
    out[t] = base + spreadBps / 10_000;
  }
  if (out.length > 1) out[0] = out[1]!;
}

// The certificates' fixings of each calendar, by index path (its JSON): every scenario of a grid
// with the same path has the same fixings, read only by the waterfall. A few paths are kept per
// calendar (a grid varying the path has a new one each scenario).
const fixingsByCalendar = new WeakMap<ProjectionCalendar, Map<string, readonly IndexFixing[]>>();
const PATHS_KEPT = 16;

/** An index path as text, for the cache: -0 and the numbers JSON cannot write kept apart. */
function pathKey(path: IndexPath | undefined): string {
  if (path === undefined) return 'none';
  return JSON.stringify(path, (_key, value: unknown) =>
    typeof value === 'number' && (Object.is(value, -0) || !Number.isFinite(value))
      ? `number ${Object.is(value, -0) ? '-0' : value}`
      : value,
  );
}

/** The certificates' fixings of months 1..months (index t - 1), rates to 1e-10. */
function certificateFixings(
  calendar: ProjectionCalendar,
  path: IndexPath | undefined,
): readonly IndexFixing[] {
  let byPath = fixingsByCalendar.get(calendar);
  if (!byPath) {
    byPath = new Map();
    fixingsByCalendar.set(calendar, byPath);
  }
  const key = pathKey(path);
  const known = byPath.get(key);
  if (known) return known;
  const certificates = new Float64Array(calendar.months + 1);
  fillIndexPath(certificates, calendar, path);
  const fixings: IndexFixing[] = [];
  for (let t = 1; t <= calendar.months; t++) {
    // Rates to 1e-10 (the precision `accrue` uses), so a path of 1.9 gives exactly 0.019.
    fixings.push(
      Object.freeze({
        rate: Math.round(certificates[t]! * 1e10) / 1e10,
        determinationDate: calendar.determinationDates[t]!,
      }),
    );
  }
  if (byPath.size >= PATHS_KEPT) byPath.clear();
  byPath.set(key, Object.freeze(fixings));
  return fixings;
}

/** The certificates' fixings and the loans' index path for a scenario. */
export function scenarioIndexPaths(
  calendar: ProjectionCalendar,
  scenario: Scenario,
): { fixings: readonly IndexFixing[]; loanIndex: Float64Array } {
  const loanIndex = new Float64Array(calendar.months + 1);
  fillIndexPath(
    loanIndex,
    calendar,
    scenario.loanIndex ?? scenario.index,
    scenario.loanIndexSpreadBps,
  );
  return { fixings: certificateFixings(calendar, scenario.index), loanIndex };
}
