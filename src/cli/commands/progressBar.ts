import { SingleBar } from 'cli-progress';

/** A progress bar on standard error, only when it is a terminal. */
export function progressBar(
  total: number,
  label: string,
): { update(n: number): void; stop(): void } {
  if (!process.stderr.isTTY || total < 2) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    stream: process.stderr,
    format: `${label} [{bar}] {value}/{total} {eta}s left`,
    hideCursor: true,
  });
  bar.start(total, 0);
  return { update: (n) => bar.update(n), stop: () => bar.stop() };
}
