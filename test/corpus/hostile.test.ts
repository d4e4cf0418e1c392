import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type LoadedCorpus } from '../../src/corpus/load.js';
import { parsePage } from '../../src/corpus/parse.js';
import { ABSTRACT_A, ABSTRACT_B, CORPUS_DIR, NOW, tempCorpus } from '../helpers/corpus.js';

/**
 * Hostile page files, each loaded beside a real page: the exact papers and warnings it yields, and
 * the real page's papers untouched.
 */
const GOOD = '002_162ebd3503ba6e1c.txt';
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};
const lines = (...l: string[]) => l.join('\n') + '\n';

interface Case {
  name: string;
  content: string | Uint8Array;
  titles: string[];
  warnings: Array<[number, string]>;
}

const CASES: Case[] = [
  { name: 'empty file', content: '', titles: [], warnings: [[0, 'not a Daily Papers page, skipped: empty file']] },
  {
    name: 'binary file',
    content: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]),
    titles: [],
    warnings: [[0, 'binary file (contains NUL bytes)']],
  },
  { name: 'UTF-16 LE with BOM', content: utf16le(lines('Mar 14', 'FooNet', ABSTRACT_A)), titles: ['FooNet'], warnings: [] },
  { name: 'UTF-16 BE with BOM', content: utf16be(lines('Mar 14', 'FooNet', ABSTRACT_A)), titles: ['FooNet'], warnings: [] },
  { name: 'UTF-16 BE without BOM', content: utf16be(lines('Mar 14', 'FooNet', ABSTRACT_A)).subarray(2), titles: ['FooNet'], warnings: [] },
  { name: 'UTF-16 LE without BOM', content: Buffer.from(lines('Mar 14', 'FooNet', ABSTRACT_A), 'utf16le'), titles: ['FooNet'], warnings: [] },
  { name: 'UTF-8 BOM', content: '\uFEFF' + lines('Mar 14', 'FooNet', ABSTRACT_A), titles: ['FooNet'], warnings: [] },
  { name: 'CRLF', content: ['Mar 14', 'FooNet', ABSTRACT_A, 'BarNet', ABSTRACT_B].join('\r\n'), titles: ['FooNet', 'BarNet'], warnings: [] },
  { name: 'lone CR', content: ['Mar 14', 'FooNet', ABSTRACT_A, 'BarNet', ABSTRACT_B, ''].join('\r'), titles: ['FooNet', 'BarNet'], warnings: [] },
  { name: 'tabs and non-breaking spaces', content: lines('Mar\u00A014', '\tFoo\u00A0Net\t', `\t${ABSTRACT_A}`), titles: ['Foo Net'], warnings: [] },
  {
    name: 'title without abstract',
    content: lines('Mar 14', 'Lonely Title', 'FooNet', ABSTRACT_A),
    titles: ['FooNet'],
    warnings: [[2, 'title with no abstract after it, skipped: "Lonely Title"']],
  },
  {
    name: 'abstract without title',
    content: lines('Mar 14', ABSTRACT_B, 'FooNet', ABSTRACT_A),
    titles: ['FooNet'],
    warnings: [[2, 'abstract with no title before it, skipped']],
  },
  {
    name: 'impossible date',
    content: lines('Mar 14', 'FooNet', ABSTRACT_A, '·', 'Feb 30 4'),
    titles: ['FooNet'],
    warnings: [[5, '"Feb 30 4" is not a real date; publication date left out']],
  },
  {
    name: 'negative upvotes',
    content: lines('Mar 14', 'FooNet', ABSTRACT_A, '·', 'Feb 2 -4'),
    titles: ['FooNet'],
    warnings: [[5, 'upvote count -4 is out of range']],
  },
  {
    name: 'huge upvotes',
    content: lines('Mar 14', 'FooNet', ABSTRACT_A, '·', 'Feb 2 99999999999'),
    titles: ['FooNet'],
    warnings: [[5, 'upvote count 99999999999 is out of range']],
  },
  {
    name: '10,000-character title',
    content: lines('Mar 14', 'T'.repeat(10_000), ABSTRACT_B, 'FooNet', ABSTRACT_A),
    titles: ['FooNet'],
    warnings: [[2, 'line of 10000 characters is too long for a title']],
  },
  { name: 'control characters', content: lines('Mar 14', 'Foo\u0000\u0007Net\u001b', ABSTRACT_A), titles: ['FooNet'], warnings: [] },
  { name: 'RTL text and emoji', content: lines('Mar 14', 'نموذج لغوي 🚀 for Arabic', ABSTRACT_A), titles: ['نموذج لغوي 🚀 for Arabic'], warnings: [] },
  {
    name: 'mrkdwn and mentions in titles',
    content: lines('Mar 14', '<!channel> *bold* ~x~ `tick` <@U1>', ABSTRACT_A),
    titles: ['<!channel> *bold* ~x~ `tick` <@U1>'],
    warnings: [],
  },
  { name: 'HTML entities', content: lines('Mar 14', 'Tom &amp; Jerry &lt;3 &#x1F680;', ABSTRACT_A), titles: ['Tom & Jerry <3 🚀'], warnings: [] },
  {
    name: 'metadata with no title',
    content: lines('Mar 14', '  • 3 authors', '·', 'Feb 6', 'FooNet', ABSTRACT_A),
    titles: ['FooNet'],
    warnings: [[2, 'metadata block with no title before it, skipped']],
  },
];

