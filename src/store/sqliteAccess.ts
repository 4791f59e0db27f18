import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Why a SQLite store cannot be created or written at `file`, asked of the file system before
 * SQLite is (whose own words, "unable to open database file", name neither the file nor the
 * cause). Permissions are the process's own (access(2)): root may write a file marked read-only.
 */

/** Why no store can be opened at `file` (undefined: it exists as a file, or can be created). */
export function sqliteCannotCreate(file: string): string | undefined {
  if (file === ':memory:') return undefined;
  if (existsSync(file)) return statSync(file).isDirectory() ? `${file} is a folder` : undefined;
  let folder = dirname(file);
  while (!existsSync(folder)) folder = dirname(folder);
  if (!statSync(folder).isDirectory()) return `${folder} is a file, not a folder`;
  return writable(folder) ? undefined : `the folder ${folder} is read-only to this user`;
}

/**
 * Why the store at `file` can be read but not written (undefined: it can be written). SQLite
 * writes its rollback journal beside the file, so the folder must be writable too.
 */
export function sqliteReadOnly(file: string): string | undefined {
  if (file === ':memory:' || !existsSync(file)) return undefined;
  if (!writable(file)) return `the file ${file} is read-only to this user`;
  const folder = dirname(file);
  if (!writable(folder)) {
    return `the folder ${folder} is read-only to this user (SQLite writes its journal there)`;
  }
  return undefined;
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
