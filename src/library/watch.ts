import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Log } from '../util/log.js';

export interface CorpusWatcher {
  close(): void;
}

export interface WatchOptions {
  log: Log;
  /** How long the directory must stay unchanged (no events, same names, sizes and mtimes) before a rebuild. */
  quietMs?: number;
  /** A directory that never settles (a file being written for ever) is rebuilt after this long anyway. */
  maxWaitMs?: number;
  /** How often to look for the directory again after it vanished or was replaced. */
  retryMs?: number;
}

/** The corpus loader reads `*.txt`; editors' swap, backup and temporary files are not pages. */
export function isPageFile(name: string): boolean {
  return name.toLowerCase().endsWith('.txt');
}

/**
 * Calls `onSettled` once after each burst of changes to the page files in `dir` has settled: an
 * event starts a quiet period, and the rebuild waits until two looks at the directory `quietMs`
 * apart agree on every page's name, size and mtime (so a half-written file or an editor's
 * rename-and-replace is not read midway). Events that name no page count only if the look shows a
 * page changed. A directory that vanishes or is replaced is reported the
 * same way (the rebuild then fails and says why) and watched again once it is back.
 */
export function watchCorpus(dir: string, onSettled: () => void, options: WatchOptions): CorpusWatcher {
  const { log } = options;
  const quietMs = options.quietMs ?? 300;
  const maxWaitMs = options.maxWaitMs ?? 10_000;
  const retryMs = options.retryMs ?? 2_000;
  const dirName = basename(dir);

  let watcher: FSWatcher | undefined;
  let watchedIno: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let retry: NodeJS.Timeout | undefined;
  let burstStarted: number | undefined;
  let lastLook: string | undefined;
  /** The look the last rebuild was asked on: a burst of events that leaves the pages as they were needs no rebuild. */
  let baseline: string | undefined;
  /** The burst touched a page by name (or the directory itself), so it is rebuilt even if no size or mtime moved. */
  let pageTouched = false;
  let closed = false;

  function attach(): boolean {
    try {
      const w = watch(dir, { persistent: false });
      w.on('change', (_event, filename) => {
        const name = filename?.toString();
        // Linux names the directory itself when it is deleted or moved; some platforms give no name. Other
        // names (an editor's swap file, Kubernetes' `..data` link swap behind symlinked pages) may or may not
        // have changed a page: the look after the quiet period tells.
        changed(name === undefined || name === '' || name === dirName || isPageFile(name));
      });
      w.on('error', (error) => {
        log.warn(`stopped watching the corpus directory ${dir}: ${error.message}`);
        lost();
      });
      watcher = w;
      void stat(dir).then(
        (info) => {
          if (watcher === w) watchedIno = info.ino;
        },
        () => lost(),
      );
      return true;
    } catch {
      return false;
    }
  }

  function detach(): void {
    watcher?.close();
    watcher = undefined;
    watchedIno = undefined;
  }

  /** The watch is dead (directory gone or replaced): report the change, then look for the directory again. */
  function lost(): void {
    if (closed || retry) return;
    detach();
    changed(true);
    retry = setInterval(() => {
      if (closed || !attach()) return;
      clearInterval(retry);
      retry = undefined;
      log.info(`watching the corpus directory ${dir} again`);
      changed(true);
    }, retryMs);
    retry.unref();
  }

  function changed(page: boolean): void {
    if (closed) return;
    pageTouched ||= page;
    burstStarted ??= Date.now();
    // Each event restarts the quiet period, but never past the longest wait.
    wait(Math.min(quietMs, burstStarted + maxWaitMs - Date.now()));
  }

  function wait(ms: number): void {
    clearTimeout(timer);
    timer = setTimeout(() => void settle(), Math.max(0, ms));
    timer.unref();
  }

  async function settle(): Promise<void> {
    timer = undefined;
    const look = await lookAt(dir);
    if (closed) return;
    if (look.ino === undefined || (watchedIno !== undefined && look.ino !== watchedIno)) lost();
    const overdue = burstStarted !== undefined && Date.now() - burstStarted >= maxWaitMs;
    if (!overdue && (timer || look.key !== lastLook)) {
      // Still changing (or another event arrived while looking): look again after a quiet period.
      lastLook = look.key;
      if (!timer) wait(quietMs);
      return;
    }
    clearTimeout(timer);
    timer = undefined;
    burstStarted = undefined;
    lastLook = undefined;
    const needed = pageTouched || look.key !== baseline;
    pageTouched = false;
    baseline = look.key;
    if (needed) onSettled();
  }

  if (attach()) {
    void lookAt(dir).then((look) => {
      baseline ??= look.key;
    });
  } else {
    log.warn(`cannot watch the corpus directory ${dir}; will keep trying`);
    lost();
  }

  return {
    close() {
      closed = true;
      clearTimeout(timer);
      clearInterval(retry);
      detach();
    },
  };
}

/** Names, sizes and mtimes of the page files: equal looks mean nothing was written in between. */
async function lookAt(dir: string): Promise<{ key: string; ino?: number }> {
  let ino: number;
  let names: string[];
  try {
    ino = (await stat(dir)).ino;
    names = (await readdir(dir)).filter(isPageFile).sort();
  } catch (error) {
    return { key: `unreadable:${(error as NodeJS.ErrnoException).code ?? ''}` };
  }
  const parts = await Promise.all(
    names.map(async (name) => {
      try {
        const info = await stat(join(dir, name));
        return `${name}\0${info.size}\0${info.mtimeMs}`;
      } catch {
        return `${name}\0gone`;
      }
    }),
  );
  return { key: parts.join('\n'), ino };
}
