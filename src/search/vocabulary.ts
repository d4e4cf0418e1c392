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
  /** The words of the postings' tail that the base lacks (see Tail in postings.ts). */
  tail?: TailWords;
}

/** Words only the tail has: `ids` maps a word's order to its id, `first + j` for `fresh[j]`. */
export interface TailWords {
  ids: ReadonlyMap<number, number>;
  /** the base's sorted terms (ids below `first`) */
  terms: readonly string[];
  first: number;
  /** the tail's words the base lacks, sorted (ids from `first`) */
  fresh: readonly string[];
}

/**
 * How many words each tree holds, i.e. the order the next word gets. MiniSearch's `size` walks the
 * whole tree after any `set` (hundreds of thousands of nodes, 100 ms and more in one piece).
 */
const wordCounts = new WeakMap<SearchableMap<number>, number>();

function wordCount(tree: SearchableMap<number>): number {
  let count = wordCounts.get(tree);
  if (count === undefined) wordCounts.set(tree, (count = tree.size));
  return count;
}

/** Adds `word` to the tree with the next order; returns that order. */
function addWord(tree: SearchableMap<number>, word: string): number {
  const order = wordCount(tree);
  tree.set(word, order);
  wordCounts.set(tree, order + 1);
  return order;
}

export function* vocabularySteps(terms: readonly string[]): Steps<Vocabulary> {
  const tree = new SearchableMap<number>();
  for (let id = 0; id < terms.length; id++) {
    if (id % 4096 === 4095) yield;
    tree.set(terms[id]!, id);
  }
  wordCounts.set(tree, terms.length);
  return { tree, positions: Int32Array.from({ length: terms.length }, (_, i) => i) };
}

/**
 * The vocabulary of a merged index: `moved[old position] = new position` for the words it had, and
 * `added` the new positions of words it did not have (see appendPostingSteps).
 */
export function* extendVocabularySteps(vocabulary: Vocabulary, terms: readonly string[], moved: Int32Array, added: readonly number[]): Steps<Vocabulary> {
  const { tree } = vocabulary;
  const size = wordCount(tree);
  const positions = new Int32Array(size + added.length).fill(-1);
  const old = vocabulary.positions;
  for (let order = 0; order < old.length; order++) {
    if (order % 65536 === 65535) yield;
    const at = old[order]!;
    if (at >= 0) positions[order] = moved[at]!;
  }
  for (let k = 0; k < added.length; k++) {
    if (k % 4096 === 4095) yield;
    const term = terms[added[k]!]!;
    // A word the shared tree already holds (from a tail, or another index of the library) keeps its order.
    const known = tree.get(term);
    positions[known ?? addWord(tree, term)] = added[k]!;
  }
  const order = wordCount(tree);
  return { tree, positions: order === positions.length ? positions : positions.subarray(0, order) };
}

/**
 * The vocabulary of postings with a tail: `base`'s (its positions kept as they are) and the words
 * only the tail has (`fresh`, sorted, ids from `first`), added to the shared tree when new to it.
 */
export function* tailVocabularySteps(base: Vocabulary, terms: readonly string[], fresh: readonly string[]): Steps<Vocabulary> {
  const { tree, positions } = base;
  const ids = new Map<number, number>();
  const first = terms.length;
  for (let j = 0; j < fresh.length; j++) {
    if (j % 4096 === 4095) yield;
    const word = fresh[j]!;
    ids.set(tree.get(word) ?? addWord(tree, word), first + j);
  }
  return { tree, positions, tail: { ids, terms, first, fresh } };
}

function positionOf(vocabulary: Vocabulary, order: number): number {
  const at = order < vocabulary.positions.length ? vocabulary.positions[order]! : -1;
  return at >= 0 || !vocabulary.tail ? at : (vocabulary.tail.ids.get(order) ?? -1);
}

/**
 * `items` in the order of their terms (as ids are in an index built whole): ascending ids, except
 * that a tail's words (ids after the base's) are merged among the base's by spelling.
 */
function inTermOrder<T>(vocabulary: Vocabulary, items: T[], idOf: (item: T) => number): T[] {
  items.sort((a, b) => idOf(a) - idOf(b));
  const tail = vocabulary.tail;
  if (!tail) return items;
  let split = 0;
  while (split < items.length && idOf(items[split]!) < tail.first) split++;
  if (split === 0 || split === items.length) return items;
  const out: T[] = [];
  const termAt = (item: T) => {
    const id = idOf(item);
    return id < tail.first ? tail.terms[id]! : tail.fresh[id - tail.first]!;
  };
  let i = 0;
  let j = split;
  while (i < split || j < items.length) {
    if (j >= items.length || (i < split && termAt(items[i]!) < termAt(items[j]!))) out.push(items[i++]!);
    else out.push(items[j++]!);
  }
  return out;
}

/** Ids of the terms starting with `prefix` (`prefix` itself included), in term order. */
export function prefixTerms(vocabulary: Vocabulary, prefix: string): number[] {
  const ids: number[] = [];
  for (const order of vocabulary.tree.atPrefix(prefix).values()) {
    const id = positionOf(vocabulary, order);
    if (id >= 0) ids.push(id);
  }
  return inTermOrder(vocabulary, ids, (id) => id);
}

/** Whether any word of this index starts with `prefix`. */
export function hasPrefix(vocabulary: Vocabulary, prefix: string): boolean {
  for (const order of vocabulary.tree.atPrefix(prefix).values()) if (positionOf(vocabulary, order) >= 0) return true;
  return false;
}

/** Terms within `maxDistance` Levenshtein edits of `word` (itself included, at distance 0), in term order. */
export function fuzzyTerms(vocabulary: Vocabulary, word: string, maxDistance: number): Array<{ id: number; distance: number }> {
  const out: Array<{ id: number; distance: number }> = [];
  for (const [order, distance] of vocabulary.tree.fuzzyGet(word, maxDistance).values()) {
    const id = positionOf(vocabulary, order);
    if (id >= 0) out.push({ id, distance });
  }
  return inTermOrder(vocabulary, out, (t) => t.id);
}
