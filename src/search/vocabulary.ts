import SearchableMap from 'minisearch/SearchableMap';
import type { Steps } from '../util/steps.js';

/**
 * The index's words, for lookups by prefix and by edit distance: MiniSearch's radix tree, holding
 * each word's position in the sorted vocabulary (`Postings.terms`). Its Levenshtein walk shares the
 * rows of a common prefix and drops a branch as soon as it is too far away.
 */
export type Vocabulary = SearchableMap<number>;

export function* vocabularySteps(terms: readonly string[]): Steps<Vocabulary> {
  const vocabulary = new SearchableMap<number>();
  for (let id = 0; id < terms.length; id++) {
    if (id % 4096 === 4095) yield;
    vocabulary.set(terms[id]!, id);
  }
  return vocabulary;
}

/** Positions of the terms starting with `prefix` (`prefix` itself included), ascending. */
export function prefixTerms(vocabulary: Vocabulary, prefix: string): number[] {
  return [...vocabulary.atPrefix(prefix).values()].sort((a, b) => a - b);
}

/** Terms within `maxDistance` Levenshtein edits of `word` (itself included, at distance 0), by position. */
export function fuzzyTerms(vocabulary: Vocabulary, word: string, maxDistance: number): Array<{ id: number; distance: number }> {
  const out: Array<{ id: number; distance: number }> = [];
  for (const [id, distance] of vocabulary.fuzzyGet(word, maxDistance).values()) out.push({ id, distance });
  return out.sort((a, b) => a.id - b.id);
}
