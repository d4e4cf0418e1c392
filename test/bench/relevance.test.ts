import { describe, expect, it } from 'vitest';
import { HELD_OUT, JUDGED_QUERIES, TUNING_SETS, evaluate, judgedSetNamed } from '../../bench/relevance.js';
import { ndcgAt, recallAt, reciprocalRank } from '../../bench/relevance-metrics.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { CORPUS_DIR, NOW } from '../helpers/corpus.js';

describe('relevance metrics', () => {
  const judged = new Map([
    ['a', 3],
    ['b', 1],
  ]);

  it('gives 1 to the ideal order and less to a worse one', () => {
    expect(ndcgAt(['a', 'b', 'x'], judged)).toBeCloseTo(1);
    const worse = ndcgAt(['x', 'b', 'a'], judged);
    expect(worse).toBeGreaterThan(0);
    expect(worse).toBeLessThan(1);
    expect(ndcgAt(['x', 'y'], judged)).toBe(0);
  });

  it('computes reciprocal rank and recall at k', () => {
    expect(reciprocalRank(['x', 'b', 'a'], judged)).toBe(0.5);
    expect(reciprocalRank(['x'], judged)).toBe(0);
    expect(recallAt(['a', 'x'], judged)).toBe(0.5);
    expect(recallAt(['x', 'a'], judged, 1)).toBe(0);
  });
});

describe('relevance benchmark on the shipped corpus', () => {
  it('has at least 40 judged queries of every kind, all naming papers of the corpus', async () => {
    expect(JUDGED_QUERIES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(JUDGED_QUERIES.map((q) => q.kind))).toEqual(new Set(['title', 'acronym', 'topic', 'typo', 'prefix', 'morphology', 'expansion']));
    const { papers } = await loadCorpus(CORPUS_DIR, { now: NOW });
    const [paperwire, defaults] = evaluate(papers);
    expect(paperwire!.engine).toBe('paperwire');
    expect(defaults!.engine).toBe('minisearch defaults');
    expect(paperwire!.overall.ndcg).toBeGreaterThanOrEqual(0.92);
    expect(paperwire!.overall.ndcg).toBeGreaterThan(defaults!.overall.ndcg);
  });

  it('has three tuning sets, the held-out set none of them, each naming papers of the corpus', async () => {
    expect(Object.keys(TUNING_SETS)).toEqual(['tuning', 'tuning-2', 'tuning-3']);
    for (const name of HELD_OUT) expect(Object.keys(TUNING_SETS)).not.toContain(name);
    expect(TUNING_SETS['tuning-3']!.length).toBe(50);
    const { papers } = await loadCorpus(CORPUS_DIR, { now: NOW });
    // evaluate throws on a judged title the corpus lacks
    for (const queries of Object.values(TUNING_SETS)) expect(evaluate(papers, queries, 'paperwire')[0]!.overall.ndcg).toBeGreaterThan(0.8);
  });

  it('has two held-out sets of at least 40 queries over the six kinds of issue 15, each naming papers of the corpus', async () => {
    const { papers } = await loadCorpus(CORPUS_DIR, { now: NOW });
    for (const name of HELD_OUT) {
      const queries = judgedSetNamed(name);
      expect(queries.length, name).toBeGreaterThanOrEqual(40);
      expect(new Set(queries.map((q) => q.kind)), name).toEqual(new Set(['typo', 'numeral', 'paraphrase', 'comparison', 'organization', 'short acronym']));
      // evaluate throws on a judged title the corpus lacks; the score itself is not looked at here
      expect(() => evaluate(papers, queries, 'paperwire'), name).not.toThrow();
    }
  });
});
