import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/corpus/types.js';
import { toJson } from '../../src/cli/search.js';
import { cli } from '../helpers/cli.js';
import { CORPUS_DIR } from '../helpers/corpus.js';

describe('paperwire search', () => {
  it('prints results as JSON with exactly the documented keys', async () => {
    const { code, out } = await cli('search', 'mixture of experts', '--corpus', CORPUS_DIR, '--json', '--limit', '3');
    expect(code).toBe(0);
    const { results } = JSON.parse(out);
    expect(results).toHaveLength(3);
    expect(Object.keys(results[0])).toEqual([
      'id',
      'title',
      'score',
      'snippet',
      'publishedAt',
      'upvotes',
      'authorsCount',
      'organization',
      'appearances',
      'arxivId',
      'url',
    ]);
    expect(results[0].title).toMatch(/Mixture-of-Experts/);
    // Page-dump papers have no arXiv id: their url is the Hugging Face search for the title.
    expect(results[0].arxivId).toBeNull();
    expect(results[0].url).toMatch(/^https:\/\/huggingface\.co\/papers\?q=/);
    expect(decodeURIComponent(new URL(results[0].url).searchParams.get('q') ?? '')).toBe(results[0].title);
    expect(results[0].id).toMatch(/^p-[a-z0-9]+$/);
    expect(typeof results[0].snippet).toBe('string');
    expect(results[0].appearances).toBeGreaterThanOrEqual(1);
  });

  it('a result with an arXiv id gives the id and its Hugging Face page as the url', () => {
    const paper: Paper = {
      id: 'arxiv-2502-12345',
      title: 'FooNet',
      abstract: 'x',
      appearances: [],
      arxivId: '2502.12345',
      url: 'https://huggingface.co/papers/2502.12345',
    };
    const hit = { paper, score: 1.23456, snippet: { text: 'x', marks: [] } };
    expect(toJson(hit)).toMatchObject({ id: 'arxiv-2502-12345', arxivId: '2502.12345', url: 'https://huggingface.co/papers/2502.12345', appearances: 0 });
    // The page is built from the id when the stored url is missing or not a safe link.
    for (const url of [undefined, 'javascript:alert(1)', 'https://user:pw@evil.example/x']) {
      expect(toJson({ ...hit, paper: { ...paper, url } })).toMatchObject({ arxivId: '2502.12345', url: 'https://huggingface.co/papers/2502.12345' });
    }
    // A malformed id is no id.
    expect(toJson({ ...hit, paper: { ...paper, arxivId: '../../x', url: undefined } })).toMatchObject({
      arxivId: null,
      url: 'https://huggingface.co/papers?q=FooNet',
    });
  });

  it('prints readable results with the matched words starred', async () => {
    const { code, out } = await cli('search', 'HNeRV', '--corpus', CORPUS_DIR);
    expect(code).toBe(0);
    expect(out).toContain('1. HNeRV: A Hybrid Neural Representation for Videos');
    expect(out).toContain('*HNeRV*');
  });

  it('says so, with suggestions, when nothing matches', async () => {
    const { code, out } = await cli('search', 'quantizaton year:2019', '--corpus', CORPUS_DIR);
    expect(code).toBe(0);
    expect(out).toContain('No papers match "quantizaton year:2019"');
    expect(out).toContain('quantization year:2019');
  });

  it('offers "Did you mean" for a misspelt word, not for an English word the library lacks', async () => {
    const typo = await cli('search', 'knowlege distillation', '--corpus', CORPUS_DIR, '--limit', '1');
    expect(typo.code).toBe(0);
    expect(typo.out).toContain('Did you mean: knowledge distillation');
    // "asking" is spelt right: not a typo of "masking".
    const english = await cli('search', 'asking questions about documents', '--corpus', CORPUS_DIR, '--limit', '1');
    expect(english.code).toBe(0);
    expect(english.out).not.toContain('Did you mean');
    expect(english.out).not.toMatch(/masking/i);
  });

  it('exits 2 with the message and the query language on a malformed query', async () => {
    const { code, err } = await cli('search', 'x sort:best', '--corpus', CORPUS_DIR);
    expect(code).toBe(2);
    expect(err).toContain('"sort:best": sort by relevance, new or top');
    expect(err).toContain('"an exact phrase"');
  });

  it('exits 2 on usage errors', async () => {
    const empty = await cli('search', '--corpus', CORPUS_DIR);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('say what to search for');
    expect((await cli('search', 'x', '--limit', '0')).code).toBe(2);
    expect((await cli('search', 'x', '--bogus')).code).toBe(2);
    expect((await cli('--help')).out).toContain('search');
  });
});
