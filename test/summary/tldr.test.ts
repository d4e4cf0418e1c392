import { describe, expect, it } from 'vitest';
import { dropHype } from '../../src/summary/compress.js';
import { plainWords } from '../../src/summary/synonyms.js';
import { headlineResult, tighten } from '../../src/summary/tldr-clauses.js';
import { knownName, nameFirst } from '../../src/summary/tldr-names.js';
import { baseOfGerund, gerundOf, thirdPerson } from '../../src/summary/verbs.js';

describe('the TL;DR rewriting rules', () => {
  it('finds a result after "showing that", and one whose plural subject names the method after "of", with the methods beaten by name', () => {
    expect(
      headlineResult(
        ['We introduce cMIM, a framework.', 'We provide evidence across vision benchmarks showing that cMIM outperforms MIM and InfoNCE on classification.'],
        0,
        'cMIM',
      )?.clause,
    ).toBe('outperforming MIM and InfoNCE on classification');
    expect(
      headlineResult(
        [
          'We propose Trans-Encoder.',
          'Both formulations of Trans-Encoder outperform recently proposed unsupervised sentence encoders such as Mirror-BERT and SimCSE by up to 5% on the benchmarks.',
        ],
        0,
        'Trans-Encoder',
      )?.clause,
    ).toBe('outperforming Mirror-BERT and SimCSE by up to 5% on the benchmarks');
    // "such as" after a phrase with a preposition names what the methods were applied to, not the methods.
    expect(
      headlineResult(
        ['We propose PV-Tuning.', 'PV-Tuning outperforms prior techniques for highly-performant models such as Llama and Mistral.'],
        0,
        'PV-Tuning',
      )?.clause,
    ).toBe('outperforming prior techniques for highly-performant models such as Llama and Mistral');
  });

  it("writes a reader's words: praise goes, a gain in speed is given, a named benchmark stands alone", () => {
    expect(dropHype('MASFormer is an easy-to-implement transformer variant; Foo is an effective and a practical scheme.')).toBe(
      'MASFormer is a transformer variant; Foo is an effective and a scheme.',
    );
    expect(dropHype('EvoPress is a general evolutionary framework.')).toBe('EvoPress is a general evolutionary framework.');
    expect(plainWords('FineQuant is a method, achieving up to 3.65x higher throughput.')).toBe('FineQuant is a method, giving up to 3.65x higher throughput.');
    expect(plainWords('FooNet is a method, achieving 74.4% on the HumanEval benchmark in terms of pass@1.')).toBe(
      'FooNet is a method, reaching 74.4% on HumanEval in pass@1.',
    );
  });

  it("takes the title's name for a successor the abstract calls by its predecessor's, and never a metric", () => {
    expect(knownName('VideoMAE V2: Scaling Video Masked Autoencoders', 'We scale the VideoMAE in model and data. VideoMAE is efficient.')).toBe('VideoMAE V2');
    expect(knownName('Progressive Gradient Flow', 'Our method saves FLOPs. At iso-training FLOPs, it is better.')).toBeUndefined();
    // "a framework for CIR": the task it is for, not its name.
    expect(nameFirst('We design a two-stage fine-tuning framework for CIR, whose second stage adds negatives.', 'CIR', 'CIR')).toBe(
      'We design a two-stage fine-tuning framework for CIR, whose second stage adds negatives.',
    );
  });

  it('puts the name first in "We propose X for Ving …" and "We introduce Long Name (X) for …"', () => {
    expect(nameFirst('We propose LLM-FP4 for quantizing both weights and activations in large language models down to 4-bit floating-point values.')).toBe(
      'LLM-FP4 quantizes both weights and activations in large language models down to 4-bit floating-point values.',
    );
    expect(nameFirst('We introduce Vector Post-Training Quantization (VPTQ) for extremely low-bit quantization of LLMs.')).toBe(
      'Vector Post-Training Quantization (VPTQ) is a method for extremely low-bit quantization of LLMs.',
    );
    expect(nameFirst('We present a completely unsupervised sentence model termed as Trans-Encoder that combines two paradigms.')).toBe(
      'Trans-Encoder is a completely unsupervised sentence model that combines two paradigms.',
    );
  });

  it('names an unnamed announcement after the name the paper defines, and a name given in apposition', () => {
    expect(nameFirst('We propose an early exiting strategy for vision language models, namely MuE.', 'MuE', 'MuE')).toBe(
      'MuE is an early exiting strategy for vision language models.',
    );
    expect(nameFirst('We propose a Hybrid Distillation strategy, which utilizes two teachers.', 'Hybrid Distillation', 'Hybrid Distillation')).toBe(
      'Hybrid Distillation is a strategy that utilizes two teachers.',
    );
    // Without a defined name, or when the sentence names something else, nothing is made up.
    expect(nameFirst('We propose an early exiting strategy for vision language models.', 'GPT')).toBe(
      'We propose an early exiting strategy for vision language models.',
    );
    expect(nameFirst('We propose a method, Progressive Fourier Neural Representation (PFNR), that encodes videos.')).toBe(
      'Progressive Fourier Neural Representation (PFNR) is a method that encodes videos.',
    );
  });

  it('drops "We propose" before an unnamed method and states what an analysis paper studied', () => {
    expect(nameFirst('We introduce an approach for single-view reconstruction that generates a 3D model from one image.')).toBe(
      'An approach for single-view reconstruction generates a 3D model from one image.',
    );
    expect(nameFirst('We propose a model architecture, building upon a discrete bottleneck of key-value codes.')).toBe(
      'A model architecture builds upon a discrete bottleneck of key-value codes.',
    );
    expect(nameFirst('We introduce the Double Rounding quantization method, which stores one integer model.')).toBe(
      'Double Rounding is a quantization method that stores one integer model.',
    );
    expect(nameFirst('In this paper we devise a way to sample several tokens at once.')).toBe('We devise a way to sample several tokens at once.');
    expect(nameFirst('Leveraging the characteristics of speech language models, we propose Language-Codec.')).toBe(
      'Language-Codec leverages the characteristics of speech language models.',
    );
    expect(nameFirst('We propose several designs of decoders and introduce DrBERT (Decoder-refined BERT), a method for BERT pretraining.')).toBe(
      'DrBERT is a method for BERT pretraining.',
    );
    // "for training" is a noun, not what the framework does.
    expect(nameFirst('We propose a multi-level framework for training acceleration.')).toBe('We propose a multi-level framework for training acceleration.');
    expect(nameFirst('We train and openly release a suite of 54 language models.')).toBe('The paper trains and openly releases a suite of 54 language models.');
    expect(nameFirst('We show that our method is fast.')).toBe('We show that our method is fast.');
  });

  it('turns a results sentence into a participle, also when its subject is not the method', () => {
    expect(headlineResult(['x', 'Experiments show that PaD-TS can improve the shift score by 5.9x on four datasets.'], 0, 'PaD-TS')?.clause).toBe(
      'improving the shift score by 5.9x on four datasets',
    );
    expect(headlineResult(['x', 'For example, Gemma 2B-2B outperforms Gemma 2B by 7% after instruction tuning.'], 0, 'EncDec')?.clause).toBe(
      'with Gemma 2B-2B outperforming Gemma 2B by 7% after instruction tuning',
    );
    // Without a number, only the method beating or matching others: "can match or even outperform" → "matching or even outperforming".
    expect(headlineResult(['x', 'ZeroI2V can match or even outperform previous methods on five benchmarks.'], 0, 'ZeroI2V')?.clause).toBe(
      'matching or even outperforming previous methods on five benchmarks',
    );
    expect(headlineResult(['x', 'ZeroI2V is easy to use.'], 0, 'ZeroI2V')).toBeUndefined();
    // Prior work's numbers are background, not the paper's result.
    expect(headlineResult(['x', 'Existing methods achieve 50% accuracy on ImageNet.'], 0, 'FooNet')).toBeUndefined();
  });

  it('conjugates regular verbs and drops words a one-liner can do without', () => {
    expect(['use', 'run', 'apply', 'design', 'leverage', 'split'].map(gerundOf)).toEqual([
      'using',
      'running',
      'applying',
      'designing',
      'leveraging',
      'splitting',
    ]);
    expect(['quantizing', 'learning', 'running', 'generating', 'training', 'reducing', 'combining', 'predicting'].map((g) => baseOfGerund(g))).toEqual([
      'quantize',
      'learn',
      'run',
      'generate',
      'train',
      'reduce',
      'combine',
      'predict',
    ]);
    expect(['match', 'apply', 'use', 'release'].map(thirdPerson)).toEqual(['matches', 'applies', 'uses', 'releases']);
    expect(tighten('A framework specifically designed for sampling that is able to significantly cut latency (see the appendix for details).')).toBe(
      'A framework designed for sampling that can cut latency.',
    );
  });
});
