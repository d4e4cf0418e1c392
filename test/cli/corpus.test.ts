import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ABSTRACT_A, CORPUS_DIR, tempCorpus } from '../helpers/corpus.js';

describe('paperwire corpus', () => {
  it('summarises each file of the shipped corpus', async () => {
    const { code, out } = await cli('corpus', '--corpus', CORPUS_DIR, '--year', '2025');
    expect(code).toBe(0);
    expect(out).toContain('000_192a1a8479406a85.txt  74 entries, 74 papers, 0 warnings  page 2025-03-14 (year: operator)');
    expect(out).toContain('3 files, 244 entries, 204 papers (32 on more than one page), 0 warnings');
  });

  it('prints papers and warnings as JSON', async () => {
    const dir = tempCorpus({ 'a.txt': `Mar 14\nFooNet\n${ABSTRACT_A}\n· \nFeb 30\n`, 'b.txt': 'not a page' });
    const { code, out } = await cli('corpus', '--corpus', dir, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.papers).toHaveLength(1);
    expect(Object.keys(json.papers[0])).toEqual([
      'id',
      'title',
      'abstract',
      'authorsCount',
      'organization',
      'publishedAt',
      'upvotes',
      'appearances',
      'arxivId',
      'url',
      'listDates',
    ]);
    expect(json.papers[0].appearances[0]).toEqual({ file: 'a.txt', line: 2, pageDate: expect.stringMatching(/-03-14$/) });
    expect(json.warnings).toEqual([
      { file: 'a.txt', line: 5, message: '"Feb 30" is not a real date; publication date left out' },
      { file: 'b.txt', line: 0, message: 'not a Daily Papers page, skipped: no paper entries found (expected a title line followed by an abstract line)' },
    ]);
  });

  it('exits 2 with the usage on a bad option and 1 when the corpus cannot be read', async () => {
    const bad = await cli('corpus', '--year', 'soon');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--year must be a whole number from 1990 to 2100 (got "soon")');
    expect(bad.err).toContain('Usage: paperwire corpus');
    expect((await cli('corpus', '--bogus')).code).toBe(2);
    const missing = await cli('corpus', '--corpus', '/nonexistent');
    expect(missing).toMatchObject({ code: 1, err: 'paperwire corpus: cannot read the corpus directory /nonexistent: ENOENT' });
  });

  it('lists the commands with --help and rejects unknown ones', async () => {
    expect(await cli('--help')).toMatchObject({ code: 0, out: expect.stringContaining('corpus') });
    expect((await cli('frobnicate')).code).toBe(2);
  });
});
