import type { Library } from './library.js';
import type { Log } from '../util/log.js';

/** Builds a library from whatever the corpus is now; throws when it cannot (e.g. the directory is gone). */
export type LibraryBuilder = () => Promise<Library>;

export interface SwapEvent {
  previous: Library;
  library: Library;
  /** How long the rebuild took. */
  ms: number;
}

export type ReloadOutcome =
  | { status: 'swapped'; library: Library; ms: number }
  /** The rebuilt corpus has the version already served: nothing to swap. */
  | { status: 'unchanged'; library: Library; ms: number }
  /** The rebuild failed; the library served before is still served. */
  | { status: 'failed'; library: Library; error: Error; ms: number }
  | { status: 'closed'; library: Library; ms: 0 };

/**
 * The library being served, swapped whole when a rebuild finishes: a reader calls `current()` once
 * per request and works with that version to the end, while the next one is built beside it.
 */
export interface LibraryHolder {
  current(): Library;
  /**
   * Rebuilds and swaps. Calls during a rebuild are coalesced into one more rebuild after it, so a
   * change made while building is never missed and never rebuilt twice. Never rejects.
   */
  reload(): Promise<ReloadOutcome>;
  /**
   * Swaps in what `change` makes of the library being served (ingested papers joined to it), one
   * change or rebuild at a time; never rejects.
   */
  apply(change: (current: Library) => Promise<Library>): Promise<ReloadOutcome>;
  /** Called after every swap; returns a function that removes the listener. */
  onSwap(listener: (event: SwapEvent) => void): () => void;
  /** Stops further reloads; a rebuild in flight finishes but is not swapped in. */
  close(): void;
}

export function createLibraryHolder(options: { initial: Library; build: LibraryBuilder; log: Log; clock?: () => number }): LibraryHolder {
  const { build, log } = options;
  const clock = options.clock ?? (() => performance.now());
  let library = options.initial;
  let closed = false;
  let running: Promise<ReloadOutcome> | undefined;
  let queued: Promise<ReloadOutcome> | undefined;
  // Rebuilds and changes run one at a time, each on the library the one before left.
  let turn: Promise<unknown> | undefined;
  const listeners = new Set<(event: SwapEvent) => void>();

  function exclusive(make: (current: Library) => Promise<Library>, what: 'reload' | 'change'): Promise<ReloadOutcome> {
    // When nothing runs, it starts at once (reload() callers see the build begin before it returns).
    const result = turn ? turn.then(() => swapIn(make, what)) : swapIn(make, what);
    turn = result;
    void result.finally(() => {
      if (turn === result) turn = undefined;
    });
    return result;
  }

  const rebuild = () => exclusive(() => build(), 'reload');

  async function swapIn(make: (current: Library) => Promise<Library>, what: 'reload' | 'change'): Promise<ReloadOutcome> {
    if (closed) return { status: 'closed', library, ms: 0 };
    const started = clock();
    let next: Library;
    try {
      next = await make(library);
    } catch (error) {
      const ms = Math.round(clock() - started);
      const err = error instanceof Error ? error : new Error(String(error));
      log.error(`${what === 'reload' ? 'corpus reload' : 'library update'} failed; still serving version ${library.version}: ${err.message}`, {
        version: library.version,
        ms,
      });
      return { status: 'failed', library, error: err, ms };
    }
    const ms = Math.round(clock() - started);
    if (closed) return { status: 'closed', library, ms: 0 };
    if (next.version === library.version) {
      log.debug('corpus reloaded: same version, nothing to swap', { version: library.version, ms });
      return { status: 'unchanged', library, ms };
    }
    const previous = library;
    library = next;
    log.info(what === 'reload' ? 'corpus swapped' : 'library updated', {
      version: next.version,
      previousVersion: previous.version,
      papers: next.papers.length,
      warnings: next.warnings.length,
      files: next.files.length,
      ms,
    });
    if (next.papers.length === 0 && previous.papers.length > 0) {
      log.warn('the corpus now has no papers: every page file was removed or none could be read', { version: next.version, files: next.files.length });
    }
    for (const listener of listeners) {
      try {
        listener({ previous, library: next, ms });
      } catch (error) {
        log.error('a corpus swap listener failed', { error });
      }
    }
    return { status: 'swapped', library: next, ms };
  }

  function reload(): Promise<ReloadOutcome> {
    if (closed) return Promise.resolve({ status: 'closed', library, ms: 0 });
    if (!running) {
      running = rebuild().finally(() => {
        running = undefined;
      });
      return running;
    }
    // `running` clears itself before this continuation runs, so reload() starts a fresh rebuild.
    queued ??= running.then(() => {
      queued = undefined;
      return reload();
    });
    return queued;
  }

  return {
    current: () => library,
    reload,
    apply: (change) => exclusive(change, 'change'),
    onSwap(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      listeners.clear();
    },
  };
}
