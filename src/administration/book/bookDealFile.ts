import { cusipCheckDigit } from './cusip.ts';

/** A deal file as JSON (the shape `loadDeal` validates). */
type Json = unknown;
type JsonObject = Record<string, Json>;

/** The keys of a deal file that hold dollar amounts (schema.ts `dollars`). */
const MONEY_KEYS = new Set([
  'originalBalance',
  'originalNotional',
  'amount',
  'monthly',
  'cutoffBalance',
  'initialTarget',
  'initialDeposit',
  'annualAmount',
]);

/** Scales the book draws from, smallest first: each keeps every amount a whole number of cents. */
const SCALES: readonly (readonly [number, number])[] = [
  [1, 10],
  [1, 8],
  [1, 5],
  [1, 4],
];

/** The part of the template's loan count a deal of the book keeps, at its scale (see below). */
const LOAN_SHARE = 0.1;

/** Where a deal of the book sits: its number, its issuer and servicer, its scale. */
export interface BookDealPlan {
  /** 1, 2, ...: the deal's number in the book (its series number). */
  readonly number: number;
  readonly issuer: {
    readonly name: string;
    /** The id's first part: lower-case letters. */
    readonly slug: string;
    /** Four characters, the CUSIPs' first (the deal's number makes the issuer part six). */
    readonly cusipPrefix: string;
  };
  readonly servicer: string;
  /** Draws in [0, 1): which scale the deal takes among those its template allows. */
  readonly scaleDraw: number;
  /** The common calendar of the book: every deal's cut-off, closing and first distribution. */
  readonly dates: {
    readonly cutoff: string;
    readonly closing: string;
    readonly firstDistribution: string;
  };
}

const cents = (dollars: string | number): bigint => BigInt(Math.round(Number(dollars) * 100));
const dollars = (c: bigint): string => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;

function moneyAmounts(json: Json, found: bigint[] = []): bigint[] {
  if (Array.isArray(json)) json.forEach((item) => moneyAmounts(item, found));
  else if (json !== null && typeof json === 'object') {
    for (const [key, value] of Object.entries(json)) {
      if (MONEY_KEYS.has(key) && (typeof value === 'string' || typeof value === 'number')) {
        found.push(cents(value));
      } else moneyAmounts(value, found);
    }
  }
  return found;
}

function scaled(json: Json, [num, den]: readonly [number, number]): Json {
  if (Array.isArray(json)) return json.map((item) => scaled(item, [num, den]));
  if (json === null || typeof json !== 'object') return json;
  return Object.fromEntries(
    Object.entries(json).map(([key, value]) => [
      key,
      MONEY_KEYS.has(key) && (typeof value === 'string' || typeof value === 'number')
        ? dollars((cents(value) * BigInt(num)) / BigInt(den))
        : scaled(value, [num, den]),
    ]),
  );
}

/** The scales under which every amount of the template stays whole cents; else 1/1 only. */
export function exactScales(template: Json): (readonly [number, number])[] {
  const amounts = moneyAmounts(template);
  const exact = SCALES.filter(([num, den]) =>
    amounts.every((c) => (c * BigInt(num)) % BigInt(den) === 0n),
  );
  return exact.length > 0 ? exact : [[1, 1]];
}

/**
 * A deal of a synthetic book from a built-in deal file: the same structure (classes, groups,
 * waterfall, triggers, swap and cap), another issuer, id, name, series, CUSIPs and servicer,
 * every dollar amount scaled exactly (so the classes still add up to the pool to the cent),
 * fewer loans (a tenth of the template's at its scale, at least 30 a group), and the book's
 * common calendar, so that one distribution date is every deal's.
 */
export function bookDealFile(template: Json, plan: BookDealPlan): JsonObject {
  const scales = exactScales(template);
  const scale = scales[Math.floor(plan.scaleDraw * scales.length)] ?? [1, 1];
  const file = scaled(template, scale) as JsonObject;
  const year = plan.dates.firstDistribution.slice(0, 4);
  const series = `${year}-${plan.number}`;
  const id = `${plan.issuer.slug}-${series}`;
  const loans = (count: Json) =>
    Math.max(30, Math.round((Number(count) * scale[0] * LOAN_SHARE) / scale[1]));
  const collateral = file['collateral'] as JsonObject;
  const groups = file['groups'] as Record<string, JsonObject> | undefined;
  if (groups) {
    for (const group of Object.values(groups))
      group['cutoffLoanCount'] = loans(group['cutoffLoanCount']);
    collateral['cutoffLoanCount'] = Object.values(groups).reduce(
      (n, g) => n + Number(g['cutoffLoanCount']),
      0,
    );
  } else {
    collateral['cutoffLoanCount'] = loans(collateral['cutoffLoanCount']);
  }
  // CUSIPs: the issuer's four characters and the deal's number (the CUSIP's issuer part),
  // "A" and the class's place (its issue part), and the check digit.
  const dealPart = plan.number.toString(36).toUpperCase().padStart(2, '0').slice(-2);
  let place = 0;
  const classes = file['classes'] as Record<string, JsonObject>;
  for (const entry of Object.values(classes)) {
    if (typeof entry['cusip'] !== 'string') continue;
    const base = `${plan.issuer.cusipPrefix}${dealPart}A${place.toString(36).toUpperCase()}`;
    entry['cusip'] = `${base}${cusipCheckDigit(base)}`;
    place += 1;
  }
  const dates = file['dates'] as JsonObject;
  Object.assign(dates, plan.dates);
  (file['registrant'] as JsonObject)['agreementDate'] = plan.dates.cutoff;
  (file['parties'] as JsonObject)['masterServicer'] = plan.servicer;
  const name = `${plan.issuer.name} Trust, Series ${series}`;
  return {
    ...file,
    id,
    name,
    series,
    title: `${plan.issuer.name} Trust ${series} Mortgage Pass-Through Certificates`,
  };
}
