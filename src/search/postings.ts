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
const STEP = 1 << 16;

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

/** The position of `term` in the sorted vocabulary, or -1. */
export function termId(p: Postings, term: string): number {
  const { terms } = p;
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return terms[lo] === term ? lo : -1;
}

/** How many papers hold term `id` in any field (the largest of its per-field lists: a paper counts once per field). */
export function frequencyOf(p: Postings, id: number): number {
  let most = 0;
  for (let f = 0; f < F; f++) most = Math.max(most, p.offsets[id * F + f + 1]! - p.offsets[id * F + f]!);
  return most;
}

/** All postings of term `id`, summed over fields (an estimate of the work of scoring it). */
export function postingCount(p: Postings, id: number): number {
  return p.offsets[id * F + F]! - p.offsets[id * F]!;
}

/** Sets `mask[doc]` for each paper holding term `id` (in `field`, or any). */
export function markTerm(p: Postings, id: number, mask: Uint8Array, field?: number): void {
  for (let f = 0; f < F; f++) {
    if (field !== undefined && f !== field) continue;
    const end = p.offsets[id * F + f + 1]!;
    for (let k = p.offsets[id * F + f]!; k < end; k++) mask[p.docs[k]!] = 1;
  }
}

/** Whether paper `doc` holds term `id` in any field (binary search in each list). */
export function holds(p: Postings, id: number, doc: number): boolean {
  for (let f = 0; f < F; f++) {
    let lo = p.offsets[id * F + f]!;
    let hi = p.offsets[id * F + f + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (p.docs[mid]! < doc) lo = mid + 1;
      else hi = mid;
    }
    if (lo < p.offsets[id * F + f + 1]! && p.docs[lo] === doc) return true;
  }
  return false;
}

/** The first `limit` papers (by position) holding term `id` in any field. */
export function firstHolders(p: Postings, id: number, limit: number): number[] {
  const out = new Set<number>();
  for (let f = 0; f < F && out.size < limit; f++) {
    const end = p.offsets[id * F + f + 1]!;
    for (let k = p.offsets[id * F + f]!; k < end && out.size < limit; k++) out.add(p.docs[k]!);
  }
  return [...out];
}

/**
 * The postings of `base` followed by those of `added` (papers appended after base's, so `added`'s
 * positions are shifted by base's count): terms merged in order, every list still ascending. Runs of
 * base terms that `added` lacks are copied in one piece, so the cost is mostly one pass of copying.
 * Also says where base's terms moved (`moved[old] = new`) and which merged terms are new (`fresh`).
 */
export function* appendPostingSteps(base: Postings, added: Postings): Steps<{ postings: Postings; moved: Int32Array; fresh: number[] }> {
  const shift = base.documentCount;
  const a = base.terms;
  const b = added.terms;
  const terms: string[] = [];
  // For each merged term: its id in base and in added (-1 when absent).
  const fromBase: number[] = [];
  const fromAdded: number[] = [];
  const moved = new Int32Array(a.length);
  const fresh: number[] = [];
  for (let i = 0, j = 0; i < a.length || j < b.length; ) {
    if (terms.length % STEP === 0) yield;
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) {
      moved[i] = terms.length;
      terms.push(a[i]!);
      fromBase.push(i++);
      fromAdded.push(-1);
    } else if (i >= a.length || b[j]! < a[i]!) {
      fresh.push(terms.length);
      terms.push(b[j]!);
      fromBase.push(-1);
      fromAdded.push(j++);
    } else {
      moved[i] = terms.length;
      terms.push(a[i]!);
      fromBase.push(i++);
      fromAdded.push(j++);
    }
  }
  const total = base.docs.length + added.docs.length;
  const offsets = new Uint32Array(terms.length * F + 1);
  const docs = new Int32Array(total);
  const freqs = new Uint8Array(total);
  let at = 0;
  // Work since the last pause, in terms and postings: a run of base terms is copied in one piece, so t jumps.
  let work = 0;
  for (let t = 0; t < terms.length; t++) {
    if (work > 1 << 18) {
      work = 0;
      yield;
    }
    work++;
    const bt = fromBase[t]!;
    const at2 = fromAdded[t]!;
    if (at2 < 0) {
      // A run of base-only terms: their postings are contiguous in base, copied at once.
      let end = t;
      while (end + 1 < terms.length && fromAdded[end + 1]! < 0) end++;
      const from = base.offsets[bt * F]!;
      const to = base.offsets[fromBase[end]! * F + F]!;
      docs.set(base.docs.subarray(from, to), at);
      freqs.set(base.freqs.subarray(from, to), at);
      for (let s = t; s <= end; s++) {
        const bs = fromBase[s]!;
        for (let f = 0; f < F; f++) offsets[s * F + f] = at + base.offsets[bs * F + f]! - from;
      }
      at += to - from;
      work += end - t + ((to - from) >> 4);
      t = end;
      continue;
    }
    for (let f = 0; f < F; f++) {
      offsets[t * F + f] = at;
      if (bt >= 0) {
        const from = base.offsets[bt * F + f]!;
        const to = base.offsets[bt * F + f + 1]!;
        docs.set(base.docs.subarray(from, to), at);
        freqs.set(base.freqs.subarray(from, to), at);
        at += to - from;
      }
      const from = added.offsets[at2 * F + f]!;
      const to = added.offsets[at2 * F + f + 1]!;
      for (let k = from; k < to; k++) {
        docs[at] = added.docs[k]! + shift;
        freqs[at++] = added.freqs[k]!;
      }
    }
  }
  offsets[terms.length * F] = at;
  const n = base.documentCount + added.documentCount;
  const fieldLength = new Uint16Array(n * F);
  fieldLength.set(base.fieldLength);
  fieldLength.set(added.fieldLength, base.fieldLength.length);
  const averageFieldLength = base.averageFieldLength.map((avg, f) =>
    n > 0 ? (avg * base.documentCount + added.averageFieldLength[f]! * added.documentCount) / n : 0,
  );
  return { postings: { documentCount: n, terms, offsets, docs, freqs, fieldLength, averageFieldLength }, moved, fresh };
}
