import { mkdirSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildLibrary, type Library } from '../../src/library/library.js';
import type { LibraryHolder, SwapEvent } from '../../src/library/holder.js';
import { liveLibrary } from '../../src/library/live.js';
import { NOW, tempCorpus } from '../helpers/corpus.js';
import { capturedLog, countedBuilder, page, titlesFound, until } from './helpers.js';

const open: LibraryHolder[] = [];
afterEach(() => {
  for (const holder of open.splice(0)) holder.close();
});

async function start(files: Record<string, string>, watch = { quietMs: 60, retryMs: 50, maxWaitMs: 10_000 }) {
  const dir = tempCorpus(files);
  const builder = countedBuilder(dir);
  const { log, lines } = capturedLog();
  const initial = buildLibrary(await loadCorpus(dir, { now: NOW }));
  const holder = liveLibrary({ dir, initial, build: builder.build, log, watch });
  open.push(holder);
  const swaps: SwapEvent[] = [];
  holder.onSwap((e) => swaps.push(e));
  /** Resolves with the library of the next swap after this call. */
  const nextSwap = async (): Promise<Library> => {
    const seen = swaps.length;
    await until(() => swaps.length > seen, 'a corpus swap');
    return swaps[seen]!.library;
  };
  return { dir, builder, holder, lines, swaps, nextSwap };
}

