import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadCorpus } from '../../src/corpus/load.js';
import { danglingCounts, evaluate, findPaper } from '../../bench/summary-eval.js';
import { lcs, rouge } from '../../bench/summary-rouge.js';
import { textRank, textRankTop } from '../../bench/summary-textrank.js';
import { CORPUS_DIR, NOW } from '../helpers/corpus.js';

describe('ROUGE', () => {
  it('scores identical texts 1 and disjoint texts 0', () => {
    expect(rouge('The cat sat.', 'the cat sat')).toEqual({ rouge1: 1, rouge2: 1, rougeL: 1 });
    expect(rouge('dogs bark', 'cats purr')).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0 });
    expect(rouge('', 'cats purr')).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0 });
  });

  it('computes F1 from clipped unigram and bigram overlap and the LCS', () => {
    // candidate: the cat was under the bed (6), reference: the cat was found under the bed (7)
    const s = rouge('the cat was under the bed', 'the cat was found under the bed');
    expect(s.rouge1).toBeCloseTo((2 * (6 / 6) * (6 / 7)) / (6 / 6 + 6 / 7), 10);
    expect(s.rouge2).toBeCloseTo((2 * (4 / 5) * (4 / 6)) / (4 / 5 + 4 / 6), 10);
    expect(s.rougeL).toBeCloseTo(s.rouge1, 10);
    // Clipping: a repeated word counts at most as often as in the reference.
    expect(rouge('the the the', 'the cat').rouge1).toBeCloseTo((2 * (1 / 3) * (1 / 2)) / (1 / 3 + 1 / 2), 10);
    expect(lcs(['a', 'b', 'c', 'd'], ['b', 'd', 'a'])).toBe(2);
  });
});

describe('TextRank', () => {
  it('ranks the sentence most connected to the others first', () => {
    const sentences = [
      'Cats chase mice in the garden.',
      'Mice hide from cats in the garden shed.',
      'Stock prices fell sharply today.',
      'The garden has cats and mice.',
    ];
    const ranks = textRank(sentences);
    expect(ranks.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(textRankTop(sentences)).not.toBe('Stock prices fell sharply today.');
    expect(ranks[2]).toBeLessThan(Math.min(ranks[0]!, ranks[1]!, ranks[3]!));
    expect(textRankTop([])).toBe('');
  });
});

describe('the summary benchmark', () => {
  it('finds every reference paper in the shipped corpus, by id or by title, and scores all three systems', async () => {
    const { papers } = await loadCorpus(CORPUS_DIR, { now: NOW });
    const references = JSON.parse(readFileSync(new URL('../../bench/summary-references.json', import.meta.url), 'utf8'));
    expect(references.length).toBeGreaterThanOrEqual(25);
    for (const ref of references) expect(ref.reference.length, ref.id).toBeLessThanOrEqual(200);
    const result = evaluate(papers, references);
    expect(result.missing).toEqual([]);
    expect(result.papers).toBe(references.length);
    expect(result.systems.map((s) => s.name)).toEqual(['paperwire extractive', 'paperwire before #14', 'first sentence', 'TextRank (top sentence)']);
    expect(findPaper(papers, { title: '  pointer networks ', reference: 'x' })?.id).toBe('p-29f31821qmjv');
    const heldOut = JSON.parse(readFileSync(new URL('../../bench/summary-references-heldout.json', import.meta.url), 'utf8'));
    expect(evaluate(papers, heldOut).missing).toEqual([]);
    expect(heldOut.some((h: { id: string }) => references.some((r: { id: string }) => r.id === h.id))).toBe(false);
    // paperwire's TL;DRs beat both baselines clearly (by more than 3 points) on every measure.
    const [ours, before, first, textRank] = result.systems.map((s) => s.scores);
    // No drop on the set the rules were tuned on.
    for (const key of ['rouge1', 'rouge2', 'rougeL'] as const) expect(ours![key], key).toBeGreaterThanOrEqual(before![key]);
    for (const key of ['rouge1', 'rouge2', 'rougeL'] as const) {
      expect(ours![key] - first![key], key).toBeGreaterThan(0.03);
      expect(ours![key] - textRank![key], key).toBeGreaterThan(0.03);
    }
  });

  // Every set after the first: at least 40 corpus papers in none of the other sets, one sentence of at most 200 characters each.
  const SETS = [
    'summary-references.json',
    'summary-references-heldout.json',
    'summary-references-new.json',
    'summary-references-tune2.json',
    'summary-references-tune3.json',
    'summary-references-heldout2.json',
  ];
  const read = (name: string) => JSON.parse(readFileSync(new URL(`../../bench/${name}`, import.meta.url), 'utf8')) as Array<{ id: string; reference: string }>;

  it.each(SETS.slice(2))('%s: at least 40 corpus papers in none of the other sets, one sentence of at most 200 characters each', async (name) => {
    const { papers } = await loadCorpus(CORPUS_DIR, { now: NOW });
    const set = read(name);
    const others = new Set(SETS.filter((other) => other !== name).flatMap((other) => read(other).map((r) => r.id)));
    expect(set.length).toBeGreaterThanOrEqual(40);
    expect(new Set(set.map((r) => r.id)).size).toBe(set.length);
    // Only how many are shared: a held-out set's ids are not printed unless one is.
    expect(set.filter((r) => others.has(r.id)).length).toBe(0);
    expect(evaluate(papers, set).missing).toEqual([]);
    for (const r of set) {
      expect(r.reference.length, r.id).toBeLessThanOrEqual(200);
      expect(r.reference, r.id).toMatch(/[.!?]$/);
    }
  });

  // The second references (#14 round 4): another writer's TL;DR for each paper of the four tuning sets.
  it('summary-references-alt.json: a second reference for each of the 123 tuning papers, one sentence of at most 200 characters each', async () => {
    const { papers } = await loadCorpus(CORPUS_DIR, { now: NOW });
    const alt = read('summary-references-alt.json');
    const tuning = ['summary-references.json', 'summary-references-heldout.json', 'summary-references-tune2.json', 'summary-references-tune3.json'].map(
      (name) => new Set(read(name).map((r) => r.id)),
    );
    expect(alt.length).toBe(123);
    expect(new Set(alt.map((r) => r.id)).size).toBe(123);
    expect(evaluate(papers, alt).missing).toEqual([]);
    for (const r of alt) {
      expect(tuning.filter((set) => set.has(r.id)).length, r.id).toBe(1);
      expect(r.reference.length, r.id).toBeLessThanOrEqual(200);
      expect(r.reference, r.id).toMatch(/[.!?]$/);
    }
  });

  it('counts dangling-reference TL;DRs per system over the corpus: none for paperwire, some before issue 14', async () => {
    const { papers } = await loadCorpus(CORPUS_DIR, { now: NOW });
    const counts = Object.fromEntries(danglingCounts(papers).map((c) => [c.name, c.dangling]));
    expect(counts['paperwire extractive']).toBe(0);
    expect(counts['paperwire before #14']).toBeGreaterThan(0);
    expect(counts['TextRank (top sentence)']).toBeGreaterThan(0);
  });
});
