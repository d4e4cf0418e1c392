import { loadCorpus } from '../../src/corpus/load.js';
import { buildLibrary, type Library } from '../../src/library/library.js';
import { createLog, type Log } from '../../src/util/log.js';
import { search } from '../../src/search/search.js';
import { NOW } from '../helpers/corpus.js';

/** A page file with one entry per title; each abstract carries the title's own word so it can be searched for. */
export function page(date: string, titles: string[]): string {
  const lines = [date, ''];
  for (const title of titles) {
    lines.push(title, '', `We introduce ${title}, a method for sparse attention that cuts memory by 40% while matching accuracy on five benchmarks.`, '');
  }
  return lines.join('\n');
}

export function titlesFound(library: Library, query: string): string[] {
  return search(library.index, query, { limit: 50 })
    .hits.map((h) => h.paper.title)
    .sort();
}

/** The real builder (loader + index) over `dir`, counted, and held at a gate when the test closes one. */
export function countedBuilder(dir: string) {
  let gate: Promise<void> | undefined;
  let openGate: (() => void) | undefined;
  const builder = {
    calls: 0,
    async build(): Promise<Library> {
      builder.calls++;
      await gate;
      return buildLibrary(await loadCorpus(dir, { now: NOW }));
    },
    /** The next builds wait until `release()` is called. */
    hold() {
      gate = new Promise((resolve) => (openGate = resolve));
    },
    release() {
      openGate?.();
      gate = undefined;
    },
  };
  return builder;
}

export function capturedLog(): { log: Log; lines: string[] } {
  const lines: string[] = [];
  return { log: createLog({ sink: (line) => lines.push(line), debug: true }), lines };
}

/** Waits for a condition the code under test brings about by itself (an event, not a duration). */
export async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
