import type { Command } from 'commander';

export interface WorkerOptions {
  queue: string;
  queueName: string;
  threads?: string;
  concurrency?: string;
  lockDuration: string;
  stalledInterval: string;
  name?: string;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(
      "Take scenario jobs from a queue on Redis (BullMQ) and run them on this machine's cores:\n" +
        'any number of workers, on any number of machines, serve the grids that\n' +
        '`trustee project --queue` and `trustee serve --queue` send. Runs until SIGINT or\n' +
        'SIGTERM, then finishes the jobs in hand (docs/projections.md, "Grids on several machines").',
    )
    .requiredOption('--queue <redis://host:port>', "the queue's Redis")
    .option(
      '--queue-name <name>',
      'the queue (workers and clients of one grid use the same)',
      'trustee-grids',
    )
    .option('--threads <n>', 'worker threads (default: the cores)')
    .option('--concurrency <n>', 'jobs held at a time (default: threads + 1)')
    .option(
      '--lock-duration <ms>',
      "a job's lock: a worker that dies loses its jobs to others after about this",
      '30000',
    )
    .option('--stalled-interval <ms>', 'how often held jobs are checked for a lost lock', '30000')
    .option('--name <name>', 'the name shown on the jobs it takes (default: host:pid)')
    .addHelpText(
      'after',
      '\nExamples:\n  npx trustee worker --queue redis://127.0.0.1:6379\n' +
        '  npx trustee worker --queue redis://10.0.0.5:6379 --threads 8',
    )
    .action(async (o: WorkerOptions) => {
      const { action } = await import('./worker.action.ts');
      await action(o);
    });
}
