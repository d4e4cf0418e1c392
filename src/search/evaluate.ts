import { FIELDS, frequencyOf, postingCount, postingTotal, tailId, termId, termOf, type Postings } from './postings.js';
import { stem } from './stem.js';
import { fuzzyTerms, prefixTerms, type Vocabulary } from './vocabulary.js';

const F = FIELDS.length;

/**
 * A query over the postings: a term (matched exactly, and optionally within `fuzzy` edits or as a
 * prefix), all of several queries (AND) or any of them (OR).
 */
export type QueryNode = TermNode | { all: QueryNode[] } | { any: QueryNode[]; weights?: number[] };

export interface TermNode {
  term: string;
  /** edits allowed (0: none) */
  fuzzy: number;
  prefix: boolean;
  /** also the terms sharing its stem (distillation for distil), for less */
  stem?: boolean;
  /**
   * the fuzzy matches are a typo's corrections: the likeliest (fewest edits, then most papers) counts
   * almost as the word itself, the others for little; otherwise each counts by its distance as before
   */
  correct?: boolean;
  /** multiplies the term's score (an acronym's expansion counts for less than the words typed) */
  boost?: number;
}

/**
 * Matching papers by position, ascending, with their scores; `matched` says how many of an OR's parts
 * each had, and `weight` the sum of those parts' weights when the OR gives them.
 */
export interface Matches {
  ids: Int32Array;
  scores: Float64Array;
  matched?: Uint8Array;
  weight?: Float64Array;
}

export interface Evaluation {
  postings: Postings;
  vocabulary: Vocabulary;
  /** per field, a multiplier of its scores (a word in the title counts more) */
  fieldBoost: readonly number[];
  /** every vocabulary term the query matched through (for snippets) */
  derived: Set<number>;
}

/** BM25+ as MiniSearch scores it, so the ranking the relevance benchmark was tuned on is kept. */
const K = 1.2;
const B = 0.7;
const D = 0.5;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** A typo's likeliest correction: what the user meant, unless they meant a rarer neighbour. */
const CORRECTION_WEIGHT = 0.85;
/** A typo's other neighbours: they only fill in after the correction's papers. */
const OTHER_NEIGHBOUR_WEIGHT = 0.15;
/** A term sharing the word's stem (distilled for distillation). */
const STEM_WEIGHT = 0.3;
/** A word reaches for its stem's other terms when it is in fewer papers than this share of the commonest of them. */
const STEM_WHEN_RARER = 0.25;

/**
 * Scores the papers matching `node`, only among `within` when given (a mask over positions).
 * An AND looks up its cheapest part first and scores the others only for the papers still in.
 */
export function evaluate(ev: Evaluation, node: QueryNode, within?: Uint8Array): Matches {
  if ('term' in node) return evaluateTerm(ev, node, within);
  if ('any' in node)
    return union(
      ev,
      node.any.map((child) => evaluate(ev, child, within)),
      node.weights,
    );
  const parts = node.all.map((child) => ({ child, cost: cost(ev.postings, child) })).sort((a, b) => a.cost - b.cost);
  let result: Matches | undefined;
  let mask = within;
  for (const [k, { child }] of parts.entries()) {
    const next = evaluate(ev, child, mask);
    result = result ? intersect(result, next) : { ids: next.ids, scores: next.scores };
    if (result.ids.length === 0 || k === parts.length - 1) break;
    mask = new Uint8Array(ev.postings.documentCount);
    for (const id of result.ids) mask[id] = 1;
  }
  return result ?? empty();
}

/** Roughly how many postings scoring `node` reads; a loose term (typo, prefix) may read any number. */
function cost(p: Postings, node: QueryNode): number {
  if ('term' in node) {
    const id = termId(p, node.term);
    if (node.fuzzy > 0 || node.prefix) return postingTotal(p);
    // The stem's other terms are read too: roughly as many again.
    return id < 0 ? 0 : postingCount(p, id) * (node.stem ? 2 : 1);
  }
  if ('any' in node) return node.any.reduce((sum, child) => sum + cost(p, child), 0);
  return node.all.reduce((least, child) => Math.min(least, cost(p, child)), Number.POSITIVE_INFINITY);
}

