import { describe, expect, it } from 'vitest';
import { cleanSentence, compress, dropHype, dropLeadingClause } from '../../src/summary/compress.js';

describe('compress', () => {
  it('leaves a short sentence as it is, adding a final stop if it lacks one', () => {
    expect(compress('We propose FooNet.', 200)).toEqual({ text: 'We propose FooNet.', shortened: false });
    expect(compress('We propose FooNet', 200).text).toBe('We propose FooNet.');
  });

  it('drops a scene-setting lead-in before the subject', () => {
    expect(dropLeadingClause('To address these challenges, we present AR2, a dual-encoder retriever plus a ranker.')).toBe(
      'We present AR2, a dual-encoder retriever plus a ranker.',
    );
    // Too little would be left: "We propose X." says less than the sentence with its lead-in.
    expect(dropLeadingClause('Leveraging speech language models, we propose Language-Codec.')).toBe(
      'Leveraging speech language models, we propose Language-Codec.',
    );
    expect(dropLeadingClause('Specifically, inspired by the success of LMUs, we propose LMUFormer, which augments the LMU with convolutions.')).toBe(
      'Inspired by the success of LMUs, we propose LMUFormer, which augments the LMU with convolutions.',
    );
    expect(dropLeadingClause('In this paper, we introduce EfficientViM, a vision backbone.')).toBe('We introduce EfficientViM, a vision backbone.');
    expect(dropLeadingClause('Furthermore, iLLaMA is akin to LLaMA in architecture and speed.')).toBe('iLLaMA is akin to LLaMA in architecture and speed.');
    // Not a lead-in: a sentence that starts with its subject keeps it.
    expect(dropLeadingClause('Flex, a system for MoE, is fast.')).toBe('Flex, a system for MoE, is fast.');
  });

  it('drops hype adjectives and fixes the article', () => {
    expect(dropHype('We introduce SemantiCodec, a novel codec.')).toBe('We introduce SemantiCodec, a codec.');
    expect(dropHype('We propose a novel early exiting strategy.')).toBe('We propose an early exiting strategy.');
    expect(dropHype('A simple yet effective LLM router.')).toBe('An LLM router.');
    // A new method is just a method; a new dataset or a new class of models is news.
    expect(dropHype('We propose a new adaptation scheme.')).toBe('We propose an adaptation scheme.');
    expect(dropHype('We release a new dataset.')).toBe('We release a new dataset.');
  });

  it('removes links and example asides', () => {
    expect(cleanSentence('We release PubTabNet (https://github.com/ibm/PubTabNet), a table dataset (e.g., PDF pages).')).toBe(
      'We release PubTabNet, a table dataset.',
    );
  });

  it('cuts a long sentence at the last clause boundary that fits', () => {
    const sentence =
      'We propose HydraLoRA, an asymmetric low-rank adaptation framework for parameter-efficient fine-tuning of large language models, which shares one down-projection across tasks while keeping several task-specific up-projections, improving accuracy on heterogeneous corpora.';
    const { text, shortened } = compress(sentence, 200);
    expect(shortened).toBe(true);
    expect(text).toBe('We propose HydraLoRA, an asymmetric low-rank adaptation framework for parameter-efficient fine-tuning of large language models.');
  });

  it('does not cut inside brackets or a list of numbers', () => {
    const sentence =
      'It is offered in three variants with token rates of 25, 50, and 100 per second, supporting ultra-low bit rates between 0.31 kbps and 1.43 kbps across speech, general audio and music recordings of many kinds.';
    const { text } = compress(sentence, 120);
    expect(text).not.toMatch(/\b25, 50\.$/);
    expect(text.length).toBeLessThanOrEqual(120);
  });

  it('cuts before a relative clause or complement rather than mid-phrase, but never an "and" inside a noun phrase', () => {
    const sentence =
      'We define the parameterization of hypercomplex convolutional layers and introduce the family of parameterized hypercomplex neural networks (PHNNs) that are lightweight and efficient large-scale models for vision and audio';
    expect(compress(sentence, 200).text).toBe(
      'We define the parameterization of hypercomplex convolutional layers and introduce the family of parameterized hypercomplex neural networks (PHNNs).',
    );
    const nounPhrase = `This structure replicates every behaviour of the classical decoder-only language model but has an encoder and a decoder ${'making comparison with classical models much easier '.repeat(2)}`;
    expect(compress(nounPhrase, 160).text).not.toMatch(/has an encoder\.$/);
    expect(
      compress('They approximate the representation according to the two inequality constraints of the classifier that was trained on data.', 80).text,
    ).not.toMatch(/according\.$/);
  });

  it('falls back to whole words and an ellipsis when no boundary fits', () => {
    const sentence = `We propose ${'verylongword '.repeat(30)}end.`;
    const { text } = compress(sentence, 100);
    expect(text.length).toBeLessThanOrEqual(100);
    expect(text.endsWith('verylongword…')).toBe(true);
  });
});
