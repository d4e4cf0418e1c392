import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Paper } from '../../src/corpus/types.js';
import { extractiveSummary } from '../../src/summary/extractive.js';
import { splitSentences } from '../../src/summary/sentences.js';
import { containment } from '../../src/summary/words.js';
import { CORPUS_DIR, NOW } from '../helpers/corpus.js';

const paper = (title: string, abstract: string) => ({ title, abstract });

describe('extractiveSummary', () => {
  it('skips the background opener and states the contribution name first, with its headline result', () => {
    const s = extractiveSummary(
      paper(
        'FooNet: Sparse Attention for Long Documents',
        'Large language models have transformed natural language processing. However, attention over long documents remains expensive and memory-bound. To address this, we propose FooNet, a sparse attention scheme that attends to a learned set of landmark tokens. FooNet cuts memory by 40% and runs 3.2x faster on sequences of 64k tokens. It matches dense attention on five long-document benchmarks. Code is available at https://github.com/foo/foonet.',
      ),
    );
    expect(s.tldr).toBe(
      'FooNet is a sparse attention scheme that attends to a learned set of landmark tokens, cutting memory by 40% and running 3.2x faster on sequences of 64k tokens.',
    );
    expect(s.kind).toBe('extractive');
    // The result is in the TL;DR, so no key point repeats it.
    expect(s.keyPoints.some((p) => p.includes('40%') && p.includes('3.2x'))).toBe(false);
    expect(s.keyPoints.some((p) => p.includes('five long-document benchmarks'))).toBe(true);
    expect(s.keyPoints.join(' ')).not.toContain('github');
    expect(s.keyPoints.join(' ')).not.toContain('Large language models have');
    expect(s.keywords).toContain('FooNet');
  });

  it('summarises a one-sentence abstract with that sentence', () => {
    const s = extractiveSummary(paper('Tiny', 'We present Tiny, a 4-bit quantized model for phones that keeps 99% of the accuracy of its teacher.'));
    expect(s.tldr).toBe('Tiny is a 4-bit quantized model for phones that keeps 99% of the accuracy of its teacher.');
    expect(s.keyPoints).toEqual([]);
    expect(s.keywords.length).toBeGreaterThanOrEqual(3);
  });

  it('finds the contribution when no sentence says "we propose"', () => {
    const s = extractiveSummary(
      paper(
        'Calibration Under Shift',
        'Retrieval models are widely deployed in search engines. Their confidence is often poorly calibrated when the data distribution shifts. This paper studies the calibration of dense retrieval models under distribution shift. Temperature scaling on a small held-out set removes most of the calibration error. The effect holds across eight datasets and three model sizes.',
      ),
    );
    expect(s.tldr).toBe('This paper studies the calibration of dense retrieval models under distribution shift.');
    expect(s.keyPoints.length).toBeGreaterThanOrEqual(2);
  });

  it('shortens a very long contribution sentence at a clause boundary, never mid-word', () => {
    const long =
      'In this paper, we introduce MegaNet, a hierarchical mixture-of-experts transformer for multilingual speech recognition, which routes every audio frame to a small set of language-specific experts, while sharing a common acoustic encoder across all one hundred and two languages, thereby reducing the word error rate on low-resource languages substantially.';
    const s = extractiveSummary(paper('MegaNet', `Speech recognition is hard. ${long} MegaNet lowers WER by 12% on FLEURS. It is trained on 1M hours.`));
    expect(s.tldr.length).toBeLessThanOrEqual(200);
    expect(s.tldr.startsWith('MegaNet is a hierarchical mixture-of-experts transformer for multilingual speech recognition')).toBe(true);
    expect(s.tldr).toMatch(/[.]$/);
    expect(s.tldr).toContain('12% on FLEURS');
    // Every word of the TL;DR is a whole word of the abstract (the result's verb as a participle), none cut.
    const source = new Set(
      `${long} MegaNet lowers WER by 12% on FLEURS is lowering`
        .replace(/[,.]/g, '')
        .split(' ')
        .map((w) => w.toLowerCase()),
    );
    for (const word of s.tldr.replace(/[,.…]/g, '').split(' ')) expect(source.has(word.toLowerCase()), word).toBe(true);
  });

  it('handles a very long abstract quickly and within the limits', () => {
    const filler = Array.from({ length: 60 }, (_, i) => `Prior approach number ${i + 1} has been studied in many settings and often fails under shift.`).join(
      ' ',
    );
    const s = extractiveSummary(
      paper('LongPaper', `${filler} We propose LongFix, a simple regulariser for robust training. LongFix improves accuracy by 7.5 points on ImageNet-C.`),
    );
    expect(s.tldr).toBe('LongFix is a regulariser for robust training, improving accuracy by 7.5 points on ImageNet-C.');
    expect(s.keyPoints.length).toBeLessThanOrEqual(4);
  });

  it('keeps the numbers of an abstract full of numbers', () => {
    const s = extractiveSummary(
      paper(
        'QuantX: 4-bit LLMs',
        'We propose QuantX, a post-training quantization method that compresses LLaMA-2 70B to 4-bit weights. QuantX reduces memory by 75% and speeds up decoding 2.4x on an A100. On WikiText-2, perplexity rises by only 0.12 (5.47 vs. 5.35). On 8 zero-shot tasks it is within 0.5% of FP16, +3.2 points over GPTQ. Calibration needs 128 samples and 15 minutes on 1 GPU.',
      ),
    );
    expect(s.tldr).toContain('QuantX');
    const points = s.keyPoints.join(' ');
    expect(points).toContain('75%');
    expect(points).toContain('2.4x');
    expect(points).toMatch(/\+3\.2 points|5\.47 vs\. 5\.35/);
  });

  it('gives key points that do not repeat the TL;DR or each other', () => {
    const s = extractiveSummary(
      paper(
        'RepeatNet',
        'We propose RepeatNet, a network for repeated patterns. RepeatNet is a network for repeated patterns that we propose. RepeatNet uses a periodic convolution over time. It improves F1 by 4.1 on PatternBench. RepeatNet improves F1 by 4.1 on PatternBench.',
      ),
    );
    for (const point of s.keyPoints) expect(containment(point, s.tldr)).toBeLessThan(0.6);
    const distinct = new Set(s.keyPoints);
    expect(distinct.size).toBe(s.keyPoints.length);
    // The result is said once, in the TL;DR or in one key point.
    expect([s.tldr, ...s.keyPoints].filter((p) => p.includes('4.1'))).toHaveLength(1);
  });

  it('is deterministic', () => {
    const p = paper(
      'Same',
      'Background text here is long enough. We propose Same, a deterministic method. It improves results by 3%. It applies to vision and text.',
    );
    const first = JSON.stringify(extractiveSummary(p));
    for (let i = 0; i < 5; i++) expect(JSON.stringify(extractiveSummary({ ...p }))).toBe(first);
  });

  it('summarises an empty abstract from the title', () => {
    const s = extractiveSummary(paper('Only A Title Here', ''));
    expect(s.tldr).toBe('Only A Title Here.');
    expect(s.keyPoints).toEqual([]);
  });
});

