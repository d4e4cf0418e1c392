import { describe, expect, it } from 'vitest';
import { extractKeywords } from '../../src/summary/keywords.js';

describe('extractKeywords', () => {
  it('finds multi-word key phrases and keeps acronyms and names as written', () => {
    const keywords = extractKeywords(
      'KVQuant: KV Cache Quantization for Long Context Inference',
      'LLMs are memory-bound at long context because of the KV cache. We propose KVQuant, a post-training quantization method for the KV cache. KVQuant uses per-channel key quantization and non-uniform KV cache quantization. With post-training quantization to 3-bit, KVQuant serves a context length of 1 million tokens on one A100 GPU.',
    );
    expect(keywords).toContain('KV cache');
    expect(keywords).toContain('post-training quantization');
    expect(keywords).toContain('KVQuant');
    expect(keywords.length).toBeGreaterThanOrEqual(3);
    expect(keywords.length).toBeLessThanOrEqual(6);
  });

  it('shows a defined acronym through its long form, once', () => {
    const keywords = extractKeywords(
      'Dual-Encoders for Extreme Multi-Label Classification',
      'Dual-encoder models are used for retrieval. Their performance on extreme multi-label classification (XMC) is under-explored. DE models fall short on XMC benchmarks. We propose a loss for XMC that matches SOTA methods.',
    );
    expect(keywords).toContain('extreme multi-label classification');
    expect(keywords).not.toContain('XMC');
  });

  it('lowers title case but not names, and ignores URLs', () => {
    const keywords = extractKeywords(
      'Sparse Attention With FooNet',
      'We propose FooNet for sparse attention. FooNet makes sparse attention fast. Code: https://github.com/foo/foonet.',
    );
    expect(keywords).toContain('sparse attention');
    expect(keywords).toContain('FooNet');
    expect(keywords.join(' ')).not.toMatch(/github|foonet\b/);
  });

  it('keeps names written with capitals in the abstract and lowers words capitalised only by position', () => {
    const keywords = extractKeywords(
      'Noisy Supervision at Scale',
      'State space models are popular. We train on the Conceptual Captions dataset and on Conceptual Captions again with Mamba layers. Mamba layers and state space models mix well. State space models need Mamba layers.',
    );
    expect(keywords).toContain('Conceptual Captions');
    expect(keywords).toContain('state space');
    expect(keywords).toContain('Mamba layers');
  });

  it('always gives 3 to 6 distinct keywords, even for a tiny abstract', () => {
    for (const [title, abstract] of [
      ['X', 'We study it.'],
      ['Graph Neural Networks', 'Graph neural networks learn on graphs.'],
      ['A', ''],
    ] as const) {
      const keywords = extractKeywords(title, abstract);
      expect(keywords.length, `${title}: ${keywords.join(' | ')}`).toBeLessThanOrEqual(6);
      expect(new Set(keywords).size).toBe(keywords.length);
    }
    expect(extractKeywords('Graph Neural Networks', 'Graph neural networks learn on graphs with message passing.').length).toBeGreaterThanOrEqual(3);
  });

  it('is deterministic', () => {
    const args = ['Same Title Words', 'Alpha beta gamma. Beta gamma delta. Gamma delta epsilon alpha.'] as const;
    expect(extractKeywords(...args)).toEqual(extractKeywords(...args));
  });
});
