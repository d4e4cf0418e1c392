import { describe, expect, it } from 'vitest';
import { buildLibrary, type Library } from '../../src/library/library.js';
import { createLibraryHolder, type SwapEvent } from '../../src/library/holder.js';
import { capturedLog } from './helpers.js';

const lib = (version: string): Library => buildLibrary({ papers: [], warnings: [], files: [], version });

/** A builder whose every call waits for the test to hand it a result (or an error). */
function manualBuilder() {
  const pending: Array<{ resolve: (l: Library) => void; reject: (e: Error) => void }> = [];
  return {
    pending,
    build: () => new Promise<Library>((resolve, reject) => pending.push({ resolve, reject })),
  };
}

describe('library holder', () => {
  it('serves the old library while a rebuild runs and swaps it whole when the rebuild ends', async () => {
    const { log, lines } = capturedLog();
    const b = manualBuilder();
    const holder = createLibraryHolder({ initial: lib('v1'), build: b.build, log });
    const swaps: SwapEvent[] = [];
    holder.onSwap((e) => swaps.push(e));

    const reloading = holder.reload();
    expect(b.pending).toHaveLength(1);
    expect(holder.current().version).toBe('v1');
    b.pending[0]!.resolve(lib('v2'));
    const outcome = await reloading;

    expect(outcome.status).toBe('swapped');
    expect(holder.current().version).toBe('v2');
    expect(swaps.map((s) => [s.previous.version, s.library.version])).toEqual([['v1', 'v2']]);
    expect(lines.find((l) => l.includes('corpus swapped'))).toMatch(/"version":"v2","previousVersion":"v1","papers":0,"warnings":0,"files":0,"ms":\d+/);
  });

  it('coalesces reloads asked for during a rebuild into one more rebuild after it', async () => {
    const b = manualBuilder();
    const holder = createLibraryHolder({ initial: lib('v1'), build: b.build, log: capturedLog().log });
    const first = holder.reload();
    const second = holder.reload();
    const third = holder.reload();
    expect(second).toBe(third);
    b.pending[0]!.resolve(lib('v2'));
    await first;
    await new Promise((r) => setImmediate(r));
    expect(b.pending).toHaveLength(2);
    b.pending[1]!.resolve(lib('v3'));
    expect((await third).library.version).toBe('v3');
    expect(b.pending).toHaveLength(2);
  });

  it('keeps the old library and logs why when a rebuild fails', async () => {
    const { log, lines } = capturedLog();
    const b = manualBuilder();
    const holder = createLibraryHolder({ initial: lib('v1'), build: b.build, log });
    const reloading = holder.reload();
    b.pending[0]!.reject(new Error('cannot read the corpus directory /x: ENOENT'));
    const outcome = await reloading;
    expect(outcome).toMatchObject({ status: 'failed', library: { version: 'v1' } });
    expect(holder.current().version).toBe('v1');
    expect(lines.some((l) => l.includes('error corpus reload failed; still serving version v1: cannot read the corpus directory /x: ENOENT'))).toBe(true);
  });

  it('does not swap or notify when the rebuilt corpus has the same version', async () => {
    const b = manualBuilder();
    const initial = lib('v1');
    const holder = createLibraryHolder({ initial, build: b.build, log: capturedLog().log });
    let swaps = 0;
    holder.onSwap(() => swaps++);
    const reloading = holder.reload();
    b.pending[0]!.resolve(lib('v1'));
    expect((await reloading).status).toBe('unchanged');
    expect(holder.current()).toBe(initial);
    expect(swaps).toBe(0);
  });

  it('keeps notifying the other listeners when one throws, and stops a listener it was told to remove', async () => {
    const { log, lines } = capturedLog();
    let n = 0;
    const holder = createLibraryHolder({ initial: lib('v0'), build: async () => lib(`v${++n}`), log });
    const seen: string[] = [];
    holder.onSwap(() => {
      throw new Error('listener bug');
    });
    const remove = holder.onSwap((e) => seen.push(`a:${e.library.version}`));
    holder.onSwap((e) => seen.push(`b:${e.library.version}`));
    await holder.reload();
    remove();
    await holder.reload();
    expect(seen).toEqual(['a:v1', 'b:v1', 'b:v2']);
    expect(lines.filter((l) => l.includes('a corpus swap listener failed'))).toHaveLength(2);
  });

  it('swaps to an empty corpus when every page is gone, and warns about it', async () => {
    const { log, lines } = capturedLog();
    const withPaper = buildLibrary({
      papers: [{ id: 'p-000000000001', title: 'Alphanet', abstract: 'A paper.', appearances: [{ file: 'a.txt', line: 1 }] }],
      warnings: [],
      files: [],
      version: 'v1',
    });
    const holder = createLibraryHolder({ initial: withPaper, build: async () => lib('v2'), log });
    expect((await holder.reload()).status).toBe('swapped');
    expect(holder.current().papers).toEqual([]);
    expect(lines.filter((l) => l.includes('warn the corpus now has no papers'))).toHaveLength(1);
  });

  it('does not swap in a rebuild that ends after close, and refuses new reloads', async () => {
    const b = manualBuilder();
    const holder = createLibraryHolder({ initial: lib('v1'), build: b.build, log: capturedLog().log });
    const reloading = holder.reload();
    holder.close();
    b.pending[0]!.resolve(lib('v2'));
    expect((await reloading).status).toBe('closed');
    expect(holder.current().version).toBe('v1');
    expect((await holder.reload()).status).toBe('closed');
    expect(b.pending).toHaveLength(1);
  });
});