describe('every paper of the shipped corpus', () => {
  let papers: Paper[] = [];
  beforeAll(async () => {
    papers = (await loadCorpus(CORPUS_DIR, { now: NOW })).papers;
  });

  it('gets a TL;DR of at most 200 characters, 2-4 key points and 3-6 keywords', () => {
    expect(papers.length).toBe(204);
    for (const p of papers) {
      const s = extractiveSummary(p);
      const where = `${p.id} ${p.title}`;
      expect(s.tldr.length, where).toBeGreaterThan(20);
      expect(s.tldr.length, where).toBeLessThanOrEqual(200);
      expect(s.tldr, where).toMatch(/[.!?…]["')\]]*$/);
      if (splitSentences(p.abstract).length >= 3) {
        expect(s.keyPoints.length, where).toBeGreaterThanOrEqual(2);
      }
      expect(s.keyPoints.length, where).toBeLessThanOrEqual(4);
      for (const point of s.keyPoints) {
        expect(point.length, where).toBeLessThanOrEqual(180);
        expect(point, where).not.toBe(s.tldr);
        expect(containment(point, s.tldr), `${where}: ${point}`).toBeLessThan(0.6);
      }
      expect(s.keywords.length, where).toBeGreaterThanOrEqual(3);
      expect(s.keywords.length, where).toBeLessThanOrEqual(6);
      expect(new Set(s.keywords.map((k) => k.toLowerCase())).size, where).toBe(s.keywords.length);
    }
  });

  it('never opens the TL;DR with a code or URL sentence, nor cuts a word without an ellipsis', () => {
    for (const p of papers) {
      const { tldr } = extractiveSummary(p);
      expect(tldr, p.id).not.toMatch(/https?:\/\/|github\.com/);
      // "15~30%" reads "15–30%": a range is split at its dash, so "30%" is a word of the abstract.
      const words = new Set(p.abstract.split(/[\s,;:()~]+/).map((w) => w.replace(/[.!?"']+$/, '')));
      const last =
        tldr
          .replace(/[.!?"')\]]+$/, '')
          .split(/[\s,;:()–~]+/)
          .pop() ?? '';
      if (!tldr.endsWith('…')) expect(words.has(last) || words.has(last.replace(/[.…]$/, '')), `${p.id}: ${tldr}`).toBe(true);
    }
  });
});
