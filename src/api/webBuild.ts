import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build:web` puts the dashboard, and where its sources are. */
export const webRoot = fileURLToPath(new URL('../../var/web/', import.meta.url));
const webSources = fileURLToPath(new URL('../web/', import.meta.url));
const viteConfig = `${webSources}vite.config.ts`;

function newestIn(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = `${folder}${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestIn(`${path}/`) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when var/web is missing or older than a file of src/web. */
export function webBuildIsStale(): boolean {
  const index = `${webRoot}index.html`;
  return !existsSync(index) || statSync(index).mtimeMs < newestIn(webSources);
}

const lock = fileURLToPath(new URL('../../var/web.lock', import.meta.url));
const LOCK_STALE_MS = 10 * 60_000;

/** Takes var/web.lock (mkdir is atomic across processes); a lock older than 10 minutes is dead. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) {
        rmSync(lock, { recursive: true, force: true });
      } else {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Builds the dashboard (vite, the same as `npm run build:web`) when var/web is missing or
 * stale, so `trustee serve` and the browser tests never serve an old page. Processes that ask
 * at once build it once (a lock). Returns whether this call built it.
 */
export async function ensureWebBuilt(
  log: (line: string) => void = () => undefined,
): Promise<boolean> {
  if (!webBuildIsStale()) return false;
  return withBuildLock(async () => {
    if (!webBuildIsStale()) return false;
    log('building the dashboard (npm run build:web)...');
    const { build } = await import('vite');
    await build({ configFile: viteConfig, logLevel: 'warn' });
    return true;
  });
}
