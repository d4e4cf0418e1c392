import type { Paper } from '../corpus/types.js';
import type { Evaluation } from './evaluate.js';
import { acronymSteps, type AcronymTable } from './acronyms.js';
import { appendPostingSteps, withTailSteps } from './postings-append.js';
import { checkPostings, postingSteps, FIELDS, frequencyOf, markTerm, termId, termOf, type Field, type Postings } from './postings.js';
import { runInSlices, runToEnd, type Steps } from '../util/steps.js';
import { extendVocabularySteps, fuzzyTerms, tailVocabularySteps, vocabularySteps, type Vocabulary } from './vocabulary.js';

/**
 * The papers of one library and their full-text index. Postings know each paper by its position
 * in `papers`; filters read the precomputed arrays, not the papers.
 */
export interface PaperIndex {
  papers: readonly Paper[];
  /** paper id → position in `papers` */
  positions: ReadonlyMap<string, number>;
  postings: Postings;
  vocabulary: Vocabulary;
  acronyms: AcronymTable;
  /** acronym expansion's first term → the expansions starting with it and their acronym */
  expansionsByFirstTerm: ReadonlyMap<string, ReadonlyArray<{ terms: string[]; acronym: string }>>;
  /** publication day (or first listing day) as YYYYMMDD; 0 when unknown */
  days: Int32Array;
  upvotes: Int32Array;
  /**
   * A small popularity prior multiplying each paper's score: among equally good matches, papers
   * more people upvoted and that were listed on more days come first.
   */
  priors: Float64Array;
  /** lower-cased organisation, '' when none */
  orgs: readonly string[];
}

export function buildIndex(papers: readonly Paper[]): PaperIndex {
  return runToEnd(indexSteps(papers));
}

/** The same build in slices, leaving the event loop free between them (see steps.ts). */
export function buildIndexInSlices(papers: readonly Paper[], sliceMs?: number): Promise<PaperIndex> {
  return runInSlices(indexSteps(papers), sliceMs);
}

function* indexSteps(papers: readonly Paper[]): Steps<PaperIndex> {
  const postings = yield* postingSteps(papers);
  const vocabulary = yield* vocabularySteps(postings.terms);
  const acronyms = yield* acronymSteps(texts(papers));
  return yield* assembleSteps(papers, postings, vocabulary, acronyms);
}

/** Appended papers a tail may hold before it is folded into the base (see Tail in postings.ts). */
export const TAIL_LIMIT = 5_000;

/**
 * The index of `papers`: `index.papers` (some replaced by newer records with the same text, e.g. new
 * upvotes) followed by new papers. Only the new papers are analysed; their postings join the tail of
 * papers appended since the last full build, so a day of papers touches none of the big arrays. When
 * the tail would pass `tailLimit` papers, it is merged into the base (a copy of the big arrays).
 */
export function* appendSteps(index: PaperIndex, papers: readonly Paper[], tailLimit = TAIL_LIMIT): Steps<PaperIndex> {
  const added = papers.slice(index.papers.length);
  if (added.length === 0) return yield* assembleSteps(papers, index.postings, index.vocabulary, index.acronyms);
  const acronyms = mergeAcronyms(index.acronyms, yield* acronymSteps(texts(added)));
  const current = index.postings;
  const base = current.tail?.base ?? current;
  const baseVocabulary: Vocabulary = { tree: index.vocabulary.tree, positions: index.vocabulary.positions };
  let own = yield* postingSteps(added);
  if (current.tail) own = (yield* appendPostingSteps(current.tail.own, own)).postings;
  if (own.documentCount > tailLimit) {
    const { postings, moved, fresh } = yield* appendPostingSteps(base, own);
    const vocabulary = yield* extendVocabularySteps(baseVocabulary, postings.terms, moved, fresh);
    return yield* assembleSteps(papers, postings, vocabulary, acronyms);
  }
  const postings = yield* withTailSteps(base, own);
  const vocabulary = yield* tailVocabularySteps(baseVocabulary, postings.terms, postings.tail!.fresh);
  return yield* assembleSteps(papers, postings, vocabulary, acronyms);
}

/** Postings without a tail: a tail merged into its base (for a snapshot, which stores one set of arrays). */
function folded(postings: Postings): Postings {
  return postings.tail ? runToEnd(appendPostingSteps(postings.tail.base, postings.tail.own)).postings : postings;
}

