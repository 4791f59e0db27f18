import type { ScenarioFailure } from '../../projection/gridOutcome.ts';

/**
 * What a projection job returns: per class its totals and measures, per month the cash flows.
 * Money in integer cents; WAL in years; yields as decimals: annual actual/360 rates compounded on the distribution dates (docs/projections.md).
 */
export interface ClassProjection {
  name: string;
  startBalance: number;
  principal: number;
  interest: number;
  writedown: number;
  /** Weighted average life in years from the projection's start; null if no principal. */
  wal: number | null;
  /** Yield at the scenario's price; null where it cannot be solved (no cash flow). */
  yield: number | null;
  firstPrincipalDate: string | null;
  lastPrincipalDate: string | null;
}

export interface ProjectedPeriod {
  date: string;
  poolBalance: number;
  excessCashflow: number;
  classes: Record<
    string,
    { principal: number; interest: number; balance: number; writedown: number }
  >;
}

export interface Breakeven {
  class: string;
  /** The lowest constant CDR (decimal) at which the class loses principal; null if none up to 100%. */
  cdr: number | null;
}

export interface ProjectionResult {
  dealId: string;
  /** The closed distribution date the projection starts after. */
  asOf: string;
  /**
   * Where the loans came from and what the scenario does with those behind: "509 loans as of
   * 2002-12-26 from the remittance rows; 16 in foreclosure or REO, liquidated in month 1; ...".
   */
  loans: string;
  scenario: unknown;
  classes: ClassProjection[];
  periods: ProjectedPeriod[];
  breakevens: Breakeven[] | null;
}

export interface GridRow {
  index: number;
  name: string;
  assumptions: Record<string, unknown>;
  classes: Pick<ClassProjection, 'name' | 'wal' | 'yield' | 'writedown'>[];
  /** Only on a scenario that failed (its classes are then empty): why, as any API error. */
  error?: ScenarioFailure;
}

export interface GridResult {
  dealId: string;
  asOf: string;
  /** Where the loans came from (as for a projection; each scenario treats foreclosures its way). */
  loans: string;
  rows: GridRow[];
}

/** A grid's result but its rows: what is kept in memory once the rows are on disk. */
export type GridHead = Omit<GridResult, 'rows'>;

/** A projection's result but its months. */
export type ProjectionHead = Omit<ProjectionResult, 'periods'>;

/**
 * A page of a finished job's result (GET /api/jobs/{jobId}/result): the result's other fields,
 * `total` rows in all, this page's `rows` (a grid's scenarios, a projection's months) from
 * `offset`, and `next`, the URL of the next page (null on the last).
 */
export type ResultPage<Head, Row> = Head & {
  total: number;
  offset: number;
  limit: number;
  next: string | null;
  rows: Row[];
};

export type ProjectionPage = ResultPage<ProjectionHead, ProjectedPeriod>;
export type GridPage = ResultPage<GridHead, GridRow>;