let baseline: LoadedCorpus;
beforeAll(async () => {
  const dir = tempCorpus({});
  copyFileSync(join(CORPUS_DIR, GOOD), join(dir, GOOD));
  baseline = await loadCorpus(dir, { now: NOW });
});

describe('hostile page files', () => {
  it.each(CASES)('$name: exact outcome, the real page beside it untouched', async ({ content, titles, warnings }) => {
    const dir = tempCorpus({ 'hostile.txt': content });
    copyFileSync(join(CORPUS_DIR, GOOD), join(dir, GOOD));
    const corpus = await loadCorpus(dir, { now: NOW, year: 2026 });
    const fromHostile = corpus.papers.filter((p) => p.appearances.some((a) => a.file === 'hostile.txt'));
    expect(fromHostile.map((p) => p.title)).toEqual(titles);
    const got = corpus.warnings.filter((w) => w.file === 'hostile.txt');
    expect(got).toHaveLength(warnings.length);
    warnings.forEach(([line, message], i) => {
      expect(got[i]!.line).toBe(line);
      expect(got[i]!.message).toContain(message);
    });
    const fromGood = corpus.papers.filter((p) => p.appearances.some((a) => a.file === GOOD));
    expect(fromGood.map((p) => p.id)).toEqual(baseline.papers.map((p) => p.id));
    expect(corpus.warnings.filter((w) => w.file === GOOD)).toEqual([]);
  });

  it('a 50 MB file is refused at once with its size, the rest loads', async () => {
    const dir = tempCorpus({});
    copyFileSync(join(CORPUS_DIR, GOOD), join(dir, GOOD));
    writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(50 * 1024 * 1024, 0x41));
    const corpus = await loadCorpus(dir, { now: NOW });
    expect(corpus.warnings).toEqual([{ file: 'huge.txt', line: 0, message: 'skipped: 50.0 MB is over the 20 MB limit for one page' }]);
    expect(corpus.papers.map((p) => p.id)).toEqual(baseline.papers.map((p) => p.id));
  });

  it('duplicate titles with different abstracts are two papers with stable, distinct ids', async () => {
    const text = lines('Mar 14', 'FooNet', ABSTRACT_A, 'FooNet', ABSTRACT_B);
    const first = await loadCorpus(tempCorpus({ 'a.txt': text }), { now: NOW });
    const again = await loadCorpus(tempCorpus({ 'a.txt': text }), { now: NOW });
    expect(first.papers.map((p) => p.abstract).sort()).toEqual([ABSTRACT_A, ABSTRACT_B].sort());
    expect(new Set(first.papers.map((p) => p.id)).size).toBe(2);
    expect(again.papers.map((p) => p.id)).toEqual(first.papers.map((p) => p.id));
  });
});

describe('random page-like text (property)', () => {
  const lineArb = fc.oneof(
    fc.constantFrom('', 'new', 'Subscribe', 'Daily Papers', '·', '  • 3 authors', 'Mar 14', 'Feb 30 2', 'Oct 23 1', 'Aug 2, 2024', 'kyutai Kyutai'),
    fc.string({ maxLength: 80 }),
    fc.string({ minLength: 120, maxLength: 600 }),
    fc.constant(ABSTRACT_A),
  );
  it('never crashes, never yields an entry without a title and an abstract, and gives URL-safe stable ids', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'), async (pageLines, eol) => {
        const text = pageLines.join(eol);
        const page = parsePage('p.txt', new TextEncoder().encode(text), { now: NOW });
        for (const entry of page.entries) {
          expect(entry.title.trim()).not.toBe('');
          expect(entry.abstract.trim()).not.toBe('');
        }
        const dir = tempCorpus({ 'p.txt': text });
        const [a, b] = [await loadCorpus(dir, { now: NOW }), await loadCorpus(dir, { now: NOW })];
        for (const paper of a.papers) expect(paper.id).toMatch(/^p-[a-z0-9]+$/);
        expect(b.papers.map((p) => p.id)).toEqual(a.papers.map((p) => p.id));
      }),
      { numRuns: 300 },
    );
  });
});
