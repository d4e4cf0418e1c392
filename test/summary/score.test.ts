import { describe, expect, it } from 'vitest';
import { rankContributions, titleName } from '../../src/summary/score.js';

const best = (sentences: string[], title = 'Some Paper') => rankContributions(sentences, title)[0]!.text;

describe('rankContributions', () => {
  it('prefers the statement of the contribution over background, outlook, experiments and code', () => {
    const contribution = 'We propose GraphMix, a data augmentation scheme for graph neural networks.';
    const others = [
      'Graph neural networks have achieved remarkable success in many domains.',
      'However, they often overfit when labelled data is scarce.',
      'We conduct extensive experiments on five benchmarks.',
      'We believe GraphMix opens a new direction for future work.',
      'Code is available at https://github.com/x/graphmix.',
    ];
    for (let at = 0; at <= others.length; at++) {
      const sentences = [...others.slice(0, at), contribution, ...others.slice(at)];
      expect(best(sentences, 'GraphMix: Augmenting Graph Neural Networks')).toBe(contribution);
    }
  });

  it('prefers the main contribution over a secondary one ("we also …", "Additionally, …")', () => {
    expect(
      best(
        [
          'We propose FastKV, a cache eviction policy for long-context inference.',
          'Additionally, we introduce a new benchmark for long contexts.',
          'We also release a dataset of long prompts.',
        ],
        'FastKV: Long-Context Inference',
      ),
    ).toBe('We propose FastKV, a cache eviction policy for long-context inference.');
  });

  it('passes over a vague announcement for the sentence that names the method', () => {
    expect(
      best(
        [
          'Spiking models are efficient but weak.',
          'In this paper, we propose a new direction to achieve this goal.',
          'Specifically, we propose LMUFormer, which augments the LMU with convolutional patch embedding.',
        ],
        'LMUFormer: Low Complexity Spiking Model',
      ),
    ).toBe('Specifically, we propose LMUFormer, which augments the LMU with convolutional patch embedding.');
  });

  it('finds findings papers without any "we propose"', () => {
    expect(
      best(
        ['Process mining uses event logs.', 'In this paper, we investigate whether LLMs can solve semantics-aware process mining tasks.', 'Results vary.'],
        'LLMs for Process Mining',
      ),
    ).toBe('In this paper, we investigate whether LLMs can solve semantics-aware process mining tasks.');
  });

  it('ranks equal sentences by position: the earlier one first', () => {
    const ranked = rankContributions(['Intro words here for the reader.', 'We propose X for Y.', 'We propose X for Y.'], 'T');
    expect(ranked.map((r) => r.index)).toEqual([1, 2, 0]);
  });
});

describe('titleName', () => {
  it('reads the name before a colon, else a word written like a name', () => {
    expect(titleName('SemantiCodec: An Ultra Low Bitrate Semantic Audio Codec')).toBe('SemantiCodec');
    expect(titleName('Tutel: Adaptive Mixture-of-Experts at Scale')).toBe('Tutel');
    expect(titleName('Efficient Transformer Encoders for Mask2Former-style models')).toBe('Mask2Former-style');
    expect(titleName('Pointer Networks')).toBeUndefined();
  });
});
