import type { Paper } from '../corpus/types.js';
import { indexWords, normalizeTerm } from './analyze.js';
import type { Steps } from '../util/steps.js';

export const FIELDS = ['title', 'abstract', 'organization'] as const;
export type Field = (typeof FIELDS)[number];
const F = FIELDS.length;

/**
 * The inverted index as a few flat arrays (a Map per posting list would cost several times the
 * memory at 100,000 papers). Terms are sorted; the papers holding term t in field f are
 * `docs[offsets[t*F+f] .. offsets[t*F+f+1])`, ascending, each with how often it occurs there.
 * A paper is known by its position in the library.
 */
export interface Postings {
  documentCount: number;
  terms: string[];
  offsets: Uint32Array;
  docs: Int32Array;
  /** occurrences of the term in the field, capped at 255 */
  freqs: Uint8Array;
  /** per paper, per field: distinct words (what BM25 calls the field's length) */
  fieldLength: Uint16Array;
  averageFieldLength: Float64Array;
  /**
   * Postings of the papers appended since the arrays above were built (see Tail). With a tail,
   * `documentCount` and `averageFieldLength` count every paper, base and tail; the arrays above
   * hold only the base's papers and terms.
   */
  tail?: Tail;
}

/**
 * The papers appended since the last full build, indexed on their own so that a day of papers does
 * not copy the big arrays (tens of MB at 100,000 papers, whose allocation sets off full collections
 * of the heap). Term ids are shared: a term the base knows keeps its base id; a term only the tail
 * has gets an id after the base's (`base.terms.length + j`, j its place among `fresh`). Each term's
 * papers are the base's list then the tail's, both ascending, so every reader sees the lists an index
 * built whole would have. Folded into the base when it grows large (see index.ts).
 */
export interface Tail {
  /** the postings the tail extends (without a tail); their papers come first */
  base: Postings;
  /** the appended papers' own postings: their own sorted terms, papers counted from 0 (position `base.documentCount + k`) */
  own: Postings;
  /** the terms no base paper has, sorted */
  fresh: string[];
  /** per fresh term, its id in `own` */
  freshOwn: Int32Array;
  /** the base ids of the own terms the base knows, ascending, and their ids in `own` */
  knownBase: Int32Array;
  knownOwn: Int32Array;
}

/** A growable typed array: the build does not know how many postings there will be. */
class Column<T extends Int32Array | Uint8Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (size: number) => T,
  ) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

/** How many postings the build handles between two points where it may pause. */
export const STEP = 1 << 16;

