import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The machine's limit for the grid: ../shared/tools/lm.c, a bare C loop on one core. */
const source = fileURLToPath(new URL('../../shared/tools/lm.c', import.meta.url));

/**
 * The C loop's loan-months per second now (588 loans, 300 scenarios), or why it could not run
 * (no ../shared beside the project, no gcc). The machine is noisy: the benchmark runs it at its
 * start and end and sets its own figures against these, measured in the same minutes.
 */
export function cLoopRate(): number | string {
  if (!existsSync(source)) return `no ${source}`;
  const dir = mkdtempSync(join(tmpdir(), 'trustee-lm-'));
  try {
    const binary = join(dir, 'lm');
    execFileSync('gcc', ['-O2', '-o', binary, source, '-lm'], { stdio: 'pipe' });
    const out = execFileSync(binary, ['588', '300'], { encoding: 'utf8' });
    const rate = /([\d.]+) M loan-months\/s/.exec(out);
    return rate ? Number(rate[1]) * 1e6 : `unexpected output: ${out.trim()}`;
  } catch (error) {
    return (error as Error).message.split('\n')[0]!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
