import { Option, type Command } from 'commander';
import { TrusteeError } from '../../errors/catalogue.ts';

export interface ProjectOptions {
  deal: string;
  tape?: string;
  state?: string;
  db?: string;
  after?: string;
  scenario?: string;
  grid?: string;
  cpr?: number;
  psa?: number;
  cdr?: number;
  severity?: number;
  lag?: number;
  foreclosureLag?: number;
  foreclosures?: 'liquidate' | 'perform';
  rollToDefault?: number;
  delinquency?: number;
  advancing: boolean;
  index?: number;
  indexCurve?: string;
  prices?: string;
  indexShock?: number;
  history: boolean;
  call?: boolean;
  price?: number;
  horizon?: number;
  repLines?: boolean;
  breakeven: boolean;
  cashFlows?: string;
  pool?: boolean;
  compare?: boolean;
  threads?: number;
  queue?: string;
  queueName: string;
  gridId?: string;
  format: 'table' | 'csv' | 'json';
  out?: string;
}

const number =
  (flag: string) =>
  (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) {
      throw new TrusteeError('INVALID_SCENARIO', `bad ${flag}`, [
        { field: flag, message: 'not a number', expected: 'a number', got: value },
      ]);
    }
    return n;
  };

export function registerProject(program: Command): void {
  program
    .command('project')
    .description(
      'Project the collateral loan by loan, run each projected month through\n' +
        "the deal's waterfall, and print each class's WAL, principal window,\n" +
        'yield and discount margin, duration, losses and breakeven CDR.\n' +
        "Starts after the deal's latest closed date in the store (--db), with the\n" +
        'loans as they stood then from the stored remittance rows; with no store,\n' +
        "from the deal's files. With --grid, one summary line per scenario\n" +
        '(docs/projections.md).',
    )
    .requiredOption('--deal <id|file.json>', 'built-in deal id (e.g. nchet-2002-1) or a deal file')
    .option('--tape <file>', "cut-off loan tape CSV (default: the deal's deals/<id>/tape.csv)")
    .option(
      '--state <file>',
      "the trust's state to start from (default: the latest closed, else the deal's files)",
    )
    .option(
      '--db <url|path>',
      'SQLite file or postgres:// URL to start from (default: TRUSTEE_DB, else var/trustee.sqlite if it exists)',
    )
    .option(
      '--after <date>',
      'start after this closed date of the store instead of the latest (to compare with what came)',
    )
    .option('--scenario <file>', 'scenario JSON (the flags below override its fields)')
    .option('--grid <file>', 'grid of scenarios (JSON): one summary line each')
    .option('--cpr <pct>', 'constant prepayment rate, percent', number('--cpr'))
    .option('--psa <pct>', 'prepayment as a PSA multiple, percent', number('--psa'))
    .option('--cdr <pct>', 'constant default rate, percent', number('--cdr'))
    .option('--severity <pct>', 'loss severity, percent', number('--severity'))
    .option('--lag <months>', 'months from default to liquidation', number('--lag'))
    .option(
      '--foreclosure-lag <months>',
      'months to liquidate the loans in foreclosure or REO at the start (default: --lag)',
      number('--foreclosure-lag'),
    )
    .addOption(
      new Option(
        '--foreclosures <what>',
        'loans in foreclosure or REO at the start: liquidate (default) or perform',
      ).choices(['liquidate', 'perform']),
    )
    .option(
      '--roll-to-default <pct>',
      'percent of the loans 60+ days late or in bankruptcy at the start that default at once',
      number('--roll-to-default'),
    )
    .option(
      '--delinquency <pct>',
      'performing balance 60+ days delinquent',
      number('--delinquency'),
    )
    .option('--no-advancing', 'the servicer does not advance delinquent interest')
    .option('--index <pct>', '1-month LIBOR after the known fixings, percent', number('--index'))
    .option(
      '--index-curve <file>',
      'forward curve of 1-month LIBOR by projection month: CSV month,rate (percent)',
    )
    .option(
      '--index-shock <bps>',
      'parallel shift of --index-curve, basis points',
      number('--index-shock'),
    )
    .option('--no-history', "ignore the deal's index table (with --index or --index-curve)")
    .option('--call', 'exercise the clean-up call on the first date it is allowed')
    .option('--price <pct>', 'price for yields, percent of the current balance', number('--price'))
    .option(
      '--prices <class=pct,...>',
      "prices of single classes (an interest-only class's: percent of its notional), e.g. A-IO=5",
    )
    .option('--horizon <months>', 'stop after this many months', number('--horizon'))
    .option('--rep-lines', 'project representative lines instead of every loan')
    .option('--no-breakeven', 'skip the breakeven CDR search')
    .option('--cash-flows <classes>', 'cash-flow table of these classes (A,M-1 or all)')
    .option('--pool', 'the pool cash-flow table')
    .option(
      '--compare',
      'with --after: the projection against the distributions the store closed after that date',
    )
    .option('--threads <n>', 'worker threads for --grid (default: cores)', number('--threads'))
    .option(
      '--queue <redis://host:port>',
      'send the grid to the workers of this queue (trustee worker) instead of this machine',
    )
    .option('--queue-name <name>', 'the queue the workers take jobs from', 'trustee-grids')
    .option(
      '--grid-id <id>',
      'with --queue: the id to give the grid; without --grid, pick up the grid sent with this id',
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['table', 'csv', 'json'])
        .default('table'),
    )
    .option('--out <file>', 'write to a file instead of standard output')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  npx trustee project --deal nchet-2002-1 --cpr 25 --cdr 5 --severity 40\n' +
        '  npx trustee project --deal nchet-2002-1 --cpr 25 --db postgres://postgres@127.0.0.1:5432/trustee\n' +
        '  npx trustee project --deal nchet-2002-1 --cpr 25 --cdr 5 --severity 40 --cash-flows A --format csv\n' +
        '  npx trustee project --deal nchet-2002-1 --grid src/projection/examples/grid.json --format csv\n' +
        '  npx trustee project --deal nchet-2002-1 --grid src/projection/examples/grid.json --queue redis://127.0.0.1:6379',
    )
    .action(async (o: ProjectOptions) => {
      const { action } = await import('./project.action.ts');
      await action(o);
    });
}
