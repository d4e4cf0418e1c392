import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repo (or installed package) root: the nearest folder above this file with a package.json, so any working directory works. */
export const packageRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '../..');
  }
}

export function fromPackageRoot(path: string): string {
  return isAbsolute(path) ? path : resolve(packageRoot, path);
}
