import { describe, expect, it } from 'vitest';
import { parseQuery, QUERY_HINT } from '../../src/search/query.js';
import { QueryError } from '../../src/search/types.js';

function error(query: string): QueryError {
  try {
    parseQuery(query);
  } catch (e) {
    if (e instanceof QueryError) return e;
    throw e;
  }
  throw new Error(`"${query}" parsed without an error`);
}

describe('parseQuery', () => {
  it('reads free words, phrases, exclusions, filters and the sort order', () => {
    expect(parseQuery('kv cache "sparse attention" -survey -"vision transformer" year:2024 upvotes:>=5 org:kyutai sort:top')).toEqual({
      words: ['kv', 'cache'],
      phrases: ['sparse attention'],
      excluded: ['survey', 'vision transformer'],
      from: '2024-01-01',
      to: '2024-12-31',
      upvotes: { op: '>=', value: 5 },
      org: 'kyutai',
      sort: 'top',
    });
  });

  it('defaults to relevance and treats unknown keys and hyphenated words as text', () => {
    expect(parseQuery('arXiv:2401.1 self-supervised')).toMatchObject({ words: ['arXiv:2401.1', 'self-supervised'], excluded: [], sort: 'relevance' });
  });

  it('turns after/before into inclusive day bounds and intersects them with year', () => {
    expect(parseQuery('x after:2024-06-01 before:2025-01')).toMatchObject({ from: '2024-06-02', to: '2024-12-31' });
    expect(parseQuery('x after:2023 year:2024')).toMatchObject({ from: '2024-01-01', to: '2024-12-31' });
    expect(parseQuery('x before:2024-03-01')).toMatchObject({ to: '2024-02-29' });
  });

  it('reads every upvote comparison, a bare number meaning at least', () => {
    expect(parseQuery('x upvotes:5').upvotes).toEqual({ op: '>=', value: 5 });
    for (const op of ['>', '<', '<=', '='] as const) expect(parseQuery(`x upvotes:${op}3`).upvotes).toEqual({ op, value: 3 });
  });

  it('takes a quoted organisation, curly quotes and filters alone', () => {
    expect(parseQuery('org:"Meta AI" llama')).toMatchObject({ org: 'Meta AI', words: ['llama'] });
    expect(parseQuery('\u201cexact words\u201d').phrases).toEqual(['exact words']);
    expect(parseQuery('year:2024 sort:new')).toMatchObject({ words: [], from: '2024-01-01', sort: 'new' });
  });

  it.each([
    ['', 'the query is empty'],
    ['   ', 'the query is empty'],
    ['-survey', 'say what to look for, not only what to leave out'],
    ['x year:24', 'a year is four digits'],
    ['x after:June', 'write a date as after:2024-06-01'],
    ['x before:2024-13-01', 'there is no month 13'],
    ['x after:2024-02-30', 'has no day 30'],
    ['x upvotes:lots', 'write upvotes:>=5'],
    ['x sort:best', 'sort by relevance, new or top'],
    ['x upvotes:>=banana', 'write upvotes:>=5'],
    ['x org:""', 'has no value after the colon'],
    ['--', 'the query is empty'],
    ['x -year:2024', 'filters cannot be negated'],
    ['x after:2025-01-01 before:2024-01-01', 'no date is both on or after'],
    ['x org:"Meta', 'never closed'],
  ])('rejects %j: %s', (query, message) => {
    const e = error(query);
    expect(e.message).toContain(message);
    expect(e.hint).toBe(QUERY_HINT);
  });

  it.each([
    ['Bit Cipher -- A Simple yet Powerful Word Representation System', ['Bit', 'Cipher', 'A', 'Simple', 'yet', 'Powerful', 'Word', 'Representation', 'System']],
    ['x - y \u2013 z \u2014 w \u2212 v', ['x', 'y', 'z', 'w', 'v']],
    ['x -! y', ['x', 'y']],
    ['"open quote', ['open', 'quote']],
    ['an "unbalanced quote in the middle', ['an', 'unbalanced', 'quote', 'in', 'the', 'middle']],
    ['x ""', ['x']],
    ['Pointer Networks:', ['Pointer', 'Networks:']],
    ['Sort: a study year:', ['Sort:', 'a', 'study', 'year:']],
    [
      '\u8bed\u8a00\u6a21\u578b \u0442\u0440\u0430\u043d\u0441\u0444\u043e\u0440\u043c\u0435\u0440 \u2192 \u2728',
      ['\u8bed\u8a00\u6a21\u578b', '\u0442\u0440\u0430\u043d\u0441\u0444\u043e\u0440\u043c\u0435\u0440'],
    ],
  ])('searches what people paste: %j', (query, words) => {
    const parsed = parseQuery(query);
    expect(parsed.words).toEqual(words);
    expect(parsed.excluded).toEqual([]);
    expect(parsed.phrases).toEqual([]);
  });

  it('still reads a minus right before a word or quote as leaving it out', () => {
    expect(parseQuery('x -y -"a b"')).toMatchObject({ words: ['x'], excluded: ['y', 'a b'] });
  });
});
