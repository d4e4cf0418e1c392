import { execFileSync } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ABSTRACT_A, ABSTRACT_B, NOW, tempCorpus } from '../helpers/corpus.js';

/** Runs `afterList` right after the loader lists the directory and before it reads any page. */
const hook = vi.hoisted(() => ({ afterList: (_dir: string) => {} }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    readdir: async (dir: string) => {
      const names = await real.readdir(dir);
      hook.afterList(dir);
      return names;
    },
  };
});
const { loadCorpus } = await import('../../src/corpus/load.js');

const page = (title: string, abstract: string) => ['Mar 14', title, abstract, ''].join('\n');

describe('pages that change between listing and reading', () => {
  it('a page renamed away after the listing is reported by name; the others load', async () => {
    const dir = tempCorpus({ 'a.txt': page('FooNet', ABSTRACT_A), 'b.txt': page('BarNet', ABSTRACT_B) });
    hook.afterList = (d) => renameSync(join(d, 'b.txt'), join(d, 'b.moved'));
    const corpus = await loadCorpus(dir, { now: NOW });
    expect(corpus.papers.map((p) => p.title)).toEqual(['FooNet']);
    expect(corpus.warnings).toEqual([{ file: 'b.txt', line: 0, message: 'skipped: the file was moved or deleted while being read' }]);
    expect(corpus.files.find((f) => f.file === 'b.txt')?.skipped).toBe(true);
  });

  it('a page replaced by a 21 MB file after the listing is refused by its size', async () => {
    const dir = tempCorpus({ 'a.txt': page('FooNet', ABSTRACT_A), 'b.txt': page('BarNet', ABSTRACT_B) });
    hook.afterList = (d) => writeFileSync(join(d, 'b.txt'), Buffer.alloc(21 * 1024 * 1024, 0x61));
    const corpus = await loadCorpus(dir, { now: NOW });
    expect(corpus.papers.map((p) => p.title)).toEqual(['FooNet']);
    expect(corpus.warnings).toEqual([{ file: 'b.txt', line: 0, message: 'skipped: 21.0 MB is over the 20 MB limit for one page' }]);
  });

  it('a FIFO named like a page is refused at once instead of blocking the load', async () => {
    const dir = tempCorpus({ 'a.txt': page('FooNet', ABSTRACT_A) });
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    hook.afterList = () => {};
    const corpus = await loadCorpus(dir, { now: NOW });
    expect(corpus.papers.map((p) => p.title)).toEqual(['FooNet']);
    expect(corpus.warnings).toEqual([{ file: 'pipe.txt', line: 0, message: 'skipped: not a regular file' }]);
  });
});
