import { fileURLToPath } from 'node:url';
import { isAbsolute, resolve } from 'node:path';

/** The repo (or installed package) root: defaults resolve from here, so any working directory works. */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url));

export function fromPackageRoot(path: string): string {
  return isAbsolute(path) ? path : resolve(packageRoot, path);
}
