import type { Command } from 'commander';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'Start the investor and administrator portal: the HTTP API (OpenAPI at /docs) and the ' +
        'web dashboard, on the store (SQLite by default). A new store gets the built-in deals ' +
        'with their shipped history (nchet-2002-1: March-December 2002, its April the seed ' +
        'statement). Prints the address.',
    )
    .option('--port <n>', 'TCP port (0: any free port)', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option(
      '--trust-proxy <addresses>',
      "the reverse proxy's addresses (comma-separated) whose X-Forwarded-For names the client",
    )
    .option(
      '--db <path|url>',
      'SQLite file or postgres:// URL (default: $TRUSTEE_DB or var/trustee.sqlite)',
    )
    .option('--max-running <n>', 'projection and grid jobs run at a time', '2')
    .option('--max-queued <n>', 'jobs that may wait; more are refused with 503 BUSY', '20')
    .option(
      '--max-scenarios <n>',
      'scenarios one grid may expand to; more are refused with 413 LIMIT_EXCEEDED',
      '2000',
    )
    .option(
      '--max-months <n>',
      "months of a scenario's horizon; more are refused with 413 LIMIT_EXCEEDED",
      '480',
    )
    .option(
      '--results-dir <path>',
      "folder for finished jobs' results, a file a job (default: a temporary folder)",
    )
    .option(
      '--queue <redis://host:port>',
      "run grids on this queue's workers (trustee worker) instead of this machine's threads",
    )
    .option('--queue-name <name>', 'the queue the workers take jobs from', 'trustee-grids')
    .addHelpText(
      'after',
      '\nExamples:\n  npx trustee serve --port 8080\n' +
        '  npx trustee serve --queue redis://127.0.0.1:6379\n' +
        '  npx trustee serve --port 8081 --db var/other.sqlite',
    )
    .action(async (...args: unknown[]) => {
      const { action } = await import('./serve.action.ts');
      await (action as (...a: unknown[]) => unknown)(...args);
    });
}
