/**
 * `npm run bench`: speed and memory of the projection (docs/projections.md, "Benchmark").
 *
 * 1. The built-in deal (nchet-2002-1, its loan tape, loan level), from the state after April
 *    2002: one scenario (the loop alone, and the whole run), the loop alone over a
 *    1,000-scenario grid on both cores, and the 1,000-scenario grid with the waterfall and the
 *    class analytics. The last prints `loan-months/s: N`.
 * 2. The same figures for a 100,000-loan synthetic pool (a 20-scenario grid: each scenario is
 *    36 million loan-months).
 * 3. The 2006-style swap deal (example-2004-groups-swap: two loan groups, a swap and a cap) on
 *    its own tape: a 200-scenario grid with the waterfall and analytics.
 * 4. The 1,000-scenario grid through BullMQ on Redis (TRUSTEE_BENCH_REDIS, default
 *    redis://127.0.0.1:6379): one `trustee worker` process with a thread a core, then two
 *    processes of half the threads each, against the in-process pool's steady state.
 * Targets (2-core machine, issue 12): >= 250 million loan-months/s in the loop on both cores;
 * >= 150 million loan-months/s for the 1,000-scenario loan-level grid with waterfall and
 * analytics (steady state). The bare C loop (../shared/tools/lm.c, one core) runs at the start
 * and the end: the machine's limit in the same minutes; the targets are also judged as shares of
 * it (the issue's C loop made about 560 M on a quiet machine: the loop 0.45 x, the grid 0.27 x).
 */
import { availableParallelism } from 'node:os';
import { resolveDeal } from '../src/deal/builtIn.ts';
import { dealContext, tapeArrays } from '../src/projection/dealContext.ts';
import { expandGrid } from '../src/projection/grid.ts';
import { closeGridPool, gridPool } from '../src/projection/gridRunner.ts';
import { loanArraysFrom } from '../src/projection/loanArrays.ts';
import type { ProjectionContext } from '../src/projection/projectionContext.ts';
import { parseScenario } from '../src/projection/scenarioFile.ts';
import type { Scenario } from '../src/projection/scenarioSchema.ts';
import { syntheticPool } from '../src/projection/syntheticPool.ts';
import { cLoopRate } from './cLoop.ts';
import { grid, machine, mb, memory, millions, single, type GridFigures } from './measure.ts';
import { queueGrid } from './queue.ts';

const LOOP_TARGET = 250e6;
const GRID_TARGET = 150e6;

/** 1,000 scenarios to maturity: CPR 5-50 x CDR 0-9 x severity 20-65. */
function thousandScenarios(): Scenario[] {
  const range = (from: number, step: number): number[] =>
    Array.from({ length: 10 }, (_, i) => from + i * step);
  return expandGrid({
    base: { recoveryLag: 12 },
    vary: { 'prepayment.cpr': range(5, 5), 'default.cdr': range(0, 1), severity: range(20, 5) },
  });
}

function printGrid(label: string, g: GridFigures, count: number): void {
  console.log(
    `${label}: ${count} scenarios in ${g.seconds.toFixed(2)} s, ${millions(g.loanMonths)} loan-months, ${millions(g.rate)} loan-months/s (worker CPU ${g.workerCpuSeconds.toFixed(2)} s: ${(g.workerCpuSeconds / g.seconds).toFixed(2)} cores busy on average; ${millions(g.loanMonths / g.workerCpuSeconds)} loan-months per CPU-second)`,
  );
  console.log(
    `  memory: RSS ${mb(g.before.rss)} before, ${mb(g.after.rss)} after; during: ${g.rssSamples.map((x) => x.toFixed(0)).join(' ')} MB; main heap ${mb(g.before.heap)} -> ${mb(g.after.heap)}; largest worker heap ${mb(g.maxWorkerHeap)}`,
  );
}

async function measure(
  title: string,
  ctx: ProjectionContext,
  scenarios: Scenario[],
  rounds: number,
): Promise<{ loop: GridFigures; full: GridFigures }> {
  console.log(`\n== ${title}: ${ctx.loans.count} loans, ${ctx.loanMonths} months ==`);
  const s = single(
    ctx,
    parseScenario({ prepayment: { cpr: 25 }, default: { cdr: 5 }, severity: 40, recoveryLag: 12 }),
    rounds,
  );
  console.log(
    `single scenario, one thread: loop ${millions(s.loopRate)} loan-months/s (${millions(s.loanMonths)} loan-months in ${s.loopMs.toFixed(2)} ms); whole run ${s.fullMs.toFixed(2)} ms (${s.months} months, waterfall to the offered classes' retirement)`,
  );
  // Each figure on both cores is measured twice: the first grid also starts the workers'
  // contexts and warms them up (JIT, the kernel's tier-up); the second one is the steady state a
  // server running grids sees. Both are printed; the targets are judged on the steady state, as
  // benchmarks of JIT-compiled code usually are.
  const coldLoop = await grid(ctx, scenarios, true);
  printGrid('loop alone, both cores, first run (cold workers)', coldLoop, scenarios.length);
  const loop = await grid(ctx, scenarios, true);
  printGrid('loop alone, both cores, steady state', loop, scenarios.length);
  const cold = await grid(ctx, scenarios, false);
  printGrid(
    'with waterfall and analytics, both cores, first run (cold workers)',
    cold,
    scenarios.length,
  );
  const full = await grid(ctx, scenarios, false);
  printGrid('with waterfall and analytics, both cores, steady state', full, scenarios.length);
  return { loop, full };
}

