import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractiveSummary } from '../../src/summary/extractive.js';

/** Damaged or adversarial entries: whatever the text, a summary within the limits comes back. */
const HOSTILE: Record<string, string> = {
  'no punctuation': 'word '.repeat(20_000),
  'only commas': 'alpha, '.repeat(10_000),
  'deep brackets': '('.repeat(5_000) + 'x' + ')'.repeat(5_000),
  'one endless word': 'a'.repeat(100_000),
  'endless lead-in': 'To ' + 'b'.repeat(50_000) + ', we propose FooNet for long inputs.',
  'endless URL': 'https://a.com/' + 'b'.repeat(50_000) + ' is here. We propose X.',
  'full-width stops': '我们提出了一种新方法。'.repeat(200) + ' We propose Ünïcødé-Net, a model. It is 10× faster.',
  'citations only': '[1, 2, 3] '.repeat(5_000),
  'control characters': '\u0000\u0007 We propose \u202eEvilNet\u202c, a model.\r\n It works.',
};

function expectWithinLimits(summary: ReturnType<typeof extractiveSummary>, where: string) {
  expect(summary.kind, where).toBe('extractive');
  expect(summary.tldr.length, where).toBeGreaterThan(0);
  expect(summary.tldr.length, where).toBeLessThanOrEqual(200);
  expect(summary.keyPoints.length, where).toBeLessThanOrEqual(4);
  for (const point of summary.keyPoints) expect(point.length, where).toBeLessThanOrEqual(180);
  expect(summary.keywords.length, where).toBeLessThanOrEqual(6);
  for (const keyword of summary.keywords) expect(keyword.trim().length, where).toBeGreaterThan(0);
}

describe('extractive summaries of hostile abstracts', () => {
  for (const [name, abstract] of Object.entries(HOSTILE)) {
    it(`stay within the limits: ${name}`, () => {
      expectWithinLimits(extractiveSummary({ title: `Paper with ${name}`, abstract }), name);
    });
  }

  it('fall back to the title when the abstract says nothing readable', () => {
    expect(extractiveSummary({ title: 'Bracket Soup', abstract: HOSTILE['deep brackets']! }).tldr).toBe('Bracket Soup.');
    expect(extractiveSummary({ title: '', abstract: '' }).tldr).toBe('Untitled paper.');
  });

  it('stay within the limits for any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 3_000 }), (title, abstract) => {
        expectWithinLimits(extractiveSummary({ title, abstract }), JSON.stringify({ title, abstract }).slice(0, 200));
      }),
      { numRuns: 300, seed: 7 },
    );
    const sentence = fc.stringMatching(/^[A-Z][a-z]{2,9}(?: [a-zA-Z0-9.%()-]{1,12}){3,25}[.!?]$/);
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 15 }), (sentences) => {
        const summary = extractiveSummary({ title: 'Generated', abstract: sentences.join(' ') });
        expectWithinLimits(summary, sentences.join(' ').slice(0, 200));
        if (sentences.length >= 3) expect(summary.keyPoints.length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
