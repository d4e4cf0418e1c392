import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Paper } from '../../src/corpus/types.js';
import { composeDigest } from '../../src/digest/compose.js';
import { buildLibrary, joinLibrarySteps, type Library } from '../../src/library/library.js';
import { appendSteps, buildIndex, serializeIndex, type PaperIndex } from '../../src/search/index.js';
import { firstHolders, frequencyOf, holds, markTerm, postingCount, termCount, termId, termOf, type Postings } from '../../src/search/postings.js';
import { matches, search } from '../../src/search/search.js';
import { fuzzyTerms, prefixTerms } from '../../src/search/vocabulary.js';
import { runToEnd } from '../../src/util/steps.js';
import { CORPUS_DIR, NOW } from '../helpers/corpus.js';

let pages: Library;
beforeAll(async () => {
  pages = buildLibrary(await loadCorpus(CORPUS_DIR, { now: NOW }));
});

/** A paper as the daily papers API gives it (see src/ingest/item.ts). */
function apiPaper(arxivId: string, title: string, over: Partial<Paper> = {}): Paper {
  return {
    id: `arxiv-${arxivId.replace('.', '-')}`,
    arxivId,
    url: `https://huggingface.co/papers/${arxivId}`,
    title,
    abstract: `We introduce ${title}. It halves the memory of sparse attention kernels on long documents.`,
    appearances: [],
    upvotes: 12,
    numComments: 3,
    listDate: '2026-11-20',
    listDates: ['2026-11-20'],
    ...over,
  };
}

const QUERIES = [
  'kv cache',
  'difusion transfomer',
  'quant*',
  'LLM agents',
  '"language model" -vision',
  'sort:top reasoning',
  'distil',
  'sparse attention kernels',
  'zephyrine',
  'memory halves',
  'trasnformer',
  'rea*',
  'multimodal OR retrieval',
  'agent* planning',
];

/** Every paper, term and answer of `grown` is exactly that of `whole` (term ids aside: they are the index's own). */
function expectSameAnswers(grown: PaperIndex, whole: PaperIndex): void {
  const g = grown.postings;
  const w = whole.postings;
  expect(g.documentCount).toBe(w.documentCount);
  expect(g.averageFieldLength).toEqual(w.averageFieldLength);
  expect(termCount(g)).toBe(termCount(w));
  const n = w.documentCount;
  for (const [id, term] of w.terms.entries()) {
    const at = termId(g, term);
    expect(at, term).toBeGreaterThanOrEqual(0);
    expect(termOf(g, at)).toBe(term);
    expect(frequencyOf(g, at), term).toBe(frequencyOf(w, id));
    expect(postingCount(g, at), term).toBe(postingCount(w, id));
    expect(firstHolders(g, at, 7), term).toEqual(firstHolders(w, id, 7));
    if (id % 7 !== 0) continue;
    for (const field of [undefined, 0, 1, 2]) {
      const a = new Uint8Array(n);
      const b = new Uint8Array(n);
      markTerm(g, at, a, field);
      markTerm(w, id, b, field);
      expect(a, term).toEqual(b);
    }
    const holders = [...new Uint8Array(n).keys()].filter((doc) => holds(w, id, doc));
    expect(
      [...new Uint8Array(n).keys()].filter((doc) => holds(g, at, doc)),
      term,
    ).toEqual(holders);
  }
  const spelt = (p: Postings, ids: readonly number[]) => ids.map((id) => termOf(p, id));
  for (const prefix of ['', 'qu', 'zeph', 'a', 'tra', 'spar', 'kern']) {
    expect(spelt(g, prefixTerms(grown.vocabulary, prefix)), prefix).toEqual(spelt(w, prefixTerms(whole.vocabulary, prefix)));
  }
  for (const word of ['zephyrin', 'kernals', 'atention', 'transfomer', 'sparce']) {
    for (const distance of [1, 2]) {
      const near = (index: PaperIndex) => fuzzyTerms(index.vocabulary, word, distance).map((t) => [termOf(index.postings, t.id), t.distance]);
      expect(near(grown), word).toEqual(near(whole));
    }
  }
  for (const query of QUERIES) {
    const a = search(grown, query, { limit: 50 });
    const b = search(whole, query, { limit: 50 });
    expect(a.total, query).toBe(b.total);
    expect(a.suggestions, query).toEqual(b.suggestions);
    expect(
      a.hits.map((h) => [h.paper.id, h.score, h.snippet]),
      query,
    ).toEqual(b.hits.map((h) => [h.paper.id, h.score, h.snippet]));
    expect(matches(grown, query), query).toEqual(matches(whole, query));
  }
}

const ARRAYS = ['terms', 'offsets', 'docs', 'freqs', 'fieldLength', 'averageFieldLength'] as const;

