import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Test support: a trustee script run by the project's Node in a child process. */
export interface Child {
  readonly process: ChildProcessWithoutNullStreams;
  /** Resolves once standard output has printed `text` (rejects if the child exits first). */
  printed(text: string, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code or signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const node = fileURLToPath(new URL('../../../node_modules/.bin/node', import.meta.url));

export function startChild(script: URL, args: readonly string[]): Child {
  const child = spawn(node, [fileURLToPath(script), ...args], { stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    process: child,
    exited,
    printed: (text, timeoutMs = 45_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no "${text}" in ${timeoutMs} ms: ${stdout} ${stderr}`)),
          timeoutMs,
        );
        const check = (): void => {
          if (!stdout.includes(text)) return;
          clearTimeout(timer);
          resolve(stdout);
        };
        child.stdout.on('data', check);
        child.on('exit', (code) => {
          if (stdout.includes(text)) return;
          clearTimeout(timer);
          reject(new Error(`the child exited (${code}) before "${text}": ${stdout} ${stderr}`));
        });
        check();
      }),
  };
}
