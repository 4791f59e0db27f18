import { readFileSync } from 'node:fs';
import { dealsDirectory } from '../deal/builtIn.ts';

/**
 * Test support: deal files of other structures, built from 2002-1's as data (no code of their
 * own), for the golden tests of each construct and for projections of them.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a deal file as parsed JSON
export type Json = Record<string, any>;

const builtIn = (): Json =>
  JSON.parse(readFileSync(`${dealsDirectory}nchet-2002-1.json`, 'utf8')) as Json;

/** Class A split into, paid pro rata, sequentially while a trigger is in effect. */
export function splitSeniorDeal(): Json {
  const d = builtIn();
  const { A, ...others } = d['classes'];
  d['id'] = 'split-senior-example';
  d['classes'] = {
    'A-1': { ...A, cusip: '64352VCA7', originalBalance: '100000000.00' },
    'A-2': { ...A, cusip: '64352VCB5', originalBalance: '60901000.00' },
    ...others,
  };
  d['seniority'] = ['A-1', 'A-2', 'M-1', 'M-2', 'M-3', 'M-4'];
  d['stepdown'].seniorClass = ['A-1', 'A-2'];
  d['interestShortfallClasses'] = ['A-1', 'A-2', 'M-1', 'M-2', 'M-3', 'M-4'];
  d['assumptions'] = d['assumptions'].filter(
    (a: Json) => !String(a['path']).startsWith('classes.A.'),
  );
  d['waterfall'].interest = d['waterfall'].interest.map((s: Json) =>
    s['classes']?.[0] === 'A' ? { ...s, classes: ['A-1', 'A-2'], allocation: 'proRata' } : s,
  );
  d['waterfall'].principal = [
    {
      kind: 'principal',
      classes: ['A-1', 'A-2'],
      allocation: 'proRata',
      when: { triggerEvent: false },
    },
    { kind: 'principal', classes: ['A-1', 'A-2'], when: { triggerEvent: true } },
    { kind: 'principal', classes: ['M-1', 'M-2', 'M-3', 'M-4', 'P'] },
  ];
  d['waterfall'].excess = d['waterfall'].excess.map((s: Json) =>
    s['kind'] === 'netWacCarryover'
      ? { ...s, classes: ['A-1', 'A-2', ...s['classes'].slice(1)] }
      : s,
  );
  return d;
}

/** Class A replaced by fixed-rate AF-1..AF-6, AF-6 the NAS class. */
export const AF = [
  ['AF-1', '40000000.00', 0.04],
  ['AF-2', '30000000.00', 0.045],
  ['AF-3', '30000000.00', 0.05],
  ['AF-4', '20000000.00', 0.055],
  ['AF-5', '24801000.00', 0.06],
  ['AF-6', '16100000.00', 0.0525],
] as const;
export const AF_NAMES = AF.map(([name]) => name);
export const NAS = [
  { fromDistribution: 1, percentage: 0 },
  { fromDistribution: 37, percentage: 0.45 },
  { fromDistribution: 61, percentage: 0.8 },
  { fromDistribution: 73, percentage: 1 },
  { fromDistribution: 85, percentage: 3 },
];

export function fixedRateDeal(): Json {
  const d = builtIn();
  const { A: _a, ...others } = d['classes'];
  d['id'] = 'fixed-rate-example';
  d['classes'] = {
    ...Object.fromEntries(
      AF.map(([name, balance, coupon], i) => [
        name,
        {
          kind: 'fixed',
          cusip: `64352VF${i}0`,
          originalBalance: balance,
          coupon,
          stepUpCoupon: coupon + 0.005,
          dayCount: '30/360',
          principalTarget: 0.62,
        },
      ]),
    ),
    ...others,
  };
  d['seniority'] = [...AF_NAMES, 'M-1', 'M-2', 'M-3', 'M-4'];
  d['stepdown'].seniorClass = AF_NAMES;
  d['interestShortfallClasses'] = [...AF_NAMES, 'M-1', 'M-2', 'M-3', 'M-4'];
  d['assumptions'] = d['assumptions'].filter(
    (a: Json) => !String(a['path']).startsWith('classes.A.'),
  );
  d['waterfall'].interest = d['waterfall'].interest.map((s: Json) =>
    s['classes']?.[0] === 'A' ? { ...s, classes: AF_NAMES, allocation: 'proRata' } : s,
  );
  d['waterfall'].principal = [
    {
      kind: 'principal',
      classes: AF_NAMES,
      allocation: { nas: { class: 'AF-6', percentages: NAS } },
    },
    { kind: 'principal', classes: ['M-1', 'M-2', 'M-3', 'M-4', 'P'] },
  ];
  d['waterfall'].excess = d['waterfall'].excess.map((s: Json) =>
    s['kind'] === 'netWacCarryover'
      ? { ...s, classes: [...AF_NAMES, ...s['classes'].slice(1)] }
      : s,
  );
  return d;
}

