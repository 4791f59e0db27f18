import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoanArrays } from '../loanArrays.ts';
import { KernelMemory } from './kernelMemory.ts';

const here = (name: string): string => fileURLToPath(new URL(name, import.meta.url));

/**
 * The one-loan-at-a-time month the kernel must equal, double for double: collateralLoop.ts's
 * loop as it was in TypeScript before the kernel (kept here as the test's reference only).
 */
function referenceMonth(
  w: Record<'bal' | 'pmt' | 'rate' | 'nextReset' | 'pointer' | 'cnt', Float64Array>,
  l: Record<
    'term' | 'age' | 'resetPeriod' | 'penaltyMonths' | 'penaltyRate' | 'penaltyExempt',
    Float64Array
  >,
  newRates: Float64Array,
  factors: Float64Array,
  acc: Float64Array,
  m: {
    from: number;
    to: number;
    t: number;
    smm: Float64Array;
    mdr: Float64Array;
    smmByAge: boolean;
    mdrByAge: boolean;
    slot: number;
    arms: boolean;
    charging: boolean;
  },
): void {
  const { from, to, t, smm, mdr, slot } = m;
  const smmNow = smm[t]!;
  const mdrNow = mdr[t]!;
  let [defaults, defaultInterest, defaultLoans, interestDue, scheduled, prepaid] = [
    0, 0, 0, 0, 0, 0,
  ];
  let [termWeighted, loans, charges, paidOff] = [0, 0, 0, 0];
  for (let i = from; i < to; i++) {
    const b = w.bal[i]!;
    if (b <= 0) continue;
    let r = w.rate[i]!;
    let p = w.pmt[i]!;
    const n = l.term[i]! - t + 1;
    if (m.arms && w.nextReset[i] === t) {
      const k = w.pointer[i]!;
      r = newRates[k]!;
      p = b * factors[k]!;
      w.rate[i] = r;
      w.pointer[i] = k + 1;
      w.nextReset[i] = t + l.resetPeriod[i]!;
    }
    const md = m.mdrByAge ? mdr[t + l.age[i]!]! : mdrNow;
    const sm = m.smmByAge ? smm[t + l.age[i]!]! : smmNow;
    const monthly = r * (1 / 12);
    const d = b * md;
    const performing = b - d;
    const due = p * (1 - md);
    const owed = b * monthly;
    let sp = n <= 1 ? performing : due - performing * monthly;
    if (sp > performing) sp = performing;
    else if (sp < 0) sp = 0;
    const after = performing - sp;
    const pp = after * sm;
    const nb = after - pp;
    const c0 = w.cnt[i]!;
    let survivors = c0 * (1 - md) * (1 - sm);
    if (nb <= 0) {
      survivors = 0;
      paidOff += 1;
    }
    w.bal[i] = nb;
    w.pmt[i] = due * (1 - sm);
    w.cnt[i] = survivors;
    interestDue += owed;
    if (m.mdrByAge) {
      defaults += d;
      defaultInterest += d * monthly;
      defaultLoans += c0 * md;
    }
    scheduled += sp;
    prepaid += pp;
    termWeighted += nb * (n - 1);
    loans += survivors;
    if (m.charging && t <= l.penaltyMonths[i]!) {
      const chargeable = pp - sm * c0 * (1 - md) * l.penaltyExempt[i]!;
      if (chargeable > 0) charges += chargeable * l.penaltyRate[i]!;
    }
  }
  if (!m.mdrByAge) {
    defaults = mdrNow * acc[slot]!;
    defaultInterest = mdrNow * interestDue;
    defaultLoans = mdrNow * acc[slot + 13]!;
  }
  acc[slot + 2] = defaults;
  acc[slot + 3] = defaultInterest;
  acc[slot + 4] = defaultLoans;
  acc[slot + 5] = interestDue - defaultInterest;
  acc[slot + 13] = loans;
  acc[slot + 6] = scheduled;
  acc[slot + 7] = prepaid;
  acc[slot + 9] = termWeighted;
  acc[slot + 10] = loans;
  acc[slot + 11] = charges;
  acc[slot + 12] = paidOff;
}

