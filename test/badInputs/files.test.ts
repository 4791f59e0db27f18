import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/main.ts';
import { TrusteeError, type ErrorCode, type ErrorDetail } from '../../src/errors/catalogue.ts';
import { root } from '../support/cli.ts';
import { storeDigest } from '../support/storeDigest.ts';

/**
 * The bad-input catalogue for files and the command line: deal files, collection-period
 * totals, state files, remittance reports, loan tapes, scenarios and grids, and CLI flags.
 * Each case runs the `trustee` command a user would (in this process, for speed) against a
 * store with March and April 2002 closed, and checks the error's code, where it points (file,
 * row or line, field) and that the store holds exactly what it held before.
 */

const dir = mkdtempSync(join(tmpdir(), 'trustee-bad-inputs-'));
const db = join(dir, 'trustee.sqlite');
const deals = join(root, 'deals');
const dealText = readFileSync(join(deals, 'nchet-2002-1.json'), 'utf8');
const aprilText = readFileSync(join(deals, 'nchet-2002-1/periods/2002-04-25.json'), 'utf8');
const stateText = readFileSync(join(deals, 'nchet-2002-1/state-2002-03-25.json'), 'utf8');
const mayReport = readFileSync(join(deals, 'nchet-2002-1/remittances/2002-05-28.csv'), 'utf8');
const tapeText = readFileSync(join(deals, 'nchet-2002-1/tape.csv'), 'utf8');
const scenarioText = readFileSync(join(root, 'src/projection/examples/scenario.json'), 'utf8');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, edited freely
type Json = Record<string, any>;
const json = (text: string): Json => JSON.parse(text) as Json;

/** Writes a file of the case into the temporary folder; returns its path. */
function file(name: string, content: string | Json): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

/** A deal file: the 2002-1 deal changed by `edit`. */
function deal(name: string, edit: (d: Json) => void): string {
  const d = json(dealText);
  edit(d);
  return file(name, d);
}

/** A collection-period totals file for May 2002 (the servicer's report, as totals) changed. */
let mayTotals: Json;
function totals(name: string, edit: (t: Json) => void): string {
  const t = structuredClone(mayTotals);
  edit(t);
  return file(name, t);
}

interface Case {
  readonly name: string;
  readonly argv: () => string[];
  readonly code: ErrorCode;
  /** Where the first detail points; `file: true` means the case's own input file. */
  readonly field?: string;
  readonly row?: number;
  readonly line?: number;
  readonly file?: string | true;
  /** A phrase the details or message must contain (a "did you mean", the limit...). */
  readonly says?: string;
}

let lastFile = '';
/** The path of the file the argv names (the last argument that is a file of the case). */
const inputFile = (argv: string[]): string =>
  argv.find((a, i) => a.startsWith(dir) && a !== db && argv[i - 1] !== '--db') ?? lastFile;

async function refusal(argv: string[]): Promise<TrusteeError> {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof TrusteeError) return error;
    if (error instanceof CommanderError) return new TrusteeError('USAGE', error.message);
    throw error;
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  throw new Error(`accepted: trustee ${argv.join(' ')}`);
}

const close = (date: string, ...more: string[]) => [
  'close',
  '--deal',
  'nchet-2002-1',
  '--date',
  date,
  '--db',
  db,
  ...more,
];
const closeMay = (totalsFile: string) => close('2002-05-28', '--totals', totalsFile);
const closeWithDeal = (dealFile: string) => [
  'close',
  '--deal',
  dealFile,
  '--date',
  '2002-05-28',
  '--db',
  db,
  '--totals',
  join(dir, 'may.json'),
];
const project = (...more: string[]) => [
  'project',
  '--deal',
  'nchet-2002-1',
  '--db',
  db,
  '--horizon',
  '3',
  '--no-breakeven',
  ...more,
];

