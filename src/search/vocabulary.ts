import SearchableMap from 'minisearch/SearchableMap';
import type { Steps } from '../util/steps.js';

/**
 * The index's words, for lookups by prefix and by edit distance: MiniSearch's radix tree, whose
 * Levenshtein walk shares the rows of a common prefix and drops a branch as soon as it is too far.
 *
 * The tree maps each word to the order it was first added in, and `positions` maps that to the
 * word's position in this index's sorted vocabulary (`Postings.terms`). When papers are appended, the
 * next index shares the tree and only adds its new words: indexes of one library only ever grow,
 * and an older index never sees a word it lacks (`positions` is shorter, or -1). Rebuilding the tree
 * for every day of fresh papers would leave hundreds of thousands of small objects to collect.
 */
export interface Vocabulary {
  tree: SearchableMap<number>;
  positions: Int32Array;
}

export function* vocabularySteps(terms: readonly string[]): Steps<Vocabulary> {
  const tree = new SearchableMap<number>();
  for (let id = 0; id < terms.length; id++) {
    if (id % 4096 === 4095) yield;
    tree.set(terms[id]!, id);
  }
  return { tree, positions: Int32Array.from({ length: terms.length }, (_, i) => i) };
}

/**
 * The vocabulary of a merged index: `moved[old position] = new position` for the words it had, and
 * `added` the new positions of words it did not have (see appendPostingSteps).
 */
export function* extendVocabularySteps(vocabulary: Vocabulary, terms: readonly string[], moved: Int32Array, added: readonly number[]): Steps<Vocabulary> {
  const { tree } = vocabulary;
  const positions = new Int32Array(tree.size + added.length).fill(-1);
  const old = vocabulary.positions;
  for (let order = 0; order < old.length; order++) {
    if (order % 65536 === 65535) yield;
    const at = old[order]!;
    if (at >= 0) positions[order] = moved[at]!;
  }
  let order = tree.size;
  for (let k = 0; k < added.length; k++) {
    if (k % 4096 === 4095) yield;
    const term = terms[added[k]!]!;
    // Defensive: a word the shared tree already holds keeps its order.
    const known = tree.get(term);
    if (known !== undefined && known < positions.length) positions[known] = added[k]!;
    else {
      tree.set(term, order);
      positions[order++] = added[k]!;
    }
  }
  return { tree, positions: order === positions.length ? positions : positions.subarray(0, order) };
}

const positionOf = (vocabulary: Vocabulary, order: number) => (order < vocabulary.positions.length ? vocabulary.positions[order]! : -1);

/** Positions of the terms starting with `prefix` (`prefix` itself included), ascending. */
export function prefixTerms(vocabulary: Vocabulary, prefix: string): number[] {
  const ids: number[] = [];
  for (const order of vocabulary.tree.atPrefix(prefix).values()) {
    const id = positionOf(vocabulary, order);
    if (id >= 0) ids.push(id);
  }
  return ids.sort((a, b) => a - b);
}

/** Whether any word of this index starts with `prefix`. */
export function hasPrefix(vocabulary: Vocabulary, prefix: string): boolean {
  for (const order of vocabulary.tree.atPrefix(prefix).values()) if (positionOf(vocabulary, order) >= 0) return true;
  return false;
}

/** Terms within `maxDistance` Levenshtein edits of `word` (itself included, at distance 0), by position. */
export function fuzzyTerms(vocabulary: Vocabulary, word: string, maxDistance: number): Array<{ id: number; distance: number }> {
  const out: Array<{ id: number; distance: number }> = [];
  for (const [order, distance] of vocabulary.tree.fuzzyGet(word, maxDistance).values()) {
    const id = positionOf(vocabulary, order);
    if (id >= 0) out.push({ id, distance });
  }
  return out.sort((a, b) => a.id - b.id);
}
