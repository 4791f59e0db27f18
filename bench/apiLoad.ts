/**
 * `npm run bench:api`: does a statement read stay fast while grids run? (docs/portal.md,
 * "Load".) The portal as `trustee serve` runs it, on 127.0.0.1 and a seeded SQLite store in a
 * temporary folder: 200 reads of December 2002's statement at concurrency 20 with nothing else
 * running, then two grids at the scenario limit (2 x 2,000 scenarios, polled four times a second
 * as the dashboard does) and the same 200 reads while they run. Prints p50/p95/p99 of each and
 * whether p99 stays under one second with the grids running (the target).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/api/app.ts';
import { DEFAULT_LIMITS } from '../src/api/jobs/jobLimits.ts';
import { createPortal } from '../src/api/service/portal.ts';
import { seedStore } from '../src/api/service/seedStore.ts';
import { storeHistory } from '../src/api/service/storeHistory.ts';
import { resolveDeal } from '../src/deal/builtIn.ts';
import { openStore } from '../src/store/openStore.ts';
import { addPerson, createToken } from '../src/store/peopleChanges.ts';

const READS = 200;
const CONCURRENCY = 20;
const TARGET_MS = 1000;
const STATEMENT = '/api/deals/nchet-2002-1/distributions/2002-12-26/statement';

interface JobView {
  id: string;
  status: string;
  progress: { done: number; total: number };
}

/** The grid at the limit: 40 CPRs x 50 CDRs = 2,000 scenarios (the default maxScenarios). */
function limitGrid(severity: number): unknown {
  const cprs = Array.from({ length: 40 }, (_, i) => 2 + i);
  const cdrs = Array.from({ length: DEFAULT_LIMITS.maxScenarios / 40 }, (_, i) => i * 0.4);
  return {
    base: { severity, recoveryLag: 12 },
    vary: { 'prepayment.cpr': cprs, 'default.cdr': cdrs },
  };
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** `count` GETs of `url`, `concurrency` at a time; each one's milliseconds, sorted. */
async function reads(url: string, count: number, concurrency: number): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  const client = async () => {
    while (next < count) {
      next += 1;
      const start = performance.now();
      const res = await fetch(url, { headers: auth });
      await res.text();
      if (!res.ok) throw new Error(`${url}: ${res.status}`);
      times.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return times.sort((a, b) => a - b);
}

function print(label: string, times: readonly number[]): number {
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(times, p));
  console.log(
    `${label}: ${times.length} reads, p50 ${p50!.toFixed(0)} ms, p95 ${p95!.toFixed(0)} ms, ` +
      `p99 ${p99!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms`,
  );
  return p99!;
}

const folder = mkdtempSync(join(tmpdir(), 'trustee-bench-api-'));
const store = await openStore(join(folder, 'bench.sqlite'));
await seedStore(store, resolveDeal('nchet-2002-1'));
// Every route needs a signed-in user: the bench reads as an administrator with an API token.
const who = { actor: 'bench:api', at: new Date().toISOString(), address: 'cli on bench' };
await addPerson(store, { name: 'bench', role: 'administrator' }, who);
const { token } = await createToken(store, 'bench', 'bench:api', who);
const auth = { authorization: `Bearer ${token}` };
const app = await buildApp({ portal: createPortal(storeHistory(store)), store });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`portal ${base}, store ${store.location}; limits ${JSON.stringify(DEFAULT_LIMITS)}`);

await reads(`${base}${STATEMENT}`, 20, 5); // warm-up: JIT, the store's pages
print(
  'statement reads, nothing else running',
  await reads(`${base}${STATEMENT}`, READS, CONCURRENCY),
);

const post = async (severity: number): Promise<JobView> => {
  const res = await fetch(`${base}/api/deals/nchet-2002-1/scenario-grids`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ grid: limitGrid(severity) }),
  });
  if (res.status !== 202) throw new Error(`grid refused: ${res.status} ${await res.text()}`);
  return (await res.json()) as JobView;
};
const poll = async (id: string): Promise<JobView> =>
  (await (await fetch(`${base}/api/jobs/${id}`, { headers: auth })).json()) as JobView;

const started = performance.now();
const grids: JobView[] = [];
for (const severity of [40, 60]) {
  const start = performance.now();
  grids.push(await post(severity));
  console.log(
    `  POST of a 2,000-scenario grid answered in ${(performance.now() - start).toFixed(0)} ms`,
  );
}
// Poll like the dashboard (every 250 ms) while the grids run: polls must stay cheap too.
const pollTimes: number[] = [];
const states = new Map<string, JobView>();
const running = () =>
  [...states.values()].every((s) => s.status === 'running' || s.status === 'queued');
const pollers = grids.map(async (grid) => {
  for (;;) {
    const start = performance.now();
    const state = await poll(grid.id);
    pollTimes.push(performance.now() - start);
    states.set(grid.id, state);
    if (state.status !== 'running' && state.status !== 'queued') return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});
// The reads start once both grids are well under way (workers warm, results being written),
// and go on, 200 at a time, for as long as both run.
while (states.size < 2 || [...states.values()].some((s) => s.progress.done < 100)) {
  await new Promise((resolve) => setTimeout(resolve, 50));
}
const rounds: number[][] = [];
do rounds.push(await reads(`${base}${STATEMENT}`, READS, CONCURRENCY));
while (running());
const progress = () =>
  [...states.values()].map((s) => `${s.status} ${s.progress.done}/${s.progress.total}`).join(', ');
const p99 = print('statement reads while two 2,000-scenario grids run (first 200)', rounds[0]!);
const all = rounds.flat().sort((a, b) => a - b);
const p99All = print(`  all ${rounds.length} rounds of 200 until a grid ended`, all);
await Promise.all(pollers);
console.log(
  `  grids: ${progress()} ${((performance.now() - started) / 1000).toFixed(1)} s after posting`,
);
print(
  '  job polls meanwhile',
  pollTimes.sort((a, b) => a - b),
);
await app.close();
await store.close();
rmSync(folder, { recursive: true, force: true });
const worst = Math.max(p99, p99All);
console.log(
  `\ntarget: p99 of a statement read under ${TARGET_MS} ms while the grids run: ` +
    `${worst.toFixed(0)} ms, ${worst < TARGET_MS ? 'met' : 'NOT met'}`,
);