/** The expansions of both tables; `more`'s new forms after the ones already known. */
function mergeAcronyms(known: AcronymTable, more: AcronymTable): AcronymTable {
  const expansions = new Map(known.expansions);
  for (const [acronym, forms] of more.expansions) {
    const list = expansions.get(acronym) ?? [];
    const have = new Set(list.map((f) => f.join(' ')));
    const fresh = forms.filter((f) => !have.has(f.join(' ')));
    if (fresh.length > 0) expansions.set(acronym, [...list, ...fresh]);
  }
  return { expansions };
}

/** What a snapshot keeps of an index besides the papers: the postings' arrays and the acronym table. */
export interface SerializedIndex {
  format: 'paperwire-postings-2';
  postings: Postings;
  acronyms: Array<[string, string[][]]>;
}

export function serializeIndex(index: PaperIndex): SerializedIndex {
  return { format: 'paperwire-postings-2', postings: folded(index.postings), acronyms: [...index.acronyms.expansions] };
}

/** The index of a snapshot; the vocabulary's radix tree is rebuilt in slices. */
export async function restoreIndex(papers: readonly Paper[], data: SerializedIndex): Promise<PaperIndex> {
  if (data.format !== 'paperwire-postings-2') throw new Error('unknown snapshot index format');
  checkPostings(data.postings, papers.length);
  const vocabulary = await runInSlices(vocabularySteps(data.postings.terms));
  return runToEnd(assembleSteps(papers, data.postings, vocabulary, { expansions: new Map(data.acronyms) }));
}

function* texts(papers: readonly Paper[]): Generator<string> {
  for (const p of papers) {
    yield p.title;
    yield p.abstract;
  }
}

function* assembleSteps(papers: readonly Paper[], postings: Postings, vocabulary: Vocabulary, acronyms: AcronymTable): Steps<PaperIndex> {
  const n = papers.length;
  const days = new Int32Array(n);
  const upvotes = new Int32Array(n);
  const priors = new Float64Array(n);
  const orgs: string[] = new Array<string>(n);
  const positions = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (i % 8192 === 8191) yield;
    const p = papers[i]!;
    positions.set(p.id, i);
    if (p.aliases) for (const alias of p.aliases) positions.set(alias, i);
    const day = p.publishedAt ?? p.appearances[0]?.pageDate ?? p.listDate;
    days[i] = day ? Number(day.replaceAll('-', '')) : 0;
    upvotes[i] = p.upvotes ?? 0;
    const listings = Math.max(1, p.appearances.length, p.listDates?.length ?? 0);
    priors[i] = 1 + 0.04 * Math.log1p(upvotes[i]!) + 0.03 * Math.min(3, listings - 1);
    orgs[i] = p.organization?.toLowerCase() ?? '';
  }
  const expansionsByFirstTerm = new Map<string, Array<{ terms: string[]; acronym: string }>>();
  for (const [acronym, expansions] of acronyms.expansions) {
    for (const terms of expansions) {
      const first = terms[0]!;
      const list = expansionsByFirstTerm.get(first) ?? [];
      list.push({ terms, acronym });
      expansionsByFirstTerm.set(first, list);
    }
  }
  return { papers, positions, postings, vocabulary, acronyms, expansionsByFirstTerm, days, upvotes, priors, orgs };
}

/** A fresh evaluation of a query over this index, with `fieldBoost` per field (see evaluate.ts). */
export function evaluationOf(index: PaperIndex, fieldBoost: readonly number[]): Evaluation {
  return { postings: index.postings, vocabulary: index.vocabulary, fieldBoost, derived: new Set() };
}

/** Positions of the papers holding `term` in the given field (or any field), as a mask. */
export function markPostings(index: PaperIndex, term: string, mask: Uint8Array, field?: Field): void {
  const id = termId(index.postings, term);
  if (id >= 0) markTerm(index.postings, id, mask, field === undefined ? undefined : FIELDS.indexOf(field));
}

/** How many papers contain `term` in any field (an upper bound: a paper can count once per field). */
export function documentFrequency(index: PaperIndex, term: string): number {
  const id = termId(index.postings, term);
  return id < 0 ? 0 : frequencyOf(index.postings, id);
}

/** Known terms within `distance` edits of `term`, with their edit distance. */
export function nearTerms(index: PaperIndex, term: string, distance: number): Array<{ term: string; distance: number; df: number }> {
  const p = index.postings;
  return fuzzyTerms(index.vocabulary, term, distance).map(({ id, distance: d }) => ({ term: termOf(p, id), distance: d, df: frequencyOf(p, id) }));
}
