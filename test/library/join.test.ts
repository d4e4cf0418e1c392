import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Paper } from '../../src/corpus/types.js';
import { composeDigest } from '../../src/digest/compose.js';
import { buildLibrary, joinLibrarySteps, type Library } from '../../src/library/library.js';
import { appendSteps, buildIndex } from '../../src/search/index.js';
import { search } from '../../src/search/search.js';
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

describe('adding papers to an index', () => {
  it('gives the same postings and the same answers as building the index from all the papers', () => {
    const all = pages.papers;
    const base = buildIndex(all.slice(0, 150));
    const grown = runToEnd(appendSteps(base, all));
    const whole = buildIndex(all);
    for (const key of ['terms', 'offsets', 'docs', 'freqs', 'fieldLength'] as const) expect(grown.postings[key]).toEqual(whole.postings[key]);
    expect(grown.postings.documentCount).toBe(whole.postings.documentCount);
    [...grown.postings.averageFieldLength].forEach((avg, f) => expect(avg).toBeCloseTo(whole.postings.averageFieldLength[f]!, 9));
    for (const query of ['kv cache', 'difusion transfomer', 'quant*', 'LLM agents', '"language model" -vision', 'sort:top reasoning']) {
      const a = search(grown, query);
      const b = search(whole, query);
      expect(a.total).toBe(b.total);
      expect(a.hits.map((h) => [h.paper.id, h.score.toFixed(9)])).toEqual(b.hits.map((h) => [h.paper.id, h.score.toFixed(9)]));
    }
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
