import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { ABSTRACT_A, ABSTRACT_B, NOW, parseText, tempCorpus } from '../helpers/corpus.js';

const page = (lines: string[], eol = '\n') => lines.join(eol) + eol;
const CHROME = ['new', '', 'Get trending papers in your email inbox!', '', 'Subscribe', '', 'Daily Papers', '', 'byAK and the research community', ''];
const META = ['  • 4 authors', '·', 'Feb 6 3'];

describe('page variants', () => {
  it('reads a full entry with its metadata block', () => {
    const { entries, warnings } = parseText(page([...CHROME, 'Mar 14', '', 'FooNet', '', ABSTRACT_A, '', ...META]));
    expect(warnings).toEqual([]);
    expect(entries).toEqual([
      { title: 'FooNet', abstract: ABSTRACT_A, authorsCount: 4, upvotes: 3, publishedAt: '2026-02-06', pageDate: '2026-03-14', file: 'page.txt', line: 13 },
    ]);
  });

  it('dates a year-less publication in the previous year when the page year would put it after the page', () => {
    const { entries } = parseText(page(['Mar 14', '', 'FooNet', '', ABSTRACT_A, '', '· ', 'Dec 30']));
    expect(entries[0]).toMatchObject({ publishedAt: '2025-12-30', pageDate: '2026-03-14', upvotes: 0 });
  });

  it('takes the page date from the file name first, then the operator, then the page', () => {
    const text = page(['Mar 14', '', 'FooNet', '', ABSTRACT_A]);
    expect(parseText(text, '2024-03-14.txt').report).toMatchObject({ pageDate: '2024-03-14', yearSource: 'file name' });
    expect(parseText(text, 'x.txt', { year: 2023 }).report).toMatchObject({ pageDate: '2023-03-14', yearSource: 'operator' });
    expect(parseText(page(['Mar 14, 2022', '', 'FooNet', '', ABSTRACT_A])).report).toMatchObject({ pageDate: '2022-03-14', yearSource: 'page' });
  });

  it('never puts a page in the future when only the clock can tell its year', () => {
    // NOW is 2026-11-22: a "Dec 24" page must be from 2025.
    expect(parseText(page(['Dec 24', '', 'FooNet', '', ABSTRACT_A])).report.pageDate).toBe('2025-12-24');
  });

  it('reads a page with no page date, leaving pageDate absent', () => {
    const { entries, report, warnings } = parseText(page([...CHROME, 'FooNet', '', ABSTRACT_A, '', 'Other', '', ABSTRACT_B]));
    expect(warnings).toEqual([]);
    expect(report.pageDate).toBeUndefined();
    expect(entries.map((e) => e.title)).toEqual(['FooNet', 'Other']);
    expect(entries[0]!.pageDate).toBeUndefined();
  });

  it('skips chrome in other wording and spacing, and reports unknown lines above the page date', () => {
    const { entries, warnings } = parseText(
      page(['NEW', 'Get  trending papers in your email inbox !', 'Sign up', 'Join the waitlist', 'Oct 27', 'FooNet', ABSTRACT_A]),
    );
    expect(entries).toHaveLength(1);
    expect(warnings).toEqual([{ file: 'page.txt', line: 4, message: 'unrecognised line before the page date, skipped as page chrome' }]);
  });

  it.each([
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
  ])('reads %s line endings with the same line numbers', (_, eol) => {
    const { entries } = parseText(page(['Mar 14', '', 'FooNet', '', ABSTRACT_A, '', ...META], eol));
    expect(entries[0]).toMatchObject({ title: 'FooNet', line: 3, authorsCount: 4, upvotes: 3 });
  });

  it('reads UTF-8 with a BOM and UTF-16 with and without a BOM', () => {
    const text = page(['Mar 14', '', 'FooNet — ünïcode', '', ABSTRACT_A]);
    const utf8bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const utf16 = Buffer.from(text, 'utf16le');
    for (const bytes of [utf8bom, Buffer.concat([Buffer.from([0xff, 0xfe]), utf16]), utf16]) {
      const dir = tempCorpus({ 'p.txt': bytes });
      return loadCorpus(dir, { now: NOW }).then((c) => expect(c.papers[0]!.title).toBe('FooNet — ünïcode'));
    }
  });

  it('cleans tabs, non-breaking spaces, control and bidi-override characters, and decodes HTML entities', () => {
    const { entries } = parseText(page(['Mar 14', '\tFoo\u00a0Net\u0007 &amp; <!channel> \u202Eevil', ABSTRACT_A]));
    expect(entries[0]!.title).toBe('Foo Net & <!channel> evil');
  });

  it('keeps the last entry of a truncated file and says the file may be cut', () => {
    const text = `Mar 14\n\nFooNet\n\n${ABSTRACT_A}\n\nOther\n\n${ABSTRACT_B} We also release a benchmark of forty datasets so that oth`;
    const { entries, warnings } = parseText(text);
    expect(entries.map((e) => e.title)).toEqual(['FooNet', 'Other']);
    expect(warnings).toEqual([{ file: 'page.txt', line: 7, message: 'file may be truncated: the last abstract ends mid-sentence; kept as read' }]);
  });

  it('reports a title cut off before its abstract at the end of the file', () => {
    const { entries, warnings } = parseText(`Mar 14\n\nFooNet\n\n${ABSTRACT_A}\n\nCut Off Title`);
    expect(entries).toHaveLength(1);
    expect(warnings).toEqual([{ file: 'page.txt', line: 7, message: 'title with no abstract after it, skipped: "Cut Off Title"' }]);
  });

  it('skips a metadata block with no title before it', () => {
    const { entries, warnings } = parseText(page(['Mar 14', '', ...META, '', 'FooNet', '', ABSTRACT_A]));
    expect(entries.map((e) => e.title)).toEqual(['FooNet']);
    expect(entries[0]!.upvotes).toBeUndefined();
    expect(warnings).toEqual([{ file: 'page.txt', line: 3, message: 'metadata block with no title before it, skipped' }]);
  });

  it('skips a title with no abstract and an abstract with no title, keeping their neighbours', () => {
    const { entries, warnings } = parseText(page(['Mar 14', 'Lonely Title', 'FooNet', ABSTRACT_A, ABSTRACT_B, 'Other', ABSTRACT_B]));
    expect(entries.map((e) => e.title)).toEqual(['FooNet', 'Other']);
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [2, 'title with no abstract after it, skipped: "Lonely Title"'],
      [5, 'abstract with no title before it, skipped'],
    ]);
  });

  it('reads partial metadata (organisation without upvotes, date without separator, authors alone); a written 2024 makes the page 2025', () => {
    const { entries } = parseText(
      page(['Oct 27', 'A', ABSTRACT_A, 'kyutai Kyutai', '·', 'Oct 23', 'B', ABSTRACT_B, 'Oct 1, 2024 5', 'C', ABSTRACT_A + ' More.', '• 1 author']),
    );
    expect(entries.map(({ title, organization, publishedAt, upvotes, authorsCount }) => ({ title, organization, publishedAt, upvotes, authorsCount }))).toEqual(
      [
        { title: 'A', organization: 'Kyutai', publishedAt: '2025-10-23', upvotes: 0, authorsCount: undefined },
        { title: 'B', organization: undefined, publishedAt: '2024-10-01', upvotes: 5, authorsCount: undefined },
        { title: 'C', organization: undefined, publishedAt: undefined, upvotes: undefined, authorsCount: 1 },
      ],
    );
  });

  it('leaves out impossible dates, future dates and out-of-range upvotes, with a warning each', () => {
    const { entries, warnings } = parseText(
      page([
        'Mar 14',
        'A',
        ABSTRACT_A,
        '·',
        'Feb 30',
        'B',
        ABSTRACT_B,
        '·',
        'Mar 20, 2026',
        'C',
        ABSTRACT_A,
        '·',
        'Feb 2 -4',
        'D',
        ABSTRACT_B,
        '·',
        'Feb 2 99999999',
      ]),
    );
    expect(entries.map((e) => [e.title, e.publishedAt, e.upvotes])).toEqual([
      ['A', undefined, 0],
      ['B', undefined, 0],
      ['C', '2026-02-02', undefined],
      ['D', '2026-02-02', undefined],
    ]);
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [5, '"Feb 30" is not a real date; publication date left out'],
      [9, 'publication date 2026-03-20 is after the page date 2026-03-14; left out'],
      [13, 'upvote count -4 is out of range (0 to 1000000); left out'],
      [17, 'upvote count 99999999 is out of range (0 to 1000000); left out'],
    ]);
  });

  it('keeps mentions and mrkdwn in titles as read (the renderers escape them)', () => {
    const { entries } = parseText(page(['Mar 14', '<!channel> *bold* ~x~ `code` <@U1>', ABSTRACT_A]));
    expect(entries[0]!.title).toBe('<!channel> *bold* ~x~ `code` <@U1>');
  });

  it('skips a 10,000-character title line with a warning', () => {
    const { entries, warnings } = parseText(page(['Mar 14', 'T'.repeat(10_000), ABSTRACT_B, ...META, 'FooNet', ABSTRACT_A]));
    expect(entries.map((e) => e.title)).toEqual(['FooNet']);
    expect(warnings).toEqual([{ file: 'page.txt', line: 2, message: 'line of 10000 characters is too long for a title, skipped with its abstract' }]);
  });
});

