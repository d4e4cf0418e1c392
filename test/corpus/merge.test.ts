import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { mergeEntries } from '../../src/corpus/merge.js';
import type { PageEntry } from '../../src/corpus/types.js';
import { ABSTRACT_A, ABSTRACT_B, NOW, tempCorpus } from '../helpers/corpus.js';

const entry = (over: Partial<PageEntry>): PageEntry => ({ title: 'FooNet', abstract: ABSTRACT_A, file: 'a.txt', line: 1, ...over });

describe('merging entries into papers', () => {
  it('merges titles equal up to case, spacing and punctuation, keeping every appearance and the best metadata', () => {
    const [paper, ...rest] = mergeEntries([
      entry({ title: 'Foo-Net: a Model', upvotes: 3, pageDate: '2026-03-12', file: 'b.txt', line: 9 }),
      entry({ title: 'foonet  A model', upvotes: 7, authorsCount: 4, pageDate: '2025-10-27', file: 'a.txt', line: 5 }),
      entry({ title: 'FOO NET — a model!', pageDate: '2026-03-14', file: 'c.txt', line: 2 }),
    ]);
    expect(rest).toEqual([]);
    expect(paper).toMatchObject({ title: 'FOO NET — a model!', upvotes: 7, authorsCount: 4 });
    expect(paper!.appearances).toEqual([
      { file: 'a.txt', line: 5, pageDate: '2025-10-27' },
      { file: 'b.txt', line: 9, pageDate: '2026-03-12' },
      { file: 'c.txt', line: 2, pageDate: '2026-03-14' },
    ]);
  });

  it('keeps two papers that share a title but not an abstract, with different stable ids', () => {
    const papers = mergeEntries([entry({}), entry({ abstract: ABSTRACT_B, line: 9 }), entry({ file: 'b.txt' })]);
    expect(papers).toHaveLength(2);
    const again = mergeEntries([entry({ file: 'b.txt' }), entry({ abstract: ABSTRACT_B, line: 9 }), entry({})]);
    expect(new Set(again.map((p) => p.id))).toEqual(new Set(papers.map((p) => p.id)));
    expect(papers.find((p) => p.abstract === ABSTRACT_A)!.appearances).toHaveLength(2);
  });

  it('keeps ids stable when pages are added to the corpus', async () => {
    const one = tempCorpus({ 'a.txt': `Mar 14\nFooNet\n${ABSTRACT_A}\n` });
    const two = tempCorpus({ 'a.txt': `Mar 14\nFooNet\n${ABSTRACT_A}\n`, 'b.txt': `Mar 15\nOther\n${ABSTRACT_B}\nFoo Net\n${ABSTRACT_A}\n` });
    const [before, after] = await Promise.all([loadCorpus(one, { now: NOW }), loadCorpus(two, { now: NOW })]);
    expect(after.papers.find((p) => p.title.startsWith('Foo'))!.id).toBe(before.papers[0]!.id);
    expect(after.version).not.toBe(before.version);
  });
});