/** The terms a term node matches through, with the weight of each (the exact term 1, looser ones less). */
function expand(p: Postings, vocabulary: Vocabulary, node: TermNode): Array<{ id: number; weight: number; fallback?: boolean }> {
  const { term } = node;
  const out: Array<{ id: number; weight: number; fallback?: boolean }> = [];
  const exact = termId(p, term);
  if (exact >= 0) out.push({ id: exact, weight: 1 });
  if (node.prefix) {
    for (const id of prefixTerms(vocabulary, term)) {
      const length = termOf(p, id).length;
      const distance = length - term.length;
      if (distance > 0) out.push({ id, weight: (PREFIX_WEIGHT * length) / (length + 0.3 * distance) });
    }
  }
  if (node.fuzzy > 0) {
    const near: Array<{ id: number; distance: number }> = [];
    for (const { id, distance } of fuzzyTerms(vocabulary, term, node.fuzzy)) {
      // A term both near and starting with the word counts as a prefix match (as in MiniSearch).
      if (distance === 0 || (node.prefix && termOf(p, id).startsWith(term))) continue;
      near.push({ id, distance });
    }
    if (node.correct) for (const id of transpositions(p, term)) if (!near.some((n) => n.id === id)) near.push({ id, distance: 1 });
    const best = node.correct ? likeliest(p, near) : undefined;
    for (const { id, distance } of near) {
      const length = termOf(p, id).length;
      const weight = best === undefined ? FUZZY_WEIGHT : id === best ? CORRECTION_WEIGHT : OTHER_NEIGHBOUR_WEIGHT;
      out.push({ id, weight: (weight * length) / (length + distance) });
    }
  }
  if (node.stem) {
    // Only when papers mostly write the word another way: "distil" reaches for distillation, but
    // "learned" (a quarter as common as "learning" or more) keeps to itself.
    const root = stem(term);
    const seen = new Set(out.map((t) => t.id));
    const siblings = prefixTerms(vocabulary, root).filter((id) => !seen.has(id) && stem(termOf(p, id)) === root);
    const own = exact >= 0 ? frequencyOf(p, exact) : 0;
    const most = siblings.reduce((m, id) => Math.max(m, frequencyOf(p, id)), 0);
    if (own < STEM_WHEN_RARER * most) for (const id of siblings) out.push({ id, weight: STEM_WEIGHT, fallback: true });
  }
  return out;
}

/** The correction a typo most likely meant: fewest edits, then the most papers (a noisy channel's guess). */
function likeliest(p: Postings, near: ReadonlyArray<{ id: number; distance: number }>): number | undefined {
  let best: { id: number; distance: number; df: number } | undefined;
  for (const { id, distance } of near) {
    const df = frequencyOf(p, id);
    if (!best || distance < best.distance || (distance === best.distance && df > best.df)) best = { id, distance, df };
  }
  return best?.id;
}

/** Known terms that are `term` with two neighbouring letters swapped ("trasnformer"): one slip, not two edits. */
function transpositions(p: Postings, term: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < term.length; i++) {
    if (term[i] === term[i + 1]) continue;
    const id = termId(p, term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
    if (id >= 0) out.push(id);
  }
  return out;
}

/**
 * Reusable per-index work arrays: a score (and, for an OR, a count of parts) per paper, and the
 * papers touched by the current term or OR; a paper's entries are valid when its stamp is current.
 */
interface Scratch {
  scores: Float64Array;
  parts: Uint8Array;
  /** for a weighted OR, the summed weight of the parts each paper was in */
  weights: Float64Array;
  stamp: Uint32Array;
  /** papers a term matched before its stem's other terms were read (their stamp when so) */
  strong: Uint32Array;
  touched: Int32Array;
  generation: number;
}
const scratches = new WeakMap<Postings, Scratch>();

function scratchOf(p: Postings): Scratch {
  let s = scratches.get(p);
  if (!s) {
    const n = p.documentCount;
    s = {
      scores: new Float64Array(n),
      parts: new Uint8Array(n),
      weights: new Float64Array(n),
      stamp: new Uint32Array(n),
      strong: new Uint32Array(n),
      touched: new Int32Array(n),
      generation: 0,
    };
    scratches.set(p, s);
  }
  if (++s.generation === 0xffffffff) {
    s.stamp.fill(0);
    s.strong.fill(0);
    s.generation = 1;
  }
  return s;
}