export function* postingSteps(papers: readonly Paper[]): Steps<Postings> {
  const n = papers.length;
  const ids = new Map<string, number>();
  const initial = Math.max(1024, n * 64);
  const termOf = new Column(new Int32Array(initial), (s) => new Int32Array(s));
  const docOf = new Column(new Int32Array(initial), (s) => new Int32Array(s));
  const fieldOf = new Column(new Uint8Array(initial), (s) => new Uint8Array(s));
  const freqOf = new Column(new Uint8Array(initial), (s) => new Uint8Array(s));
  const fieldLength = new Uint16Array(n * F);
  const totals = new Float64Array(F);
  const counts = new Map<string, number>();
  for (let doc = 0; doc < n; doc++) {
    if (doc % 64 === 63) yield;
    const paper = papers[doc]!;
    for (let f = 0; f < F; f++) {
      const words = indexWords(paper[FIELDS[f]!] ?? '');
      const length = Math.min(65535, new Set(words).size);
      fieldLength[doc * F + f] = length;
      totals[f]! += length;
      counts.clear();
      for (const word of words) {
        const term = normalizeTerm(word);
        if (term) counts.set(term, (counts.get(term) ?? 0) + 1);
      }
      for (const [term, count] of counts) {
        let id = ids.get(term);
        if (id === undefined) ids.set(term, (id = ids.size));
        termOf.push(id);
        docOf.push(doc);
        fieldOf.push(f);
        freqOf.push(Math.min(255, count));
      }
    }
  }
  yield;
  const terms = [...ids.keys()].sort();
  yield;
  const rank = new Int32Array(terms.length);
  terms.forEach((term, r) => (rank[ids.get(term)!] = r));
  // A counting sort by (term, field): postings were added paper by paper, so each list comes out ascending.
  const offsets = new Uint32Array(terms.length * F + 1);
  const total = termOf.length;
  for (let k = 0; k < total; k++) {
    if (k % STEP === 0) yield;
    offsets[rank[termOf.data[k]!]! * F + fieldOf.data[k]! + 1]!++;
  }
  for (let s = 1; s < offsets.length; s++) offsets[s]! += offsets[s - 1]!;
  const cursor = offsets.slice(0, -1);
  const docs = new Int32Array(total);
  const freqs = new Uint8Array(total);
  for (let k = 0; k < total; k++) {
    if (k % STEP === 0) yield;
    const at = cursor[rank[termOf.data[k]!]! * F + fieldOf.data[k]!]!++;
    docs[at] = docOf.data[k]!;
    freqs[at] = freqOf.data[k]!;
  }
  const averageFieldLength = totals.map((t) => (n > 0 ? t / n : 0));
  return { documentCount: n, terms, offsets, docs, freqs, fieldLength, averageFieldLength };
}

/** Whether a value read back from a snapshot has the shape of postings for `n` papers. */
export function checkPostings(p: Postings, n: number): void {
  const ok =
    p.documentCount === n &&
    Array.isArray(p.terms) &&
    p.offsets instanceof Uint32Array &&
    p.offsets.length === p.terms.length * F + 1 &&
    p.docs instanceof Int32Array &&
    p.freqs instanceof Uint8Array &&
    p.docs.length === p.freqs.length &&
    p.offsets[p.offsets.length - 1] === p.docs.length &&
    p.fieldLength instanceof Uint16Array &&
    p.fieldLength.length === n * F &&
    p.averageFieldLength instanceof Float64Array;
  if (!ok) throw new Error('the snapshot postings do not add up');
}

/** The position of `term` in sorted `terms`, or -1. */
export function findTerm(terms: readonly string[], term: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return terms[lo] === term ? lo : -1;
}

/** The id of `term` (its position in the sorted vocabulary, or after the base's for a term only the tail has), or -1. */
export function termId(p: Postings, term: string): number {
  const id = findTerm(p.terms, term);
  if (id >= 0 || !p.tail) return id;
  const j = findTerm(p.tail.fresh, term);
  return j < 0 ? -1 : p.terms.length + j;
}

/** The term of id `id`. */
export function termOf(p: Postings, id: number): string {
  return id < p.terms.length ? p.terms[id]! : p.tail!.fresh[id - p.terms.length]!;
}

/** How many terms there are, base and tail. */
export function termCount(p: Postings): number {
  return p.terms.length + (p.tail?.fresh.length ?? 0);
}

/** How many postings there are in all, base and tail. */
export function postingTotal(p: Postings): number {
  return p.docs.length + (p.tail?.own.docs.length ?? 0);
}

/** The id of term `id` in the tail's own postings, or -1 when no appended paper has it. */
export function tailId(tail: Tail, base: number, id: number): number {
  if (id >= base) return tail.freshOwn[id - base]!;
  const known = tail.knownBase;
  const at = lowerBound(known, id);
  return known[at] === id ? tail.knownOwn[at]! : -1;
}

