/**
 * `npm run bench:ops`: the operations of a trustee's month on a book of deals (docs/operations.md,
 * "A book of deals"). On PostgreSQL (TRUSTEE_BENCH_POSTGRES, default
 * postgres://postgres@127.0.0.1:5432/test) in a fresh schema of its own, dropped at the end:
 *
 * 1. `generateBook`: the synthetic book (BENCH_DEALS, default 500 deals, a year of simulated
 *    remittances each): deals written a second.
 * 2. `trustee batch` for the book's first distribution date, in a process of its own as an
 *    operator runs it: deals prepared a minute.
 * 3. While the batch runs, the API (`trustee serve`'s app on 127.0.0.1) read by 50 concurrent
 *    clients signed in with an API token: the deal list and its search, deals' overviews,
 *    classes and histories. Requests a second, p50 and p99 latency, errors (the target: zero).
 *
 * Bounded: the batch is stopped after BENCH_BATCH_TIMEOUT seconds (default 900).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { generateBook } from '../src/administration/book/generateBook.ts';
import { buildApp } from '../src/api/app.ts';
import { storeBook } from '../src/api/service/bookSource.ts';
import { createPortal } from '../src/api/service/portal.ts';
import { storeHistory } from '../src/api/service/storeHistory.ts';
import { openStore } from '../src/store/openStore.ts';
import { addPerson, createToken } from '../src/store/peopleChanges.ts';

const DEALS = Number(process.env['BENCH_DEALS'] ?? 500);
const CLIENTS = 50;
const BATCH_TIMEOUT_S = Number(process.env['BENCH_BATCH_TIMEOUT'] ?? 900);
const server = process.env['TRUSTEE_BENCH_POSTGRES'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `trustee_bench_ops_${randomBytes(4).toString('hex')}`;
const location = `${server}${server.includes('?') ? '&' : '?'}schema=${schema}`;
const root = fileURLToPath(new URL('../', import.meta.url));

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function dropSchema(): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

/** Runs `trustee batch` in a process of its own; resolves to its exit status and output. */
function batch(date: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      `${root}node_modules/.bin/node`,
      [
        `${root}bin/trustee.ts`,
        'batch',
        '--date',
        date,
        '--db',
        location,
        '--by',
        'bench-preparer',
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), BATCH_TIMEOUT_S * 1000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

const figures: string[] = [];
const store = await openStore(location);
try {
  console.log(`PostgreSQL ${server}, schema ${schema}`);
  // 1. The book.
  let started = performance.now();
  const book = await generateBook(store, {
    deals: DEALS,
    seed: 1,
    months: 12,
    actor: 'bench:ops',
    address: 'cli on bench',
    onDeal: (done) => {
      if (done % 50 === 0) console.log(`  ${done} deals written`);
    },
  });
  const generateSeconds = (performance.now() - started) / 1000;
  figures.push(
    `generate-book: ${book.dealIds.length} deals (${book.loans} loans, ${book.remittances} remittances, ` +
      `${book.remittanceRows} remittance rows) in ${generateSeconds.toFixed(1)} s, ` +
      `${(book.dealIds.length / generateSeconds).toFixed(1)} deals/s`,
  );
  console.log(figures.at(-1));

  // The API, signed in with a token, on 127.0.0.1.
  const who = { actor: 'bench:ops', at: new Date().toISOString(), address: 'cli on bench' };
  await addPerson(store, { name: 'bench-reader', role: 'auditor' }, who);
  const { token } = await createToken(store, 'bench-reader', 'bench:ops', who);
  const headers = { authorization: `Bearer ${token}` };
  const app = await buildApp({
    portal: createPortal(storeHistory(store), storeBook(store)),
    store,
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const ids = book.dealIds;
  const urls = [
    (i: number) => `/api/deals/${ids[i % ids.length]}`,
    (i: number) => `/api/deals/${ids[i % ids.length]}/classes`,
    (i: number) => `/api/deals/${ids[i % ids.length]}/distributions`,
    (i: number) => `/api/deals?search=${['acme', 'harbor', 'summit', '2004-1'][i % 4]}`,
    () => '/api/deals',
  ];

  // 2 and 3: the batch in its own process, the reads meanwhile.
  started = performance.now();
  const run = batch(book.firstDate);
  let running = true;
  void run.then(() => (running = false));
  const times: number[] = [];
  let errors = 0;
  let n = 0;
  const client = async () => {
    while (running) {
      const i = n;
      n += 1;
      const url = `${base}${urls[i % urls.length]!(i)}`;
      const start = performance.now();
      try {
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (!res.ok) {
          errors += 1;
          if (errors <= 5) console.log(`  error: ${url}: ${res.status}`);
        }
      } catch (error) {
        errors += 1;
        if (errors <= 5) console.log(`  error: ${url}: ${String(error)}`);
      }
      times.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const result = await run;
  const batchSeconds = (performance.now() - started) / 1000;
  await app.close();
  const summary = result.stdout.split('\n').find((line) => line.includes('deals due')) ?? '';
  const prepared = Number(/(\d+) prepared/.exec(summary)?.[1] ?? 0);
  figures.push(
    `batch ${book.firstDate}: ${summary.trim()} in ${batchSeconds.toFixed(1)} s (exit ${result.status}): ` +
      `${((prepared / batchSeconds) * 60).toFixed(0)} deals prepared a minute`,
  );
  if (result.status !== 0) console.log(result.stdout, result.stderr);
  times.sort((a, b) => a - b);
  figures.push(
    `API reads at ${CLIENTS} clients during the batch: ${times.length} requests, ` +
      `${(times.length / batchSeconds).toFixed(0)} requests/s, p50 ${percentile(times, 50).toFixed(0)} ms, ` +
      `p99 ${percentile(times, 99).toFixed(0)} ms, max ${(times.at(-1) ?? NaN).toFixed(0)} ms, errors ${errors}`,
  );
  console.log(`\n${figures.join('\n')}`);
  if (errors > 0 || result.status !== 0) process.exitCode = 1;
} finally {
  await store.close();
  await dropSchema();
}