const cases: Case[] = [
  // Deal files
  {
    name: 'a deal file with an unknown top-level key',
    argv: () => closeWithDeal(deal('d1.json', (d) => (d['assumption'] = []))),
    code: 'INVALID_DEAL',
    file: true,
    field: 'assumption',
    says: 'did you mean "assumptions"?',
  },
  {
    name: "a deal file with a class's misspelt margin",
    argv: () =>
      closeWithDeal(
        deal('d2.json', (d) => {
          d['classes']['M-3'].margn = d['classes']['M-3'].margin;
          delete d['classes']['M-3'].margin;
        }),
      ),
    code: 'INVALID_DEAL',
    file: true,
    field: 'classes.M-3.margn',
    says: 'did you mean "margin"?',
  },
  {
    name: 'a deal file with the same class twice (the second with another margin)',
    argv: () =>
      closeWithDeal(
        file(
          'd3.json',
          dealText.replace('"M-4": {', '"M-3": { "kind": "floating", "margin": 0.05 },\n"M-4": {'),
        ),
      ),
    code: 'INVALID_DEAL',
    file: true,
    field: 'classes.M-3',
    says: 'duplicate key "M-3"',
  },
  {
    name: 'a deal file whose interest priority is empty',
    argv: () => closeWithDeal(deal('d4.json', (d) => (d['waterfall'].interest = []))),
    code: 'INVALID_DEAL',
    file: true,
    field: 'waterfall.interest',
  },
  {
    name: 'a deal file whose excess cashflow never reaches a remainder',
    argv: () =>
      closeWithDeal(
        deal('d5.json', (d) => {
          d['waterfall'].excess = d['waterfall'].excess.filter(
            (s: Json) => s['kind'] !== 'remainder',
          );
        }),
      ),
    code: 'INVALID_DEAL',
    file: true,
    field: 'waterfall.excess',
  },
  {
    name: 'a deal file with a class no step pays principal',
    argv: () =>
      closeWithDeal(
        deal('d6.json', (d) => (d['waterfall'].principal[0].classes = ['A', 'M-1', 'M-2', 'P'])),
      ),
    code: 'INVALID_DEAL',
    file: true,
    field: 'classes.M-3',
    says: 'no step pays class M-3 its principal',
  },
  {
    name: 'a deal file with a fee no step pays',
    argv: () =>
      closeWithDeal(
        deal('d7.json', (d) => {
          d['waterfall'].interest = d['waterfall'].interest.filter(
            (s: Json) => s['fee'] !== 'trustee',
          );
        }),
      ),
    code: 'INVALID_DEAL',
    file: true,
    field: 'fees.trustee',
  },
  {
    name: 'a deal file that is not JSON (a trailing comma)',
    argv: () => closeWithDeal(file('d8.json', dealText.replace(/\}\s*$/, ',}'))),
    code: 'INVALID_DEAL',
    file: true,
    says: 'not valid JSON',
  },
  {
    name: 'a deal file with a __proto__ key',
    argv: () =>
      closeWithDeal(
        file('d9.json', dealText.replace('"classes": {', '"__proto__": {"x": 1},\n"classes": {')),
      ),
    code: 'INVALID_DEAL',
    file: true,
    field: '__proto__',
    says: 'not allowed',
  },
  {
    name: 'a deal file whose step names an unknown class',
    argv: () =>
      closeWithDeal(deal('d10.json', (d) => d['waterfall'].principal[0].classes.push('M-9'))),
    code: 'UNKNOWN_CLASS',
    file: true,
    field: 'waterfall.principal[0].classes',
  },
  {
    name: 'a deal file with a margin written as text',
    argv: () => closeWithDeal(deal('d11.json', (d) => (d['classes']['M-1'].margin = '0.008'))),
    code: 'INVALID_DEAL',
    file: true,
    field: 'classes.M-1.margin',
  },
  {
    name: 'a deal file whose class balances do not add up to the cut-off pool',
    argv: () =>
      closeWithDeal(deal('d12.json', (d) => (d['classes']['A'].originalBalance = '1.00'))),
    code: 'INVALID_DEAL',
    file: true,
    field: 'classes.*.originalBalance',
  },
  {
    name: 'a deal file with an impossible closing date',
    argv: () => closeWithDeal(deal('d13.json', (d) => (d['dates'].closing = '2002-02-30'))),
    code: 'INVALID_DEAL',
    file: true,
    field: 'dates.closing',
  },
  {
    name: 'a deal file with an unknown step kind',
    argv: () =>
      closeWithDeal(deal('d14.json', (d) => d['waterfall'].excess.unshift({ kind: 'bonus' }))),
    code: 'INVALID_DEAL',
    file: true,
    field: 'waterfall.excess[0].kind',
  },
  // Collection-period totals
  {
    name: 'totals with "prepaymentCharge" for "prepaymentCharges"',
    argv: () =>
      closeMay(
        totals('t1.json', (t) => {
          t['prepaymentCharge'] = t['prepaymentCharges'];
          delete t['prepaymentCharges'];
        }),
      ),
    code: 'INVALID_INPUT',
    file: true,
    field: 'prepaymentCharge',
    says: 'did you mean "prepaymentCharges"?',
  },
  {
    name: 'totals with a key given twice',
    argv: () =>
      closeMay(
        file(
          't2.json',
          JSON.stringify(mayTotals, null, 2).replace(
            '"curtailments"',
            '"curtailments": "0.00",\n  "curtailments"',
          ),
        ),
      ),
    code: 'INVALID_INPUT',
    file: true,
    field: 'curtailments',
    says: 'duplicate key',
  },
  {
    name: 'totals with a negative amount',
    argv: () => closeMay(totals('t3.json', (t) => (t['curtailments'] = '-5.00'))),
    code: 'INVALID_INPUT',
    file: true,
    field: 'curtailments',
  },
  {
    name: 'totals with an amount of three decimals',
    argv: () => closeMay(totals('t4.json', (t) => (t['advances'] = '23714.431'))),
    code: 'INVALID_INPUT',
    file: true,
    field: 'advances',
  },
  {
    name: 'totals for another date than --date',
    argv: () => closeMay(totals('t5.json', (t) => (t['distributionDate'] = '2002-06-25'))),
    code: 'INVALID_INPUT',
    file: true,
    field: 'distributionDate',
  },
  {
    name: 'totals with a misspelt delinquency bucket',
    argv: () =>
      closeMay(
        totals('t6.json', (t) => {
          t['delinquency'].days30to60 = t['delinquency'].days30to59;
          delete t['delinquency'].days30to59;
        }),
      ),
    code: 'INVALID_INPUT',
    file: true,
    field: 'delinquency.days30to60',
    says: 'did you mean "days30to59"?',
  },
  {
    name: 'totals without the ending pool balance',
    argv: () => closeMay(totals('t7.json', (t) => delete t['endingPoolBalance'])),
    code: 'INVALID_INPUT',
    file: true,
    field: 'endingPoolBalance',
  },
  {
    name: 'totals that are not JSON',
    argv: () => closeMay(file('t8.json', '{ "distributionDate": "2002-05-28", }')),
    code: 'INVALID_INPUT',
    file: true,
    line: 1,
  },
  {
    name: 'totals whose pool does not roll forward',
    argv: () => closeMay(totals('t9.json', (t) => (t['endingPoolBalance'] = '1.00'))),
    code: 'UNRECONCILED',
  },
  {
    name: 'totals for a day that is not a distribution date',
    argv: () => close('2002-05-27', '--totals', join(dir, 'may.json')),
    code: 'NOT_A_DISTRIBUTION_DATE',
    field: 'date',
  },
  {
    name: 'a date after a gap (May not closed), with no totals file',
    argv: () => close('2002-07-25'),
    code: 'OUT_OF_ORDER',
    field: 'distributionDate',
  },
  {
    name: 'a closed date again with other totals',
    argv: () =>
      close(
        '2002-04-25',
        '--totals',
        file('t10.json', { ...json(aprilText), interestCollected: '1429737.84' }),
      ),
    code: 'CLOSED_DATE',
  },
  {
    name: 'a totals file that does not exist',
    argv: () => closeMay(join(dir, 'missing.json')),
    code: 'NOT_FOUND',
    field: '--totals',
  },
  // State files
  {
    name: 'a state file with a misspelt field',
    argv: () =>
      close(
        '2002-04-25',
        '--totals',
        join(deals, 'nchet-2002-1/periods/2002-04-25.json'),
        '--state',
        file('s1.json', { ...json(stateText), poolBalanse: '1.00' }),
      ),
    code: 'INVALID_INPUT',
    file: true,
    field: 'poolBalanse',
    says: 'did you mean "poolBalance"?',
  },
  {
    name: 'a state file with a class the deal does not have',
    argv: () => {
      const s = json(stateText);
      s['classes']['M-9'] = s['classes']['M-4'];
      return close(
        '2002-04-25',
        '--totals',
        join(deals, 'nchet-2002-1/periods/2002-04-25.json'),
        '--state',
        file('s2.json', s),
      );
    },
    code: 'UNKNOWN_CLASS',
    file: true,
    field: 'classes.M-9',
  },
  // Remittance reports
  {
    name: 'a remittance report with a misspelt column',
    argv: () => [
      'remittance',
      'check',
      file('r1.csv', mayReport.replace('prepayment_charge', 'prepayment_charges')),
      '--deal',
      'nchet-2002-1',
    ],
    code: 'INVALID_INPUT',
    file: true,
    row: 1,
    field: 'prepayment_charge',
  },
  {
    name: 'a remittance report with a cell that is not an amount',
    argv: () => {
      const lines = mayReport.split('\n');
      lines[3] = lines[3]!.replace(/^([^,]*,[^,]*,)[^,]*/, '$1lots');
      return ['remittance', 'check', file('r2.csv', lines.join('\n')), '--deal', 'nchet-2002-1'];
    },
    code: 'INVALID_INPUT',
    file: true,
    row: 4,
    field: 'beginning_balance',
  },
  {
    name: 'a remittance report with a row of too few cells',
    argv: () => {
      const lines = mayReport.split('\n');
      lines[2] = lines[2]!.split(',').slice(0, 5).join(',');
      return ['remittance', 'check', file('r3.csv', lines.join('\n')), '--deal', 'nchet-2002-1'];
    },
    code: 'INVALID_INPUT',
    file: true,
    row: 3,
  },
  {
    name: 'an empty remittance report',
    argv: () => ['remittance', 'check', file('r4.csv', ''), '--deal', 'nchet-2002-1'],
    code: 'INVALID_INPUT',
    file: true,
    row: 1,
  },
  // Loan tapes
  {
    name: 'a loan tape with an unknown column',
    argv: () => [
      'tape',
      '--deal',
      'nchet-2002-1',
      '--file',
      file('l1.csv', tapeText.replace('fico', 'credit_score')),
    ],
    code: 'INVALID_INPUT',
    file: true,
    row: 1,
    field: 'fico',
  },
  {
    name: 'a loan tape with a misspelt column, the nearest named',
    argv: () => [
      'tape',
      '--deal',
      'nchet-2002-1',
      '--file',
      file('l2.csv', tapeText.replace('periodic_cap', 'periodic_caps')),
    ],
    code: 'INVALID_INPUT',
    file: true,
    row: 1,
    says: 'did you mean "periodic_cap"?',
  },
  {
    name: 'a loan tape with an impossible date',
    argv: () => {
      const lines = tapeText.split('\n');
      lines[5] = lines[5]!.replace('2002-03-01', '2002-02-31');
      return ['tape', '--deal', 'nchet-2002-1', '--file', file('l3.csv', lines.join('\n'))];
    },
    code: 'INVALID_INPUT',
    file: true,
    row: 6,
  },
  // Scenarios and grids
  {
    name: 'a scenario with a misspelt key',
    argv: () =>
      project(
        '--scenario',
        file('p1.json', { ...json(scenarioText), severty: 40, severity: undefined }),
      ),
    code: 'INVALID_SCENARIO',
    file: true,
    field: 'severty',
    says: 'did you mean "severity"?',
  },
  {
    name: 'a scenario with a key given twice',
    argv: () =>
      project(
        '--scenario',
        file('p2.json', scenarioText.replace('"severity": 40', '"severity": 40, "severity": 90')),
      ),
    code: 'INVALID_SCENARIO',
    file: true,
    field: 'severity',
    says: 'duplicate key',
  },
  {
    name: 'a scenario with a prepayment rate over 100%',
    argv: () =>
      project('--scenario', file('p3.json', { ...json(scenarioText), prepayment: { cpr: 140 } })),
    code: 'INVALID_SCENARIO',
    file: true,
    field: 'prepayment.cpr',
  },
  {
    name: 'a scenario whose prepayment form is misspelt',
    argv: () =>
      project('--scenario', file('p4.json', { ...json(scenarioText), prepayment: { cppr: 10 } })),
    code: 'INVALID_SCENARIO',
    file: true,
  },
  {
    name: 'a grid that varies a path the scenario does not have',
    argv: () => project('--grid', file('g1.json', { vary: { 'prepayment.cpx': [1, 2] } })),
    code: 'INVALID_SCENARIO',
    file: true,
  },
  {
    name: 'a grid with an unknown key',
    argv: () =>
      project('--grid', file('g2.json', { name: 'x', varry: { severity: [30] }, base: {} })),
    code: 'INVALID_SCENARIO',
    file: true,
    field: 'varry',
    says: 'did you mean "vary"?',
  },
  {
    name: 'a grid file that is not JSON',
    argv: () => project('--grid', file('g3.json', '{"vary": {"severity": [30, 40]')),
    code: 'INVALID_SCENARIO',
    file: true,
  },
  // Command-line flags
  {
    name: 'an unknown option',
    argv: () => ['close', '--deal', 'nchet-2002-1', '--date', '2002-05-28', '--totalz', 'x'],
    code: 'USAGE',
  },
  {
    name: 'a missing required option',
    argv: () => ['close', '--deal', 'nchet-2002-1', '--db', db],
    code: 'USAGE',
  },
  {
    name: 'an unknown command',
    argv: () => ['closes', '--deal', 'nchet-2002-1'],
    code: 'USAGE',
  },
  {
    name: 'a date that is not a calendar date',
    argv: () => close('2002-13-25'),
    code: 'INVALID_INPUT',
    field: '--date',
  },
  {
    name: '--reason without --correct',
    argv: () => close('2002-04-25', '--reason', 'because'),
    code: 'INVALID_INPUT',
    field: '--reason',
  },
  {
    name: 'a correction of a date that is not closed',
    argv: () =>
      close('2002-05-28', '--totals', join(dir, 'may.json'), '--correct', '--reason', 'x'),
    code: 'NO_DISTRIBUTION',
    field: 'distributionDate',
  },
  {
    name: 'a deal that does not exist',
    argv: () => ['close', '--deal', 'nchet-2099-9', '--date', '2002-05-28', '--db', db],
    code: 'UNKNOWN_DEAL',
  },
  {
    name: 'a projection rate that is not a number',
    argv: () => project('--cpr', 'fast'),
    code: 'INVALID_SCENARIO',
    field: '--cpr',
  },
];