console.log(`machine: ${machine()}`);
const cBefore = cLoopRate();
console.log(
  `bare C loop (../shared/tools/lm.c, one core): ${typeof cBefore === 'number' ? `${millions(cBefore)} loan-months/s` : `skipped: ${cBefore}`}`,
);
const start = memory();
console.log(`memory at start: RSS ${mb(start.rss)}, heap ${mb(start.heap)}`);
const deal = resolveDeal('nchet-2002-1');
// Start the workers before timing: thread start-up is not the projection's speed.
gridPool();
const builtIn = await dealContext(deal, { tape: await tapeArrays(deal) });
const scenarios = thousandScenarios();
const dealGrid = await measure('built-in deal nchet-2002-1, loan level', builtIn, scenarios, 40);

// The 2006-style swap deal (two loan groups projected on their own, fifteen classes, a swap and
// a cap paid on the projected index): its own 4,700-loan tape, after its first distribution.
const swapDeal = resolveDeal('example-2004-groups-swap');
const swapContext = await dealContext(swapDeal);
console.log(
  `\n== swap deal example-2004-groups-swap (two groups, swap and cap): ${swapContext.loans.count} loans ==`,
);
const swapScenarios = scenarios.slice(0, 200);
await grid(swapContext, swapScenarios, false);
const swapGrid = await grid(swapContext, swapScenarios, false);
printGrid(
  'swap deal, with waterfall and analytics, both cores, steady state',
  swapGrid,
  swapScenarios.length,
);

const synthetic = await dealContext(deal, {
  tape: loanArraysFrom(
    syntheticPool({ loans: 100_000, seed: 100_000, totalBalance: deal.cutoffBalance }),
  ),
});
const big = await measure(
  '100,000-loan synthetic pool, loan level',
  synthetic,
  scenarios.slice(0, 20),
  3,
);
await closeGridPool();

console.log('\n== the 1,000-scenario grid through BullMQ (worker processes on this machine) ==');
const redis = process.env.TRUSTEE_BENCH_REDIS ?? 'redis://127.0.0.1:6379';
const cores = availableParallelism();
try {
  for (const [processes, threads] of [
    [1, cores],
    [2, Math.max(1, cores / 2)],
  ] as const) {
    const g = await queueGrid(redis, builtIn, scenarios, processes, threads);
    // Wall time is what a user waits for; on a shared machine it moves with the other load, so
    // the CPU time of everything involved is set against the in-process pool's too.
    const wall = (g.seconds / dealGrid.full.seconds - 1) * 100;
    const cpu = (g.totalCpuSeconds / dealGrid.full.processCpuSeconds - 1) * 100;
    console.log(
      `${processes} worker process${processes > 1 ? 'es' : ''} x ${threads} threads, steady state: ${g.seconds.toFixed(2)} s, ${millions(g.rate)} loan-months/s; CPU ${g.totalCpuSeconds.toFixed(2)} s in all (scenarios ${g.workerCpuSeconds.toFixed(2)} s). Overhead against the in-process pool: ${wall.toFixed(1)}% in time, ${cpu.toFixed(1)}% in CPU (${dealGrid.full.processCpuSeconds.toFixed(2)} s)`,
    );
  }
} catch (error) {
  console.log(`skipped: ${(error as Error).message.split('\n')[0]}`);
}

const cAfter = cLoopRate();
const cLoops = [cBefore, cAfter].filter((x): x is number => typeof x === 'number');
const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
const ofC = (rate: number): string =>
  cLoops.length > 0
    ? ` = ${(rate / Math.max(...cLoops)).toFixed(2)} x the C loop on one core (${cLoops.map(millions).join(', ')} at the start and end)`
    : '';
console.log(
  `\ntargets: loop on both cores ${millions(dealGrid.loop.rate)} loan-months/s${ofC(dealGrid.loop.rate)} (target >= ${millions(LOOP_TARGET)}: ${verdict(dealGrid.loop.rate >= LOOP_TARGET)}); 1,000-scenario grid with waterfall and analytics (steady state) ${millions(dealGrid.full.rate)} loan-months/s in ${dealGrid.full.seconds.toFixed(2)} s${ofC(dealGrid.full.rate)} (target >= ${millions(GRID_TARGET)}: ${verdict(dealGrid.full.rate >= GRID_TARGET)})`,
);
// The issue set its targets on a quiet machine whose C loop made about 560 M loan-months/s on
// one core. A shared machine's other load slows the C loop and the grid alike, so the targets as
// shares of the C loop (judged against the faster of its two runs here) say what a run on a busy
// machine cannot say in absolute figures.
const QUIET_C_LOOP = 560e6;
if (cLoops.length > 0) {
  const c = Math.max(...cLoops);
  const share = (rate: number, target: number): string =>
    `${(rate / c).toFixed(2)} x the C loop (target ${(target / QUIET_C_LOOP).toFixed(2)} x: ${verdict(rate / c >= target / QUIET_C_LOOP)})`;
  console.log(
    `targets as shares of the C loop of this run (the issue's were set against a C loop of ${millions(QUIET_C_LOOP)}): loop on both cores ${share(dealGrid.loop.rate, LOOP_TARGET)}; the grid with waterfall and analytics ${share(dealGrid.full.rate, GRID_TARGET)}`,
  );
}
console.log(
  `100,000-loan pool: ${millions(big.full.rate)} loan-months/s with waterfall and analytics, ${millions(big.loop.rate)} loan-months/s in the loop alone (both cores)`,
);
console.log(`loan-months/s: ${Math.round(dealGrid.full.rate)}`);
