import fc from 'fast-check';
import MiniSearch, { type Query } from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Paper } from '../../src/corpus/types.js';
import { indexWords, normalizeTerm } from '../../src/search/analyze.js';
import { evaluate, type QueryNode, type TermNode } from '../../src/search/evaluate.js';
import { buildIndex, type PaperIndex } from '../../src/search/index.js';
import { FIELDS, holds, markTerm } from '../../src/search/postings.js';
import { fuzzyTerms, prefixTerms } from '../../src/search/vocabulary.js';
import { CORPUS_DIR, NOW } from '../helpers/corpus.js';

/** Plain dynamic-programming Levenshtein distance: the reference for the radix-tree walk. */
function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), row[j]! + 1, next[j - 1]! + 1);
    row = next;
  }
  return row[b.length]!;
}

describe('the posting store and its vocabulary lookups, on the shipped corpus', () => {
  let papers: Paper[];
  let index: PaperIndex;
  let terms: string[];

  beforeAll(async () => {
    papers = (await loadCorpus(CORPUS_DIR, { now: NOW })).papers;
    index = buildIndex(papers);
    terms = index.postings.terms;
  });

  it('finds exactly the terms starting with a prefix', () => {
    const sample = terms.filter((_, i) => i % Math.ceil(terms.length / 200) === 0);
    const prefixes = [
      '',
      'zzzz',
      'qu',
      'quant',
      'tra',
      'a',
      '-',
      'é',
      terms.at(-1)! + 'a',
      ...sample.flatMap((t) => [1, 2, 3, 4].map((n) => t.slice(0, n))),
      ...sample.slice(0, 20),
    ];
    for (const prefix of prefixes) {
      const expected = terms.flatMap((t, i) => (t.startsWith(prefix) ? [i] : []));
      expect(prefixTerms(index.vocabulary, prefix), prefix).toEqual(expected);
    }
  });

  const near = (word: string, distance: number) =>
    terms.flatMap((t, id) => {
      const d = levenshtein(word, t);
      return d <= distance ? [{ id, distance: d }] : [];
    });

  it('finds exactly the terms within 1 or 2 edits of misspelt corpus words', () => {
    const words = terms.filter((_, i) => i % 61 === 0).map((t, k) => (k % 2 ? `${t.slice(0, 2)}x${t.slice(3)}` : `${t}s`));
    for (const word of words) for (const distance of [1, 2]) expect(fuzzyTerms(index.vocabulary, word, distance), word).toEqual(near(word, distance));
  });

  it('finds exactly the terms within 1 or 2 edits of random short strings', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{1,9}$/), fc.constantFrom(1, 2), (word, distance) => {
        expect(fuzzyTerms(index.vocabulary, word, distance)).toEqual(near(word, distance));
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('scores every paper as MiniSearch does with the same analysis (exact, typo, prefix, boost, AND, OR)', () => {
    const mini = new MiniSearch<number>({
      fields: ['title', 'abstract', 'organization'],
      idField: 'id',
      extractField: (position: number, field: string) => (field === 'id' ? position : (papers[position]?.[field as 'title'] ?? '')),
      tokenize: indexWords,
      processTerm: (term: string) => normalizeTerm(term) ?? null,
      searchOptions: { tokenize: (text: string) => [text], processTerm: (term: string) => term },
    });
    mini.addAll(papers.map((_, i) => i));
    const term = (t: string, fuzzy = 0, prefix = false, boost?: number): TermNode => ({ term: t, fuzzy, prefix, ...(boost ? { boost } : {}) });
    const toMini = (node: QueryNode): Query => {
      if ('term' in node)
        return { queries: [node.term], fuzzy: node.fuzzy || false, prefix: node.prefix, ...(node.boost ? { boostTerm: () => node.boost! } : {}) };
      if ('all' in node) return { combineWith: 'AND', queries: node.all.map(toMini) };
      return { combineWith: 'OR', queries: node.any.map(toMini) };
    };
    const queries: QueryNode[] = [
      term('quantization'),
      term('quantizaton', 2),
      term('transformr', 2, true),
      term('tokeniz', 1, true),
      term('speech', 0, false, 0.6),
      { all: [term('language'), term('model'), term('efficient')] },
      { any: [term('diffusion'), term('video', 1), term('robot', 0, true)] },
      { all: [{ any: [term('mixture'), term('moe', 0, false, 0.6)] }, term('expert')] },
    ];
    for (const query of queries) {
      const ours = evaluate({ postings: index.postings, vocabulary: index.vocabulary, fieldBoost: [2.5, 1, 1], derived: new Set() }, query);
      // search() multiplies a score by the query terms matched; paperwire's ranking builds on the raw score.
      const theirs = new Map(mini.search(toMini(query), { boost: { title: 2.5 } }).map((r) => [r.id as number, r.score / r.queryTerms.length]));
      expect(ours.ids.length, JSON.stringify(query)).toBeGreaterThan(0);
      expect([...ours.ids].sort((a, b) => a - b)).toEqual([...theirs.keys()].sort((a, b) => a - b));
      ours.ids.forEach((id, k) => expect(ours.scores[k], `${JSON.stringify(query)} paper ${id}`).toBeCloseTo(theirs.get(id)!, 9));
    }
  });

  it('scores only the papers it is given, the same as without them', () => {
    const loose: TermNode = { term: 'modl', fuzzy: 1, prefix: true };
    const queries: QueryNode[] = [{ any: [term2('diffusion'), term2('language')] }, loose, { all: [term2('language'), loose] }];
    const within = new Uint8Array(papers.length);
    for (let i = 0; i < papers.length; i += 3) within[i] = 1;
    for (const query of queries) {
      const all = evaluate({ postings: index.postings, vocabulary: index.vocabulary, fieldBoost: [2.5, 1, 1], derived: new Set() }, query);
      const some = evaluate({ postings: index.postings, vocabulary: index.vocabulary, fieldBoost: [2.5, 1, 1], derived: new Set() }, query, within);
      const expected = [...all.ids].flatMap((id, k) => (within[id] ? [[id, all.scores[k]]] : []));
      expect(
        [...some.ids].map((id, k) => [id, some.scores[k]]),
        JSON.stringify(query),
      ).toEqual(expected);
      expect(some.ids.length).toBeGreaterThan(0);
      expect(some.ids.length).toBeLessThan(all.ids.length);
    }
  });

  it('says a paper holds a term exactly when markTerm marks it and its text has the word', () => {
    const inText = (doc: number, term: string, field?: number) =>
      FIELDS.some((name, f) => (field === undefined || f === field) && indexWords(papers[doc]![name] ?? '').some((w) => normalizeTerm(w) === term));
    let held = 0;
    let pairs = 0;
    // a spread of the vocabulary, plus the organization words (few papers name one; some words are in no title or abstract)
    const organizationTerms = papers.flatMap((paper) => indexWords(paper.organization ?? '').map(normalizeTerm));
    const ids = new Set([...terms.keys()].filter((id) => id % Math.ceil(terms.length / 60) === 0));
    for (const term of organizationTerms) if (term) ids.add(terms.indexOf(term));
    for (const id of ids) {
      const mask = new Uint8Array(papers.length);
      markTerm(index.postings, id, mask);
      const titleMask = new Uint8Array(papers.length);
      markTerm(index.postings, id, titleMask, 0);
      // every holder of the term, and a spread of other papers
      const docs = new Set([...mask.keys()].filter((doc) => mask[doc] || doc % 41 === id % 41));
      for (const doc of docs) {
        const has = holds(index.postings, id, doc);
        expect(has, `${terms[id]} in paper ${doc}`).toBe(mask[doc] === 1);
        expect(has, `${terms[id]} in paper ${doc}`).toBe(inText(doc, terms[id]!));
        expect(titleMask[doc] === 1, `${terms[id]} in the title of paper ${doc}`).toBe(inText(doc, terms[id]!, 0));
        held += has ? 1 : 0;
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(300);
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(pairs);
  });
});

function term2(t: string): TermNode {
  return { term: t, fuzzy: 0, prefix: false };
}