describe('the bad-input catalogue: files and flags', () => {
  beforeAll(async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await buildProgram().parseAsync(close('2002-03-25'), { from: 'user' });
      await buildProgram().parseAsync(close('2002-04-25'), { from: 'user' });
      await buildProgram().parseAsync(
        [
          'remittance',
          'check',
          join(deals, 'nchet-2002-1/remittances/2002-05-28.csv'),
          '--deal',
          'nchet-2002-1',
          '--json',
        ],
        { from: 'user' },
      );
      mayTotals = json(String(out.mock.calls.at(-1)?.[0]));
      file('may.json', mayTotals);
    } finally {
      out.mockRestore();
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has a valid May that closes (the cases change one thing of it)', () => {
    expect(mayTotals['distributionDate']).toBe('2002-05-28');
  });

  it.each(cases.map((c) => [c.name, c] as const))('refuses %s', async (_name, c) => {
    const before = await storeDigest(db);
    const argv = c.argv();
    lastFile = inputFile(argv);
    const error = await refusal(argv);
    expect(error.code, error.message).toBe(c.code);
    // The detail that names the case's field (a problem may come with others), else the first.
    const where: ErrorDetail = error.details.find(
      (d) => c.field === undefined || d.field === c.field,
    ) ??
      error.details[0] ?? { message: '' };
    if (c.file !== undefined) {
      expect(where.file).toBe(c.file === true ? lastFile : c.file);
    }
    if (c.field !== undefined) expect(where.field).toBe(c.field);
    if (c.row !== undefined) expect(where.row).toBe(c.row);
    if (c.line !== undefined) expect(where.line).toBe(c.line);
    if (c.says !== undefined) expect(error.message).toContain(c.says);
    expect(await storeDigest(db)).toBe(before);
  });
});
