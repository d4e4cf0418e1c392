import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Paper } from '../../src/corpus/types.js';
import { danglingReferences, isFragment } from '../../src/summary/dangling.js';
import { extractiveSummary } from '../../src/summary/extractive.js';
import { containment } from '../../src/summary/words.js';
import { CORPUS_DIR, NOW } from '../helpers/corpus.js';

/** The phrases the issue names, checked literally as well, so the test does not only trust the detector. */
const NAMED = /\b(?:this bottleneck|these issues|such methods|the above|this problem)\b/i;

describe('the dangling-reference and fragment checks', () => {
  it('catch the examples of the issue and pass sentences that carry their own antecedent', () => {
    const flagged = [
      'This paper introduces "Double Sparsity," a post-training sparse attention technique designed to alleviate this bottleneck by reducing KV cache access.',
      'Our proposed method, RECOMBINER, addresses these issues.',
      'We show that such methods fail on long inputs.',
      'We propose RepQuant to address the above limitations.',
      'We present a solution to this problem.',
      'However, we propose FooNet, a sparse attention scheme.',
      'It cuts memory by 40% on 64k-token inputs.',
      'This leads to a family of white-box transformers.',
      'We also propose a new loss for ranking.',
      // The noun phrase ends at "is": "The" before the pointer is not its antecedent.
      'The significant factor contributing to this disparity is the presence of induced noise in the gradients.',
    ];
    for (const s of flagged) expect(danglingReferences(s).length, s).toBeGreaterThan(0);
    const fine = [
      'This paper introduces Double Sparsity, a sparse attention technique that reduces KV cache access by 14x.',
      'FooNet adds a loss for ranking; this loss needs no labels.',
      'Models such as BERT and T5 are compared on GLUE.',
      'DupMAE pre-trains retrieval models so that both [CLS] and ordinary tokens carry meaning.',
    ];
    for (const s of fine) expect(danglingReferences(s), s).toEqual([]);
    for (const s of [
      'We propose FooNet, a sparse attention scheme that…',
      'FooNet is a scheme for the',
      'a sparse scheme.',
      'FooNet (a scheme.',
      'CIR is a fine-tuning framework for, whose second stage adds negatives.',
    ])
      expect(isFragment(s), s).toBe(true);
    expect(isFragment('FooNet is a sparse attention scheme over landmark tokens.')).toBe(false);
  });
});

describe('every paper of the shipped corpus', () => {
  let papers: Paper[] = [];
  beforeAll(async () => {
    papers = (await loadCorpus(CORPUS_DIR, { now: NOW })).papers;
  });

  it('gets a TL;DR that is one whole sentence of at most 200 characters, with no dangling reference', () => {
    expect(papers.length).toBe(204);
    const problems: string[] = [];
    for (const p of papers) {
      const { tldr } = extractiveSummary(p);
      if (tldr.length > 200) problems.push(`${p.id} over 200 characters: ${tldr}`);
      if (isFragment(tldr)) problems.push(`${p.id} fragment: ${tldr}`);
      const dangling = danglingReferences(tldr);
      if (dangling.length > 0 || NAMED.test(tldr)) problems.push(`${p.id} dangling ${dangling.map((d) => d.phrase).join(', ')}: ${tldr}`);
    }
    expect(problems).toEqual([]);
  });

  it('gets key points that are whole sentences without dangling references, none repeating the TL;DR or another', () => {
    const problems: string[] = [];
    for (const p of papers) {
      const { tldr, keyPoints } = extractiveSummary(p);
      keyPoints.forEach((point, i) => {
        if (point.endsWith('…') || !/[.!?]["')\]]*$/.test(point)) problems.push(`${p.id} key point not a whole sentence: ${point}`);
        const dangling = danglingReferences(point);
        if (dangling.length > 0 || NAMED.test(point)) problems.push(`${p.id} key point dangling ${dangling.map((d) => d.phrase).join(', ')}: ${point}`);
        if (point === tldr || containment(point, tldr) >= 0.6) problems.push(`${p.id} key point repeats the TL;DR: ${point}`);
        for (const other of keyPoints.slice(i + 1)) {
          if (other.toLowerCase() === point.toLowerCase() || containment(point, other) >= 0.6 || containment(other, point) >= 0.6) {
            problems.push(`${p.id} duplicated key point: ${point} / ${other}`);
          }
        }
      });
    }
    expect(problems).toEqual([]);
  });

  it('puts specific keywords (names, multi-word terms) before generic single words', () => {
    for (const p of papers) {
      const { keywords } = extractiveSummary(p);
      const generic = keywords.map((k) => /^[a-z][a-z-]*$/.test(k));
      const firstGeneric = generic.indexOf(true);
      if (firstGeneric >= 0) expect(generic.slice(firstGeneric).every(Boolean), `${p.id}: ${keywords.join(', ')}`).toBe(true);
    }
  });
});