/** An A-IO class on a scheduled notional, its interest pro rata with class A's. */
export function ioDeal(): Json {
  const d = builtIn();
  d['id'] = 'interest-only-example';
  d['classes'] = {
    A: d['classes']['A'],
    'A-IO': {
      kind: 'interestOnly',
      cusip: '64352VCH2',
      originalNotional: '48272000.00',
      coupon: 0.06,
      dayCount: '30/360',
      notional: {
        schedule: [
          { fromDistribution: 1, amount: '48272000.00' },
          { fromDistribution: 13, amount: '30000000.00' },
          { fromDistribution: 31, amount: '0.00' },
        ],
        atMostPool: true,
      },
    },
    ...Object.fromEntries(Object.entries(d['classes']).filter(([name]) => name !== 'A')),
  };
  d['waterfall'].interest = d['waterfall'].interest.map((s: Json) =>
    s['classes']?.[0] === 'A' ? { ...s, classes: ['A', 'A-IO'], allocation: 'proRata' } : s,
  );
  return d;
}

/**
 * A supplemental interest trust: a swap (the trust pays 5.00% 30/360 on 150,000,000.00 and
 * receives 1-month LIBOR ACT/360) and a cap (LIBOR above 4.00% on 100,000,000.00), the Net
 * Swap Payment first in the interest priority, the receipts to the classes' interest still
 * unpaid, the OC deficiency, Net WAC carryover and unpaid realized losses, the rest to CE.
 */
export function swapDeal(): Json {
  const d = builtIn();
  d['id'] = 'swap-and-cap-example';
  d['supplementalInterestTrust'] = {
    swap: {
      counterparty: 'Swap Counterparty',
      fixedRate: 0.05,
      fixedDayCount: '30/360',
      floatingDayCount: 'ACT/360',
      notional: [
        { fromDistribution: 1, amount: '150000000.00' },
        { fromDistribution: 37, amount: '0.00' },
      ],
    },
    cap: {
      counterparty: 'Cap Provider',
      strike: 0.04,
      dayCount: 'ACT/360',
      notional: [{ fromDistribution: 1, amount: '100000000.00' }],
    },
  };
  d['waterfall'].interest.unshift({ kind: 'netSwapPayment' });
  d['waterfall'].supplemental = [
    { kind: 'interest', classes: ['A', 'M-1', 'M-2', 'M-3', 'M-4'], part: 'currentAndUnpaid' },
    { kind: 'extraPrincipal' },
    { kind: 'netWacCarryover', classes: ['A', 'M-1', 'M-2', 'M-3', 'M-4'] },
    { kind: 'realizedLossReimbursement', classes: ['M-1', 'M-2', 'M-3', 'M-4'] },
    { kind: 'remainder', class: 'CE' },
  ];
  return d;
}

/**
 * A reserve fund of 0.50% of the pool (1,000,000.00 deposited at closing), filled from the
 * excess cashflow after the Extra Principal Distribution Amount, and drawn for the classes'
 * interest still unpaid before the excess pays them.
 */
export function reserveFundDeal(): Json {
  const d = builtIn();
  d['id'] = 'reserve-fund-example';
  d['reserveFund'] = { target: { poolFraction: 0.005 }, initialDeposit: '1000000.00' };
  const excess = d['waterfall'].excess as Json[];
  excess.splice(
    1,
    0,
    {
      kind: 'reserveFundDraw',
      classes: ['A', 'M-1', 'M-2', 'M-3', 'M-4'],
      part: 'currentAndUnpaid',
    },
    { kind: 'reserveFundDeposit' },
  );
  return d;
}

