import { describe, expect, it } from 'vitest';
import { actionId, actionKind, actionPattern, pageValue, parsePageValue, parsePaperValue } from '../../src/views/actions.js';

describe('action ids and values', () => {
  it('gives each button kind a unique, numbered action_id that maps back to its kind', () => {
    expect(actionId('summary', 3)).toBe('paper_summary:3');
    expect(actionKind('paper_summary:3')).toBe('summary');
    expect(actionKind('search_next:0')).toBe('next');
    expect(actionKind('something_else:1')).toBeUndefined();
    expect(actionPattern('save').test('paper_save:12')).toBe(true);
    expect(actionPattern('save').test('paper_save_all:1')).toBe(false);
  });

  it('accepts only paper ids the corpus or the daily papers API could have made', () => {
    expect(parsePaperValue('p-3tmz2dasv5vq')).toBe('p-3tmz2dasv5vq');
    expect(parsePaperValue('arxiv-2502-12345')).toBe('arxiv-2502-12345');
    expect(parsePaperValue('arxiv-hep-th-9901001')).toBe('arxiv-hep-th-9901001');
    for (const bad of [
      undefined,
      42,
      '',
      'p-',
      'P-ABC123',
      "p-abc'; drop",
      'p-' + 'a'.repeat(100),
      { id: 'p-abcdef' },
      'arxiv-',
      'arxiv-2502.12345',
      'arxiv--1',
    ])
      expect(parsePaperValue(bad)).toBeUndefined();
  });

  it('round-trips a page and refuses tampered ones', () => {
    expect(parsePageValue(pageValue({ query: 'kv cache', offset: 5 }))).toEqual({ query: 'kv cache', offset: 5 });
    for (const bad of ['{', '{"q":"x","o":-5}', '{"q":"x","o":1.5}', '{"q":"","o":5}', '{"q":1,"o":5}', '[]', 'null', '{"q":"x","o":1e9}', 'x'.repeat(3000)]) {
      expect(parsePageValue(bad)).toBeUndefined();
    }
  });
});