function evaluateTerm(ev: Evaluation, node: TermNode, within?: Uint8Array): Matches {
  const p = ev.postings;
  const terms = expand(p, ev.vocabulary, node);
  if (terms.length === 0) return empty();
  const s = scratchOf(p);
  const { touched, generation } = s;
  const n = p.documentCount;
  const boost = node.boost ?? 1;
  let count = 0;
  // A stem's other terms (last in the list) only score papers the word itself (or its typo and prefix matches) missed.
  let strongUntil = -1;
  for (const { id, weight, fallback } of terms) {
    ev.derived.add(id);
    if (fallback && strongUntil < 0) {
      strongUntil = count;
      for (let k = 0; k < count; k++) s.strong[touched[k]!] = generation;
    }
    const tail = p.tail;
    const b = id < p.terms.length ? id : -1;
    const t = tail ? tailId(tail, p.terms.length, id) : -1;
    for (let f = 0; f < F; f++) {
      const start = b < 0 ? 0 : p.offsets[b * F + f]!;
      const end = b < 0 ? 0 : p.offsets[b * F + f + 1]!;
      const tailStart = t < 0 ? 0 : tail!.own.offsets[t * F + f]!;
      const tailEnd = t < 0 ? 0 : tail!.own.offsets[t * F + f + 1]!;
      const matching = end - start + (tailEnd - tailStart);
      if (matching === 0) continue;
      const idf = Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
      const factor = weight * boost * ev.fieldBoost[f]! * idf;
      const average = p.averageFieldLength[f]!;
      const strongOnly = strongUntil >= 0;
      // The base's papers, then the tail's (all after them): each list in the order of a whole index's.
      if (start < end) count = scoreList(s, p.docs, p.freqs, p.fieldLength, start, end, 0, f, factor, average, within, strongOnly, count);
      if (tailStart < tailEnd) {
        const own = tail!.own;
        count = scoreList(s, own.docs, own.freqs, own.fieldLength, tailStart, tailEnd, tail!.base.documentCount, f, factor, average, within, strongOnly, count);
      }
    }
  }
  return collect(s, count);
}

/**
 * Adds the BM25+ scores of the postings `from..to` (papers `shift + docs[k]`, field `f`) to the
 * scratch; returns the new count of touched papers.
 */
function scoreList(
  s: Scratch,
  docs: Int32Array,
  freqs: Uint8Array,
  fieldLength: Uint16Array,
  from: number,
  to: number,
  shift: number,
  f: number,
  factor: number,
  average: number,
  within: Uint8Array | undefined,
  strongOnly: boolean,
  count: number,
): number {
  const { scores, stamp, touched, generation, strong } = s;
  for (let k = from; k < to; k++) {
    const local = docs[k]!;
    const doc = shift + local;
    if (within && !within[doc]) continue;
    if (strongOnly && strong[doc] === generation) continue;
    const tf = freqs[k]!;
    const score = factor * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * fieldLength[local * F + f]!) / average)));
    if (stamp[doc] === generation) scores[doc]! += score;
    else {
      stamp[doc] = generation;
      scores[doc] = score;
      touched[count++] = doc;
    }
  }
  return count;
}

/** The touched papers of the scratch in ascending order, with their scores. */
function collect(s: Scratch, count: number): Matches {
  const n = s.stamp.length;
  const ids = new Int32Array(count);
  if (count * Math.log2(count + 1) < n) {
    ids.set(s.touched.subarray(0, count));
    ids.sort();
  } else {
    for (let doc = 0, k = 0; doc < n; doc++) if (s.stamp[doc] === s.generation) ids[k++] = doc;
  }
  const scores = new Float64Array(count);
  for (let k = 0; k < count; k++) scores[k] = s.scores[ids[k]!]!;
  return { ids, scores };
}

/** Papers in both (b's papers are a subset of a's when b was scored within a), scores added. */
function intersect(a: Matches, b: Matches): Matches {
  const ids = new Int32Array(Math.min(a.ids.length, b.ids.length));
  const scores = new Float64Array(ids.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x < y) i++;
    else if (y < x) j++;
    else {
      ids[k] = x;
      scores[k++] = a.scores[i++]! + b.scores[j++]!;
    }
  }
  return { ids: ids.subarray(0, k), scores: scores.subarray(0, k) };
}

/** Papers in any, scores added, with how many of the parts each was in (and their summed weights, when given). */
function union(ev: Evaluation, parts: Matches[], weights?: readonly number[]): Matches {
  const s = scratchOf(ev.postings);
  const { scores, stamp, touched, generation } = s;
  let count = 0;
  for (const [j, part] of parts.entries()) {
    const w = weights?.[j] ?? 1;
    for (let k = 0; k < part.ids.length; k++) {
      const doc = part.ids[k]!;
      if (stamp[doc] === generation) {
        scores[doc]! += part.scores[k]!;
        s.parts[doc]!++;
        s.weights[doc]! += w;
      } else {
        stamp[doc] = generation;
        scores[doc] = part.scores[k]!;
        s.parts[doc] = 1;
        s.weights[doc] = w;
        touched[count++] = doc;
      }
    }
  }
  const result = collect(s, count);
  const matched = new Uint8Array(count);
  for (let k = 0; k < count; k++) matched[k] = s.parts[result.ids[k]!]!;
  if (!weights) return { ...result, matched };
  const weight = new Float64Array(count);
  for (let k = 0; k < count; k++) weight[k] = s.weights[result.ids[k]!]!;
  return { ...result, matched, weight };
}

function empty(): Matches {
  return { ids: new Int32Array(0), scores: new Float64Array(0) };
}
