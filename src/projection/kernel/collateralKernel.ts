import { readFileSync } from 'node:fs';

/**
 * The collateral loop's kernel (collateralKernel.as.ts, compiled to collateralKernel.wasm by
 * `npm run build:kernel`): one month of one kind of loan (the month's ARM rate changes before
 * it), two loans at a time in SIMD lanes, every figure the same double as a one-loan-at-a-time
 * loop's. Each workspace has an instance
 * of its own, whose memory holds the arrays the loop reads and writes (kernelMemory.ts).
 */
// The WebAssembly API as far as used here (TypeScript declares it only with the DOM's lib).
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: unknown };
}
const { Module, Instance } = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

const module = new Module(readFileSync(new URL('./collateralKernel.wasm', import.meta.url)));

/** The kernel's memory: its bytes, and growing them by 64 KiB pages (which replaces `buffer`). */
export interface KernelMemoryBytes {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

export interface KernelExports {
  readonly memory: KernelMemoryBytes;
  /** Where each array is in memory (byte offsets); see the .as.ts file. */
  layout(
    balance: number,
    payment: number,
    rate: number,
    nextReset: number,
    resetPointer: number,
    loans: number,
    remainingTerm: number,
    age: number,
    resetPeriod: number,
    penaltyMonths: number,
    penaltyRate: number,
    penaltyExempt: number,
    changeRows: number,
    changeRates: number,
    changeFactors: number,
  ): void;
  /** One month of rows from..to-1; see collateralLoop.ts's projectKind. */
  projectKind(
    acc: number,
    slot: number,
    from: number,
    to: number,
    t: number,
    smmNow: number,
    mdrNow: number,
    smmCurve: number,
    mdrCurve: number,
    charging: boolean,
  ): void;
  /** Month t's ARM rate changes: entries first..end-1 of the reset calendar in memory. */
  changeRates(t: number, first: number, end: number): void;
}

/** A new instance: its own memory, so that workspaces never share arrays. */
export function kernelInstance(): KernelExports {
  return new Instance(module, {}).exports as KernelExports;
}