/** The first index in `values[from..to)` (ascending) whose value is not below `value`. */
export function lowerBound(values: Int32Array, value: number, from = 0, to = values.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The ids of term `id` in the base (or -1) and in the tail's own postings (or -1). */
function split(p: Postings, id: number): [number, number] {
  const b = p.terms.length;
  return [id < b ? id : -1, p.tail ? tailId(p.tail, b, id) : -1];
}

/** How many papers hold term `id` in field `f`. */
function countIn(p: Postings, baseId: number, ownId: number, f: number): number {
  let n = baseId < 0 ? 0 : p.offsets[baseId * F + f + 1]! - p.offsets[baseId * F + f]!;
  if (ownId >= 0) {
    const o = p.tail!.own.offsets;
    n += o[ownId * F + f + 1]! - o[ownId * F + f]!;
  }
  return n;
}

/** How many papers hold term `id` in any field (the largest of its per-field lists: a paper counts once per field). */
export function frequencyOf(p: Postings, id: number): number {
  const [b, t] = split(p, id);
  let most = 0;
  for (let f = 0; f < F; f++) most = Math.max(most, countIn(p, b, t, f));
  return most;
}

/** All postings of term `id`, summed over fields (an estimate of the work of scoring it). */
export function postingCount(p: Postings, id: number): number {
  const [b, t] = split(p, id);
  let n = b < 0 ? 0 : p.offsets[b * F + F]! - p.offsets[b * F]!;
  if (t >= 0) n += p.tail!.own.offsets[t * F + F]! - p.tail!.own.offsets[t * F]!;
  return n;
}

/** Sets `mask[doc]` for each paper holding term `id` (in `field`, or any). */
export function markTerm(p: Postings, id: number, mask: Uint8Array, field?: number): void {
  const [b, t] = split(p, id);
  const own = p.tail?.own;
  const shift = p.tail?.base.documentCount ?? 0;
  for (let f = 0; f < F; f++) {
    if (field !== undefined && f !== field) continue;
    if (b >= 0) {
      const end = p.offsets[b * F + f + 1]!;
      for (let k = p.offsets[b * F + f]!; k < end; k++) mask[p.docs[k]!] = 1;
    }
    if (t >= 0) {
      const end = own!.offsets[t * F + f + 1]!;
      for (let k = own!.offsets[t * F + f]!; k < end; k++) mask[shift + own!.docs[k]!] = 1;
    }
  }
}

/** Whether `docs[from..to)` (ascending) holds `doc` (binary search). */
function within(docs: Int32Array, from: number, to: number, doc: number): boolean {
  const at = lowerBound(docs, doc, from, to);
  return at < to && docs[at] === doc;
}

/** Whether paper `doc` holds term `id` in any field. */
export function holds(p: Postings, id: number, doc: number): boolean {
  const [b, t] = split(p, id);
  const shift = p.tail?.base.documentCount ?? p.documentCount;
  if (doc < shift) {
    if (b < 0) return false;
    for (let f = 0; f < F; f++) if (within(p.docs, p.offsets[b * F + f]!, p.offsets[b * F + f + 1]!, doc)) return true;
    return false;
  }
  if (t < 0) return false;
  const own = p.tail!.own;
  for (let f = 0; f < F; f++) if (within(own.docs, own.offsets[t * F + f]!, own.offsets[t * F + f + 1]!, doc - shift)) return true;
  return false;
}

/** The first `limit` papers (by position) holding term `id` in any field. */
export function firstHolders(p: Postings, id: number, limit: number): number[] {
  const [b, t] = split(p, id);
  const own = p.tail?.own;
  const shift = p.tail?.base.documentCount ?? 0;
  const out = new Set<number>();
  for (let f = 0; f < F && out.size < limit; f++) {
    if (b >= 0) {
      const end = p.offsets[b * F + f + 1]!;
      for (let k = p.offsets[b * F + f]!; k < end && out.size < limit; k++) out.add(p.docs[k]!);
    }
    if (t >= 0) {
      const end = own!.offsets[t * F + f + 1]!;
      for (let k = own!.offsets[t * F + f]!; k < end && out.size < limit; k++) out.add(shift + own!.docs[k]!);
    }
  }
  return [...out];
}