describe('live corpus', () => {
  it('makes the papers of a page dropped into the directory searchable', async () => {
    const { dir, holder, nextSwap, lines } = await start({ 'a.txt': page('Mar 14', ['Alphanet']) });
    const before = holder.current();
    expect(titlesFound(before, 'zorblax')).toEqual([]);

    const swapped = nextSwap();
    writeFileSync(join(dir, 'b.txt'), page('Mar 15', ['Zorblax', 'Quuxformer']));
    const after = await swapped;

    expect(holder.current()).toBe(after);
    expect(after.version).not.toBe(before.version);
    expect(after.papers.map((p) => p.title).sort()).toEqual(['Alphanet', 'Quuxformer', 'Zorblax']);
    expect(titlesFound(after, 'zorblax')).toEqual(['Zorblax']);
    expect(lines.some((l) => l.includes('corpus swapped') && l.includes(`"version":"${after.version}"`) && l.includes('"papers":3'))).toBe(true);
  });

  it('follows a changed page and a removed page', async () => {
    const { dir, holder, nextSwap } = await start({ 'a.txt': page('Mar 14', ['Alphanet']), 'b.txt': page('Mar 15', ['Betaformer']) });

    let swapped = nextSwap();
    writeFileSync(join(dir, 'a.txt'), page('Mar 14', ['Gammanet']));
    await swapped;
    expect(titlesFound(holder.current(), 'alphanet')).toEqual([]);
    expect(titlesFound(holder.current(), 'gammanet')).toEqual(['Gammanet']);

    swapped = nextSwap();
    unlinkSync(join(dir, 'b.txt'));
    await swapped;
    expect(holder.current().papers.map((p) => p.title)).toEqual(['Gammanet']);
  });

  it('rebuilds once for a burst of writes, and not again until the next change', async () => {
    const { dir, builder, holder, nextSwap } = await start({ 'a.txt': page('Mar 14', ['Alphanet']) });
    let swapped = nextSwap();
    for (let i = 0; i < 20; i++) writeFileSync(join(dir, `burst-${i}.txt`), page('Mar 16', [`Burst${i}net`]));
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, 'a.txt'), page('Mar 14', ['Alphanet', `Rewrite${i}`]));
    await swapped;
    expect(builder.calls).toBe(1);
    expect(holder.current().papers).toHaveLength(22);

    swapped = nextSwap();
    unlinkSync(join(dir, 'burst-0.txt'));
    await swapped;
    expect(builder.calls).toBe(2);
    expect(holder.current().papers).toHaveLength(21);
  });

  it("picks up an editor's write-to-temporary-then-rename as one change to the page", async () => {
    const { dir, builder, holder, nextSwap } = await start({ 'a.txt': page('Mar 14', ['Alphanet']) });
    const swapped = nextSwap();
    writeFileSync(join(dir, '.a.txt.swp'), 'editor state');
    writeFileSync(join(dir, 'a.txt.tmp'), page('Mar 14', ['Deltanet']));
    renameSync(join(dir, 'a.txt'), join(dir, 'a.txt~'));
    renameSync(join(dir, 'a.txt.tmp'), join(dir, 'a.txt'));
    await swapped;
    expect(builder.calls).toBe(1);
    expect(holder.current().papers.map((p) => p.title)).toEqual(['Deltanet']);
  });

  it('rebuilds a directory that never settles once the longest wait is over, then follows the writes that went on', async () => {
    const { dir, holder, nextSwap } = await start({ 'a.txt': page('Mar 14', ['Alphanet']) }, { quietMs: 200, retryMs: 50, maxWaitMs: 400 });
    let n = 0;
    // A page rewritten every 20 ms: each look at the directory differs from the last, so only the longest wait ends it.
    const writer = setInterval(
      () =>
        writeFileSync(
          join(dir, 'growing.txt'),
          page(
            'Mar 15',
            Array.from({ length: ++n }, (_, i) => `Growth${i}net`),
          ),
        ),
      20,
    );
    try {
      const during = await nextSwap();
      expect(during.papers.length).toBeGreaterThan(1);
    } finally {
      clearInterval(writer);
    }
    await until(() => holder.current().papers.length === n + 1, 'the last write to be served');
  });

  it('follows pages that are links into a directory swapped behind them, as Kubernetes updates a mounted ConfigMap', async () => {
    const { dir, holder, nextSwap } = await start({});
    mkdirSync(join(dir, '..v1'));
    writeFileSync(join(dir, '..v1', 'a.txt'), page('Mar 14', ['Alphanet']));
    symlinkSync('..v1', join(dir, '..data'));
    let swapped = nextSwap();
    symlinkSync(join('..data', 'a.txt'), join(dir, 'a.txt'));
    await swapped;
    expect(holder.current().papers.map((p) => p.title)).toEqual(['Alphanet']);

    // The update: a new directory, a new link to it, renamed over `..data`. No event names a page.
    mkdirSync(join(dir, '..v2'));
    writeFileSync(join(dir, '..v2', 'a.txt'), page('Mar 14', ['Alphanet', 'Omeganet']));
    swapped = nextSwap();
    symlinkSync('..v2', join(dir, '..data_tmp'));
    renameSync(join(dir, '..data_tmp'), join(dir, '..data'));
    await swapped;
    expect(
      holder
        .current()
        .papers.map((p) => p.title)
        .sort(),
    ).toEqual(['Alphanet', 'Omeganet']);
  });

  it('answers searches from the old library while a slow rebuild runs', async () => {
    const { dir, builder, holder, nextSwap } = await start({ 'a.txt': page('Mar 14', ['Alphanet']) });
    const old = holder.current();
    builder.hold();
    const swapped = nextSwap();
    writeFileSync(join(dir, 'a.txt'), page('Mar 14', ['Epsilonet']));
    await until(() => builder.calls === 1, 'the rebuild to start');

    // The rebuild is under way and held: every search still sees the old version, whole.
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setImmediate(r));
      expect(holder.current()).toBe(old);
      expect(titlesFound(holder.current(), 'alphanet')).toEqual(['Alphanet']);
      expect(titlesFound(holder.current(), 'epsilonet')).toEqual([]);
    }
    const heldByARequest = holder.current();

    builder.release();
    const fresh = await swapped;
    expect(titlesFound(fresh, 'epsilonet')).toEqual(['Epsilonet']);
    // A request that took the library before the swap finishes on the version it started with.
    expect(titlesFound(heldByARequest, 'alphanet')).toEqual(['Alphanet']);
  });

  it('keeps the old library when the directory vanishes, and follows it again once it is back', async () => {
    const { dir, builder, holder, nextSwap, lines } = await start({ 'a.txt': page('Mar 14', ['Alphanet']) });
    const old = holder.current();

    rmSync(dir, { recursive: true });
    await until(() => lines.some((l) => l.includes('corpus reload failed')), 'the failed rebuild to be logged');
    expect(holder.current()).toBe(old);
    expect(titlesFound(holder.current(), 'alphanet')).toEqual(['Alphanet']);
    expect(lines.find((l) => l.includes('corpus reload failed'))).toContain(`still serving version ${old.version}: cannot read the corpus directory`);
    const failedBuilds = builder.calls;

    const swapped = nextSwap();
    mkdirSync(dir);
    writeFileSync(join(dir, 'z.txt'), page('Mar 20', ['Zetanet']));
    await swapped;
    expect(builder.calls).toBeGreaterThan(failedBuilds);
    expect(holder.current().papers.map((p) => p.title)).toEqual(['Zetanet']);
  });
});