describe('the collateral kernel (WebAssembly)', () => {
  it('is the compiled form of its source: collateralKernel.wasm = asc(collateralKernel.as.ts)', async () => {
    let built: Uint8Array | undefined;
    const { error, stderr } = await asc.main(['--config', here('./asconfig.json')], {
      writeFile: (name: string, contents: Uint8Array | string) => {
        if (name.endsWith('.wasm')) built = contents as Uint8Array;
      },
    });
    expect(error, stderr.toString()).toBeNull();
    // Changed the .as.ts? `npm run build:kernel` writes the .wasm again.
    expect(Buffer.from(built!).equals(readFileSync(here('./collateralKernel.wasm')))).toBe(true);
  });

  it('keeps the schedule where the kernel reads it when the memory grows for longer curves', () => {
    const memory = new KernelMemory(4);
    const none = new Float64Array(0);
    const fields = [
      'remainingTerm',
      'age',
      'resetPeriod',
      'penaltyMonths',
      'penaltyRate',
      'penaltyExempt',
    ];
    const loans = {
      count: 0,
      ...Object.fromEntries(fields.map((f) => [f, none])),
    } as unknown as LoanArrays;
    const written = memory.scheduleArrays(6);
    written.rates.set([0.05, 0.06, 0.07, 0.08, 0.09, 0.1]);
    written.factors.set([1, 2, 3, 4, 5, 6]);
    const before = memory.views.newRates.byteOffset;
    // Four curves of 100,000 months: several pages more than the kernel started with.
    memory.fit(loans, 100_000);
    expect(written.rates.length).toBe(0); // the memory grew: the old views are gone
    expect(memory.views.newRates.byteOffset).toBe(before);
    expect([...memory.views.newRates.subarray(0, 6)]).toEqual([0.05, 0.06, 0.07, 0.08, 0.09, 0.1]);
    expect([...memory.views.factors.subarray(0, 6)]).toEqual([1, 2, 3, 4, 5, 6]);
    // A larger schedule lays the memory out anew and gives arrays of that size.
    const larger = memory.scheduleArrays(50_000);
    expect(larger.rates.length).toBeGreaterThanOrEqual(50_000);
    expect(memory.views.curves[3].length).toBeGreaterThanOrEqual(100_000);
  });

  it('gives every double of the one-loan-at-a-time month, whatever the rows, curves and range', () => {
    const loan = fc.record({
      balance: fc.oneof(fc.constant(0), fc.double({ min: 1, max: 5e7, noNaN: true })),
      rate: fc.double({ min: 0, max: 0.2, noNaN: true }),
      payment: fc.double({ min: 0, max: 1e6, noNaN: true }),
      term: fc.integer({ min: 0, max: 40 }),
      age: fc.integer({ min: 0, max: 20 }),
      resetsNow: fc.boolean(),
      penaltyMonths: fc.integer({ min: 0, max: 40 }),
      penaltyRate: fc.double({ min: 0, max: 0.05, noNaN: true }),
      penaltyExempt: fc.double({ min: 0, max: 1e6, noNaN: true }),
      count: fc.double({ min: 0, max: 3, noNaN: true }),
    });
    const rate = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(loan, { minLength: 1, maxLength: 9 }),
        fc.integer({ min: 1, max: 20 }),
        fc.array(rate, { minLength: 61, maxLength: 61 }),
        fc.array(rate, { minLength: 61, maxLength: 61 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.nat(8),
        fc.nat(8),
        (rows, t, smmValues, mdrValues, smmByAge, mdrByAge, arms, charging, cut1, cut2) => {
          const count = rows.length;
          const from = Math.min(cut1, cut2, count);
          const to = Math.min(Math.max(cut1, cut2), count);
          const column = (f: (r: (typeof rows)[number], i: number) => number): Float64Array =>
            Float64Array.from(rows, f);
          const loans = {
            count,
            remainingTerm: column((r) => r.term),
            age: column((r) => r.age),
            resetPeriod: column(() => 6),
            penaltyMonths: column((r) => r.penaltyMonths),
            penaltyRate: column((r) => r.penaltyRate),
            penaltyExempt: column((r) => r.penaltyExempt),
          } as unknown as LoanArrays;
          const newRates = column((_, i) => 0.05 + i / 100);
          const factors = column((_, i) => 0.01 + i / 1000);
          const smm = Float64Array.from(smmValues);
          const mdr = Float64Array.from(mdrValues);
          const start = {
            bal: column((r) => r.balance),
            pmt: column((r) => r.payment),
            rate: column((r) => r.rate),
            nextReset: column((r) => (r.resetsNow ? t : t + 1)),
            pointer: column((_, i) => i),
            cnt: column((r) => r.count),
          };
          const acc = new Float64Array(32);
          acc[16] = 1234567.5;
          acc[16 + 13] = 4.25;

          const memory = new KernelMemory(count);
          const written = memory.scheduleArrays(newRates.length);
          written.rates.set(newRates);
          written.factors.set(factors);
          memory.fitChanges(count);
          // Longer curves grow the memory after the schedule is written: it must keep it.
          memory.fit(loans, smm.length);
          const v = memory.views;
          for (const [mine, theirs] of [
            [v.balance, start.bal],
            [v.payment, start.pmt],
            [v.rate, start.rate],
            [v.nextReset, start.nextReset],
            [v.resetPointer, start.pointer],
            [v.loans, start.cnt],
          ] as const)
            mine.set(theirs);
          v.acc.set(acc);
          if (arms) {
            // The rate changes first: every row of the range listed in the calendar (a row
            // whose change is not due is left as it is), with its schedule entry.
            for (let i = from; i < to; i++) {
              v.changeRows[i - from] = i;
              v.changeRates[i - from] = newRates[start.pointer[i]!]!;
              v.changeFactors[i - from] = factors[start.pointer[i]!]!;
            }
            memory.kernel.changeRates(t, 0, to - from);
          }
          memory.kernel.projectKind(
            v.acc.byteOffset,
            16,
            from,
            to,
            t,
            smm[t]!,
            mdr[t]!,
            smmByAge ? memory.curve(0, smm) : 0,
            mdrByAge ? memory.curve(1, mdr) : 0,
            charging,
          );

          const reference = {
            bal: start.bal.slice(),
            pmt: start.pmt.slice(),
            rate: start.rate.slice(),
            nextReset: start.nextReset.slice(),
            pointer: start.pointer.slice(),
            cnt: start.cnt.slice(),
          };
          const fields = {
            term: loans.remainingTerm,
            age: loans.age,
            resetPeriod: loans.resetPeriod,
            penaltyMonths: loans.penaltyMonths,
            penaltyRate: loans.penaltyRate,
            penaltyExempt: loans.penaltyExempt,
          };
          const month = { from, to, t, smm, mdr, smmByAge, mdrByAge, slot: 16, arms, charging };
          referenceMonth(reference, fields, newRates, factors, acc, month);

          // Object.is: the same double, -0 and +0 told apart.
          const same = (a: Float64Array, b: Float64Array) =>
            expect([...a.subarray(0, b.length)].map((x, i) => Object.is(x, b[i]))).not.toContain(
              false,
            );
          same(v.acc, acc);
          same(v.balance, reference.bal);
          same(v.payment, reference.pmt);
          same(v.rate, reference.rate);
          same(v.nextReset, reference.nextReset);
          same(v.resetPointer, reference.pointer);
          same(v.loans, reference.cnt);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
