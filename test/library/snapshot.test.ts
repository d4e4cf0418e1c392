import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary, type LoadLibraryOptions } from '../../src/library/library.js';
import { search } from '../../src/search/search.js';
import { snapshotPath } from '../../src/library/snapshot.js';
import { CORPUS_DIR, NOW } from '../helpers/corpus.js';

function copyOfCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'paperwire-snap-corpus-'));
  for (const name of readdirSync(CORPUS_DIR)) copyFileSync(join(CORPUS_DIR, name), join(dir, name));
  return dir;
}

async function load(dir: string, cacheDir: string | false, extra: LoadLibraryOptions = {}) {
  const events: string[] = [];
  const library = await loadLibrary(dir, { cacheDir, now: NOW, ...extra, onSnapshot: (e) => events.push(e.status) });
  return { library, events };
}

describe('loadLibrary with snapshots', () => {
  it('writes a snapshot, then starts from it with the same papers and the same answers', async () => {
    const dir = copyOfCorpus();
    const cache = mkdtempSync(join(tmpdir(), 'paperwire-cache-'));
    const first = await load(dir, cache);
    expect(first.events).toEqual(['missing']);
    const second = await load(dir, cache);
    expect(second.events).toEqual(['hit']);
    expect(second.library.version).toBe(first.library.version);
    expect(second.library.papers).toEqual(first.library.papers);
    for (const q of ['MoE', 'quantizaton', 'distil year:2024', '"vision transformer"']) {
      expect(search(second.library.index, q).hits.map((h) => h.paper.id)).toEqual(search(first.library.index, q).hits.map((h) => h.paper.id));
    }
  });

  it('rebuilds when a page changes, is added or the year option differs', async () => {
    const dir = copyOfCorpus();
    const cache = mkdtempSync(join(tmpdir(), 'paperwire-cache-'));
    await load(dir, cache);
    writeFileSync(join(dir, 'extra.txt'), 'Mar 14\n\nFooNet: A Tiny Model\nWe propose FooNet, a compact model for sparse attention that cuts memory by 40%.\n');
    const changed = await load(dir, cache);
    expect(changed.events).toEqual(['stale']);
    expect(changed.library.papers.some((p) => p.title === 'FooNet: A Tiny Model')).toBe(true);
    expect((await load(dir, cache)).events).toEqual(['hit']);
    expect((await load(dir, cache, { year: 2024 })).events).toEqual(['stale']);
  });

  it('turns down a snapshot of another corpus version from its header, before reading the papers', async () => {
    const dir = copyOfCorpus();
    const cache = mkdtempSync(join(tmpdir(), 'paperwire-cache-'));
    await load(dir, cache);
    const path = snapshotPath(cache, dir);
    const bytes = readFileSync(path);
    // A damaged payload would be 'corrupt' if it were read: for a stale key it never is.
    bytes[bytes.length - 100]! ^= 0xff;
    writeFileSync(path, bytes);
    writeFileSync(join(dir, 'extra.txt'), 'Mar 14\n\nFooNet: A Tiny Model\nWe propose FooNet, a compact model for sparse attention that cuts memory by 40%.\n');
    expect((await load(dir, cache)).events).toEqual(['stale']);
  });

  it('never serves a corrupt snapshot: a flipped byte or a truncated file means a rebuild', async () => {
    const dir = copyOfCorpus();
    const cache = mkdtempSync(join(tmpdir(), 'paperwire-cache-'));
    const built = await load(dir, cache);
    const path = snapshotPath(cache, dir);
    const bytes = readFileSync(path);
    bytes[bytes.length - 100]! ^= 0xff;
    writeFileSync(path, bytes);
    const flipped = await load(dir, cache);
    expect(flipped.events).toEqual(['corrupt']);
    expect(flipped.library.papers).toEqual(built.library.papers);
    writeFileSync(path, readFileSync(path).subarray(0, 1000));
    expect((await load(dir, cache)).events).toEqual(['corrupt']);
    writeFileSync(path, 'not a snapshot');
    expect((await load(dir, cache)).events).toEqual(['corrupt']);
    expect((await load(dir, cache)).events).toEqual(['hit']);
  });

  it('reports a snapshot it cannot write and still returns the library; cacheDir false skips snapshots', async () => {
    const dir = copyOfCorpus();
    const blocked = join(mkdtempSync(join(tmpdir(), 'paperwire-cache-')), 'file');
    writeFileSync(blocked, 'a file where the cache directory should be');
    const { library, events } = await load(dir, blocked);
    expect(events).toEqual(['missing', 'write-failed']);
    expect(library.papers).toHaveLength(204);
    expect((await load(dir, false)).events).toEqual([]);
  });
});