/**
 * Two loan groups (STRUCTURES.md section 1): class A split into A-1, backed by group I
 * (120,000,000.00 of the cut-off pool, 360 loans), and A-2, backed by group II (the rest).
 * Interest: each group's fees from its own loans; A-1's current and unpaid interest from group
 * I's Interest Remittance Amount, A-2's from group II's; then the cross-collateralization (what
 * is left of either group to the other group's senior); then M-1..M-4 from what is left of both.
 * Principal: each group's Principal Distribution Amount to its own senior, then to the other's,
 * then the M classes in order.
 */
export const GROUP_I = { balance: 120_000_000_00, loans: 360, a1: 97_000_000_00 } as const;

export function twoGroupDeal(): Json {
  const d = builtIn();
  const { A, ...others } = d['classes'];
  const a1 = (GROUP_I.a1 / 100).toFixed(2);
  const a2 = ((Math.round(Number(A['originalBalance']) * 100) - GROUP_I.a1) / 100).toFixed(2);
  d['id'] = 'two-group-example';
  d['classes'] = {
    'A-1': { ...A, cusip: '64352VGA1', originalBalance: a1 },
    'A-2': { ...A, cusip: '64352VGB9', originalBalance: a2, margin: 0.0036, stepUpMargin: 0.0072 },
    ...others,
  };
  const cutoff = Math.round(Number(d['collateral'].cutoffBalance) * 100);
  d['groups'] = {
    I: {
      description: 'loans with conforming balances',
      cutoffBalance: (GROUP_I.balance / 100).toFixed(2),
      cutoffLoanCount: GROUP_I.loans,
      seniorClasses: ['A-1'],
    },
    II: {
      description: 'loans with conforming and non-conforming balances',
      cutoffBalance: ((cutoff - GROUP_I.balance) / 100).toFixed(2),
      cutoffLoanCount: d['collateral'].cutoffLoanCount - GROUP_I.loans,
      seniorClasses: ['A-2'],
    },
  };
  d['seniority'] = ['A-1', 'A-2', 'M-1', 'M-2', 'M-3', 'M-4'];
  d['stepdown'].seniorClass = ['A-1', 'A-2'];
  d['interestShortfallClasses'] = ['A-1', 'A-2', 'M-1', 'M-2', 'M-3', 'M-4'];
  d['assumptions'] = d['assumptions'].filter(
    (a: Json) => !String(a['path']).startsWith('classes.A.'),
  );
  d['waterfall'].interest = [
    { kind: 'fee', fee: 'servicing' },
    { kind: 'fee', fee: 'trustee' },
    { kind: 'interest', classes: ['A-1'], part: 'currentAndUnpaid', from: 'I' },
    { kind: 'interest', classes: ['A-2'], part: 'currentAndUnpaid', from: 'II' },
    { kind: 'interest', classes: ['A-2'], part: 'currentAndUnpaid', from: 'I' },
    { kind: 'interest', classes: ['A-1'], part: 'currentAndUnpaid', from: 'II' },
    ...['M-1', 'M-2', 'M-3', 'M-4'].map((name) => ({
      kind: 'interest',
      classes: [name],
      part: 'current',
    })),
  ];
  d['waterfall'].principal = [
    { kind: 'principal', classes: ['A-1'], from: 'I' },
    { kind: 'principal', classes: ['A-2'], from: 'II' },
    { kind: 'principal', classes: ['A-2'], from: 'I' },
    { kind: 'principal', classes: ['A-1'], from: 'II' },
    { kind: 'principal', classes: ['M-1', 'M-2', 'M-3', 'M-4', 'P'] },
  ];
  d['waterfall'].excess = d['waterfall'].excess.map((s: Json) =>
    s['kind'] === 'netWacCarryover'
      ? { ...s, classes: ['A-1', 'A-2', ...s['classes'].slice(1)] }
      : s,
  );
  return d;
}

/**
 * An annual cap of 100,000.00 on the extraordinary trust fund expenses reimbursed before the
 * certificates; those above it reimbursed from the excess cashflow after the Extra Principal
 * Distribution Amount.
 */
export function expenseCapDeal(): Json {
  const d = builtIn();
  d['id'] = 'expense-cap-example';
  d['extraordinaryExpenseCap'] = { annualAmount: '100000.00' };
  (d['waterfall'].excess as Json[]).splice(1, 0, { kind: 'expenseReimbursement' });
  return d;
}
