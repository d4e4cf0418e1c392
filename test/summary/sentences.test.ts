import { describe, expect, it } from 'vitest';
import { cleanAbstract, splitSentences } from '../../src/summary/sentences.js';

describe('splitSentences', () => {
  it('splits plain prose at full stops, question and exclamation marks', () => {
    expect(splitSentences('First one. Second one? Third one! Fourth.')).toEqual(['First one.', 'Second one?', 'Third one!', 'Fourth.']);
  });

  it('keeps abbreviations inside their sentence', () => {
    const text =
      'Methods differ, e.g. BERT and GPT differ. Others, i.e. the rest, agree. Smith et al. (2020) disagree. It beats GPT-4 vs. Claude on No. 1 of the tasks. We compare with Fig. 3 in mind.';
    expect(splitSentences(text)).toEqual([
      'Methods differ, e.g. BERT and GPT differ.',
      'Others, i.e. the rest, agree.',
      'Smith et al. (2020) disagree.',
      'It beats GPT-4 vs. Claude on No. 1 of the tasks.',
      'We compare with Fig. 3 in mind.',
    ]);
  });

  it('ends a sentence at "etc." or "et al." when a capitalised sentence follows', () => {
    expect(splitSentences('It handles speech, music, etc. Our model is small.')).toEqual(['It handles speech, music, etc.', 'Our model is small.']);
    expect(splitSentences('This was shown by Lee et al. The gap remains.')).toEqual(['This was shown by Lee et al.', 'The gap remains.']);
  });

  it('does not split decimals, versions or URLs', () => {
    const text = 'It scores 77.9% (+2.1%) with GPT-3.5 at 0.31 kbps. Code is at https://github.com/microsoft/AR2. Data at www.example.org/a.b is public.';
    expect(splitSentences(text)).toEqual([
      'It scores 77.9% (+2.1%) with GPT-3.5 at 0.31 kbps.',
      'Code is at https://github.com/microsoft/AR2.',
      'Data at www.example.org/a.b is public.',
    ]);
  });

  it('survives LaTeX leftovers from real abstracts', () => {
    const text =
      'The goal is to compute D^{-1} exp(QK^top) V where D = diag( exp(QK^top) {bf 1}_n ). In this work, we study the task (text leftrightarrow image). We bound it by o(sqrt[3]{log n}). The end.';
    expect(splitSentences(text)).toEqual([
      'The goal is to compute D^{-1} exp(QK^top) V where D = diag( exp(QK^top) {bf 1}_n ).',
      'In this work, we study the task (text leftrightarrow image).',
      'We bound it by o(sqrt[3]{log n}).',
      'The end.',
    ]);
  });

  it('starts a sentence at a lower-case name with a capital inside, but not at a lower-case word', () => {
    expect(splitSentences('We propose it. iLLaMA is akin to LLaMA. pLSTM works. It ends. and goes on.')).toEqual([
      'We propose it.',
      'iLLaMA is akin to LLaMA.',
      'pLSTM works.',
      'It ends. and goes on.',
    ]);
  });

  it('ends at a single capital letter that ends a sentence ("ImageNet-R. The …")', () => {
    expect(splitSentences('We gain 1% on ImageNet-R. The model is small.')).toEqual(['We gain 1% on ImageNet-R.', 'The model is small.']);
  });

  it('handles closing quotes and brackets after the stop, odd whitespace and no final stop', () => {
    expect(splitSentences('  He said "it works." Then (it did.) And   so\non  ')).toEqual(['He said "it works."', 'Then (it did.)', 'And so on']);
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('One sentence without a stop')).toEqual(['One sentence without a stop']);
  });
});

describe('cleanAbstract', () => {
  it('restores a lost space after a stop and drops "bullet" leftovers, so splitting works', () => {
    expect(splitSentences(cleanAbstract('We use the original LLM.Through tests, it works. All data are public. https://example.org/data'))).toEqual([
      'We use the original LLM.',
      'Through tests, it works.',
      'All data are public.',
      'https://example.org/data',
    ]);
    const text = cleanAbstract(
      'It fails in real deployment.In this paper, we propose OHQ. We show: bullet On the one side, it is fast. bullet On the other, it is small.',
    );
    expect(splitSentences(text)).toEqual([
      'It fails in real deployment.',
      'In this paper, we propose OHQ.',
      'We show: On the one side, it is fast.',
      'On the other, it is small.',
    ]);
    // Not a lost space: URLs, versions, and file names keep their dots.
    expect(cleanAbstract('See github.com/IST-DASLab/qmoe and LLaVA-v1.5 on Node.js today.')).toBe(
      'See github.com/IST-DASLab/qmoe and LLaVA-v1.5 on Node.js today.',
    );
  });

  it('undoes escaped symbols, font groups, TeX quotes and a lost \\times', () => {
    expect(cleanAbstract('keeps 98\\% of {\\em approximately} ``all" and 20.6times faster \\& more')).toBe(
      'keeps 98% of approximately "all" and 20.6× faster & more',
    );
  });
});