describe('adding papers to an index', () => {
  let all: Paper[];
  let whole: PaperIndex;
  beforeAll(() => {
    // The page papers and a few new ones with words no page paper has.
    all = [
      ...pages.papers,
      apiPaper('2511.00101', 'Zephyrine Kernels for Sparse Attention'),
      apiPaper('2511.00102', 'Aardvark Transformers Quantize Kernels', { abstract: 'Zephyrine aardvarks distil quantization memory.' }),
    ];
    whole = buildIndex(all);
  });

  it('gives the same postings and the same answers as building the index from all the papers', () => {
    // Appended in three steps, the papers after the first 150 are kept in the tail...
    let grown = buildIndex(all.slice(0, 150));
    for (const upTo of [151, 260, all.length]) grown = runToEnd(appendSteps(grown, all.slice(0, upTo)));
    expect(grown.postings.tail?.own.documentCount).toBe(all.length - 150);
    expect(grown.postings.docs.length).toBeLessThan(whole.postings.docs.length);
    expectSameAnswers(grown, whole);
    // ...and what a snapshot stores of it is the whole index's arrays.
    const stored = serializeIndex(grown).postings;
    expect(stored.tail).toBeUndefined();
    for (const key of ARRAYS) expect(stored[key], key).toEqual(whole.postings[key]);
  });

  it('folds the tail into the base once it passes the limit: the same arrays as building the index whole', () => {
    let grown = buildIndex(all.slice(0, 150));
    grown = runToEnd(appendSteps(grown, all.slice(0, 200)));
    expect(grown.postings.tail).toBeDefined();
    grown = runToEnd(appendSteps(grown, all, 20));
    expect(grown.postings.tail).toBeUndefined();
    for (const key of ARRAYS) expect(grown.postings[key], key).toEqual(whole.postings[key]);
    expectSameAnswers(grown, whole);
    // A tail grown again from the folded base answers the same as well.
    const again = runToEnd(appendSteps(runToEnd(appendSteps(buildIndex(all.slice(0, 100)), all.slice(0, 160), 50)), all));
    expect(again.postings.tail?.base.documentCount).toBe(160);
    expectSameAnswers(again, whole);
  });
});

describe('ingested papers joined to the page papers', () => {
  it('makes an API paper with the title of a page paper the same paper, known by both ids, with the API’s fields', () => {
    const page = pages.papers[10]!;
    const shouted = `  ${page.title.toUpperCase().replace(/ /g, '  ')}!`;
    const joined = runToEnd(joinLibrarySteps(pages, { papers: [apiPaper('2511.00001', shouted, { upvotes: 999 })], version: 1 }));
    expect(joined.papers).toHaveLength(pages.papers.length);
    const paper = joined.byId.get(page.id)!;
    expect(paper.id).toBe(page.id);
    expect(paper.title).toBe(page.title);
    expect(paper.arxivId).toBe('2511.00001');
    expect(paper.upvotes).toBe(999);
    expect(paper.aliases).toEqual(['arxiv-2511-00001']);
    expect(joined.byId.get('arxiv-2511-00001')).toBe(paper);
    expect(joined.index.papers[joined.index.positions.get('arxiv-2511-00001')!]).toBe(paper);
    expect(joined.version).toBe(`${pages.corpusVersion}+1`);
  });

  it('adds a new API paper to search, and updates it in place when it is listed again with new upvotes', () => {
    const fresh = apiPaper('2511.00002', 'Zephyrine Kernels for Sparse Attention');
    const once = runToEnd(joinLibrarySteps(pages, { papers: [fresh], version: 1 }));
    expect(once.papers).toHaveLength(pages.papers.length + 1);
    expect(search(once.index, 'zephyrine').hits[0]?.paper.id).toBe(fresh.id);
    expect(search(pages.index, 'zephyrine').total).toBe(0);

    const again = runToEnd(
      joinLibrarySteps(once, { papers: [{ ...fresh, upvotes: 40, listDate: '2026-11-21', listDates: ['2026-11-20', '2026-11-21'] }], version: 2 }),
    );
    expect(again.papers).toHaveLength(once.papers.length);
    expect(again.byId.get(fresh.id)?.upvotes).toBe(40);
    expect(again.index.upvotes[again.index.positions.get(fresh.id)!]).toBe(40);
    expect(search(again.index, 'zephyrine upvotes:>=40').hits.map((h) => h.paper.id)).toEqual([fresh.id]);
  });

  it('never lets a digest post a paper again under its other id', () => {
    const page = pages.papers[3]!;
    const joined = runToEnd(joinLibrarySteps(pages, { papers: [apiPaper('2511.00003', page.title, { upvotes: 5000 })], version: 1 }));
    const plan = (posted: string[]) =>
      composeDigest({ library: joined, channelId: 'C1', timezone: 'UTC', topN: 10, posted: new Set(posted), saves: new Map(), engagement: [], now: NOW });
    expect(plan([]).items.map((t) => t.paper.id)).toContain(page.id);
    expect(plan(['arxiv-2511-00003']).items.map((t) => t.paper.id)).not.toContain(page.id);
    expect(plan([page.id]).items.map((t) => t.paper.id)).not.toContain(page.id);
  });
});
