/**
 * Growing postings by appended papers: a tail of their own beside the base (a day of papers copies
 * none of the big arrays), or the two merged into one set of arrays (see Tail in postings.ts).
 */
import type { Steps } from '../util/steps.js';
import { FIELDS, STEP, findTerm, type Postings } from './postings.js';

const F = FIELDS.length;

/** Per field, the summed field lengths of the papers (exact: an average times the count, rounded). */
function fieldTotals(p: Postings): number[] {
  return [...p.averageFieldLength].map((avg) => Math.round(avg * p.documentCount));
}

/** Per field, the average field length of `n` papers with these summed lengths, as a build of them all works it out. */
function averages(totals: readonly number[], n: number): Float64Array {
  return Float64Array.from(totals, (t) => (n > 0 ? t / n : 0));
}

/**
 * `base` (without a tail) with `own`, the postings of papers appended after base's (counted from 0),
 * as its tail. Only the tail's terms are looked up, so the cost is that of the tail.
 */
export function* withTailSteps(base: Postings, own: Postings): Steps<Postings> {
  const m = own.terms.length;
  const freshAt: number[] = [];
  const knownBase = new Int32Array(m);
  const knownOwn = new Int32Array(m);
  let known = 0;
  for (let k = 0; k < m; k++) {
    if (k % 4096 === 4095) yield;
    const id = findTerm(base.terms, own.terms[k]!);
    if (id < 0) freshAt.push(k);
    else {
      knownBase[known] = id;
      knownOwn[known++] = k;
    }
  }
  const fresh = freshAt.map((k) => own.terms[k]!);
  const totals = fieldTotals(base);
  for (let d = 0; d < own.documentCount; d++) for (let f = 0; f < F; f++) totals[f]! += own.fieldLength[d * F + f]!;
  const n = base.documentCount + own.documentCount;
  return {
    ...base,
    documentCount: n,
    averageFieldLength: averages(totals, n),
    tail: { base, own, fresh, freshOwn: Int32Array.from(freshAt), knownBase: knownBase.slice(0, known), knownOwn: knownOwn.slice(0, known) },
  };
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
  const addedTotals = fieldTotals(added);
  const averageFieldLength = averages(
    fieldTotals(base).map((t, f) => t + addedTotals[f]!),
    n,
  );
  return { postings: { documentCount: n, terms, offsets, docs, freqs, fieldLength, averageFieldLength }, moved, fresh };
}
