import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { Paper } from '../corpus/types.js';
import { buildAcronymTable, type AcronymTable } from './acronyms.js';
import { indexWords, normalizeTerm } from './analyze.js';

/**
 * The papers of one library and their full-text index. MiniSearch stores nothing and knows each
 * paper by its position in `papers`; filters read the precomputed arrays, not the papers.
 */
export interface PaperIndex {
  papers: readonly Paper[];
  /** paper id → position in `papers` */
  positions: ReadonlyMap<string, number>;
  mini: MiniSearch<number>;
  acronyms: AcronymTable;
  /** acronym expansion's first term → the expansions starting with it and their acronym */
  expansionsByFirstTerm: ReadonlyMap<string, ReadonlyArray<{ terms: string[]; acronym: string }>>;
  /** publication day (or first listing day) as YYYYMMDD; 0 when unknown */
  days: Int32Array;
  upvotes: Int32Array;
  /** lower-cased organisation, '' when none */
  orgs: readonly string[];
}

export const FIELDS = ['title', 'abstract', 'organization'] as const;
type Field = (typeof FIELDS)[number];

function miniOptions(papers: readonly Paper[]): Options<number> {
  return {
    fields: [...FIELDS],
    storeFields: [],
    idField: 'id',
    extractField: (position: number, field: string) =>
      field === 'id' ? position : (papers[position]?.[field as Field] ?? ''),
    tokenize: indexWords,
    processTerm: (term: string) => normalizeTerm(term) ?? null,
    // Queries arrive as index terms already (see plan.ts).
    searchOptions: { tokenize: (text: string) => [text], processTerm: (term: string) => term },
  };
}

export function buildIndex(papers: readonly Paper[]): PaperIndex {
  const mini = new MiniSearch<number>(miniOptions(papers));
  mini.addAll(papers.map((_, i) => i));
  const acronyms = buildAcronymTable(texts(papers));
  return assemble(papers, mini, acronyms);
}

/** What a snapshot keeps of an index besides the papers themselves. */
export interface SerializedIndex {
  mini: AsPlainObject;
  acronyms: Array<[string, string[][]]>;
}

export function serializeIndex(index: PaperIndex): SerializedIndex {
  return { mini: index.mini.toJSON(), acronyms: [...index.acronyms.expansions] };
}

export function restoreIndex(papers: readonly Paper[], data: SerializedIndex): PaperIndex {
  const mini = MiniSearch.loadJS<number>(data.mini, miniOptions(papers));
  if (mini.documentCount !== papers.length) throw new Error(`the index holds ${mini.documentCount} papers, the corpus ${papers.length}`);
  return assemble(papers, mini, { expansions: new Map(data.acronyms) });
}

function* texts(papers: readonly Paper[]): Generator<string> {
  for (const p of papers) {
    yield p.title;
    yield p.abstract;
  }
}

function assemble(papers: readonly Paper[], mini: MiniSearch<number>, acronyms: AcronymTable): PaperIndex {
  const n = papers.length;
  const ids = (mini as unknown as { _documentIds: Map<number, number> })._documentIds;
  if (n > 0 && (ids.get(0) !== 0 || ids.get(n - 1) !== n - 1)) throw new Error('the index does not number papers by position');
  const days = new Int32Array(n);
  const upvotes = new Int32Array(n);
  const orgs: string[] = new Array<string>(n);
  const positions = new Map<string, number>();
  papers.forEach((p, i) => {
    positions.set(p.id, i);
    const day = p.publishedAt ?? p.appearances[0]?.pageDate;
    days[i] = day ? Number(day.replaceAll('-', '')) : 0;
    upvotes[i] = p.upvotes ?? 0;
    orgs[i] = p.organization?.toLowerCase() ?? '';
  });
  const expansionsByFirstTerm = new Map<string, Array<{ terms: string[]; acronym: string }>>();
  for (const [acronym, expansions] of acronyms.expansions) {
    for (const terms of expansions) {
      const first = terms[0]!;
      const list = expansionsByFirstTerm.get(first) ?? [];
      list.push({ terms, acronym });
      expansionsByFirstTerm.set(first, list);
    }
  }
  return { papers, positions, mini, acronyms, expansionsByFirstTerm, days, upvotes, orgs };
}

interface TermData {
  get(fieldId: number): Map<number, number> | undefined;
  values(): IterableIterator<Map<number, number>>;
}
interface RadixTree {
  get(term: string): Map<number, Map<number, number>> | undefined;
  fuzzyGet(term: string, distance: number): Map<string, [Map<number, Map<number, number>>, number]>;
}

/** MiniSearch's term tree: looked up directly for "is this a known word" and did-you-mean. */
function tree(index: PaperIndex): RadixTree {
  return (index.mini as unknown as { _index: RadixTree })._index;
}

/** Positions of the papers holding `term` in the given field (or any field), as a mask. */
export function markPostings(index: PaperIndex, term: string, mask: Uint8Array, field?: Field): void {
  const data = tree(index).get(term);
  if (!data) return;
  const fieldId = field === undefined ? undefined : FIELDS.indexOf(field);
  for (const [id, docs] of data) {
    if (fieldId !== undefined && id !== fieldId) continue;
    // MiniSearch's short ids are the positions: papers are added in order from 0 (checked in assemble).
    for (const doc of docs.keys()) mask[doc] = 1;
  }
}

/** How many papers contain `term` in any field (an upper bound: a paper can count once per field). */
export function documentFrequency(index: PaperIndex, term: string): number {
  const data = tree(index).get(term) as TermData | undefined;
  if (!data) return 0;
  let n = 0;
  for (const docs of data.values()) n = Math.max(n, docs.size);
  return n;
}

/** Known terms within `distance` edits of `term`, with their edit distance. */
export function nearTerms(index: PaperIndex, term: string, distance: number): Array<{ term: string; distance: number; df: number }> {
  const out: Array<{ term: string; distance: number; df: number }> = [];
  for (const [t, [data, d]] of tree(index).fuzzyGet(term, distance)) {
    let df = 0;
    for (const docs of data.values()) df = Math.max(df, docs.size);
    out.push({ term: t, distance: d, df });
  }
  return out;
}