describe('files that are not pages', () => {
  it.each([
    ['empty', new Uint8Array(), 'empty file'],
    ['binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3, 0, 0, 0, 0]), 'binary file (contains NUL bytes), not a text page'],
    ['prose', new TextEncoder().encode('Just a note.\nNothing here.\n'), 'no paper entries found (expected a title line followed by an abstract line)'],
  ])('reports an %s file and skips it', (_, bytes, reason) => {
    const dir = tempCorpus({ 'a.txt': bytes, 'b.txt': page(['Mar 14', 'FooNet', ABSTRACT_A]) });
    return loadCorpus(dir, { now: NOW }).then((corpus) => {
      expect(corpus.papers.map((p) => p.title)).toEqual(['FooNet']);
      expect(corpus.files[0]).toMatchObject({ file: 'a.txt', skipped: true, entries: 0 });
      expect(
        corpus.warnings
          .filter((w) => w.file === 'a.txt')
          .map((w) => w.message)
          .pop(),
      ).toBe(`not a Daily Papers page, skipped: ${reason}`);
    });
  });

  it('reports a file that vanished while being read, a directory named like a page, and an oversized file', async () => {
    const dir = tempCorpus({ 'good.txt': page(['Mar 14', 'FooNet', ABSTRACT_A]) });
    symlinkSync(join(dir, 'gone-away'), join(dir, 'gone.txt'));
    writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(21 * 1024 * 1024, 0x61));
    const corpus = await loadCorpus(dir, { now: NOW });
    expect(corpus.papers).toHaveLength(1);
    expect(corpus.warnings).toEqual([
      { file: 'gone.txt', line: 0, message: 'skipped: the file was moved or deleted while being read' },
      { file: 'huge.txt', line: 0, message: 'skipped: 21.0 MB is over the 20 MB limit for one page' },
    ]);
  });

  it('says clearly when the corpus directory itself is missing', async () => {
    await expect(loadCorpus('/nonexistent/corpus')).rejects.toThrow('cannot read the corpus directory /nonexistent/corpus: ENOENT');
  });
});
