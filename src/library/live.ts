import { watchCorpus, type WatchOptions } from './watch.js';
import type { Library } from './library.js';
import { createLibraryHolder, type LibraryBuilder, type LibraryHolder } from './holder.js';
import type { Log } from '../util/log.js';

/**
 * The library of `dir`, kept current: each settled change to the page files rebuilds it in the
 * background and swaps it in. `close()` also stops watching.
 */
export function liveLibrary(options: { dir: string; initial: Library; build: LibraryBuilder; log: Log; watch?: Omit<WatchOptions, 'log'> }): LibraryHolder {
  const { dir, log } = options;
  const holder = createLibraryHolder({ initial: options.initial, build: options.build, log });
  const watcher = watchCorpus(dir, () => void holder.reload(), { ...options.watch, log });
  log.info(`watching ${dir} for page changes`, { version: options.initial.version });
  return {
    current: holder.current,
    reload: holder.reload,
    apply: holder.apply,
    onSwap: holder.onSwap,
    close() {
      watcher.close();
      holder.close();
    },
  };
}
