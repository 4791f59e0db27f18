import { TrusteeError } from '../../errors/catalogue.ts';
import { displayUrl } from '../../errors/displayUrl.ts';
import { startQueueWorker } from '../../projection/queue/queueWorker.ts';
import type { WorkerOptions } from './worker.ts';

/** A whole-number flag of at least `least`, or INVALID_INPUT naming it. */
function count(flag: string, text: string | undefined, least: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < least) {
    throw new TrusteeError('INVALID_INPUT', `bad ${flag} ${text}`, [
      {
        field: flag,
        message: 'not a usable number',
        expected: `an integer >= ${least}`,
        got: text,
      },
    ]);
  }
  return n;
}

/** The `worker` command's work: take jobs until SIGINT or SIGTERM, then finish those in hand. */
export async function action(o: WorkerOptions): Promise<void> {
  const worker = await startQueueWorker({
    url: o.queue,
    queueName: o.queueName,
    threads: count('--threads', o.threads, 1),
    concurrency: count('--concurrency', o.concurrency, 1),
    lockDuration: count('--lock-duration', o.lockDuration, 100),
    stalledInterval: count('--stalled-interval', o.stalledInterval, 100),
    name: o.name,
    onError: (error) => process.stderr.write(`trustee worker: ${error.message}\n`),
  });
  process.stdout.write(
    `trustee worker ${worker.name}: queue ${o.queueName} at ${displayUrl(o.queue)}, ${worker.threads} threads\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => void worker.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
