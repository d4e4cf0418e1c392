import MiniSearch, { type Options } from 'minisearch';
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

/**
 * What a snapshot keeps of an index besides the papers: MiniSearch's posting lists as flat typed
 * arrays (read back many times faster than its toJSON() objects) and the acronym table.
 */
export interface SerializedIndex {
  format: 'paperwire-postings-1';
  documentCount: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  /** per paper, per field: its length in terms */
  fieldLength: Int32Array;
  terms: string[];
  /** per term: how many fields it has postings in */
  termFields: Uint8Array;
  /** per (term, field): the field id and how many papers */
  entryField: Uint8Array;
  entryLength: Uint32Array;
  docs: Int32Array;
  freqs: Uint16Array;
  acronyms: Array<[string, string[][]]>;
}

/** The parts of MiniSearch 7 a snapshot reads and restores (not in its typings). */
interface MiniInternals {
  _documentCount: number;
  _nextId: number;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _fieldLength: Map<number, number[]>;
  _documentIds: Map<number, number>;
  _idToShortId: Map<number, number>;
  _index: Map<string, Map<number, Map<number, number>>> & Iterable<[string, Map<number, Map<number, number>>]>;
}

export function serializeIndex(index: PaperIndex): SerializedIndex {
  const mini = index.mini as unknown as MiniInternals;
  const n = index.papers.length;
  const fields = FIELDS.length;
  const fieldLength = new Int32Array(n * fields);
  for (const [doc, lengths] of mini._fieldLength) for (let f = 0; f < fields; f++) fieldLength[doc * fields + f] = lengths[f] ?? 0;
  const terms: string[] = [];
  const termFields: number[] = [];
  const entryField: number[] = [];
  const entryLength: number[] = [];
  let total = 0;
  for (const [, data] of mini._index) for (const docs of data.values()) total += docs.size;
  const docs = new Int32Array(total);
  const freqs = new Uint16Array(total);
  let k = 0;
  for (const [term, data] of mini._index) {
    terms.push(term);
    termFields.push(data.size);
    for (const [fieldId, postings] of data) {
      entryField.push(fieldId);
      entryLength.push(postings.size);
      for (const [doc, freq] of postings) {
        docs[k] = doc;
        freqs[k++] = Math.min(freq, 65535);
      }
    }
  }
  return {
    format: 'paperwire-postings-1',
    documentCount: mini._documentCount,
    fieldIds: mini._fieldIds,
    averageFieldLength: mini._avgFieldLength,
    fieldLength,
    terms,
    termFields: Uint8Array.from(termFields),
    entryField: Uint8Array.from(entryField),
    entryLength: Uint32Array.from(entryLength),
    docs,
    freqs,
    acronyms: [...index.acronyms.expansions],
  };
}

export function restoreIndex(papers: readonly Paper[], data: SerializedIndex): PaperIndex {
  if (data.format !== 'paperwire-postings-1') throw new Error('unknown snapshot index format');
  const n = papers.length;
  if (data.documentCount !== n) throw new Error(`the index holds ${data.documentCount} papers, the corpus ${n}`);
  const mini = MiniSearch.loadJS<number>(
    {
      documentCount: n,
      nextId: n,
      documentIds: {},
      fieldIds: data.fieldIds,
      fieldLength: {},
      averageFieldLength: data.averageFieldLength,
      storedFields: {},
      dirtCount: 0,
      index: [],
      serializationVersion: 2,
    },
    miniOptions(papers),
  );
  const internals = mini as unknown as MiniInternals;
  const fields = FIELDS.length;
  for (let doc = 0; doc < n; doc++) {
    internals._documentIds.set(doc, doc);
    internals._idToShortId.set(doc, doc);
    internals._fieldLength.set(doc, Array.from(data.fieldLength.subarray(doc * fields, doc * fields + fields)));
  }
  let entry = 0;
  let k = 0;
  data.terms.forEach((term, t) => {
    const fieldMap = new Map<number, Map<number, number>>();
    for (let f = 0; f < data.termFields[t]!; f++, entry++) {
      const postings = new Map<number, number>();
      const end = k + data.entryLength[entry]!;
      for (; k < end; k++) postings.set(data.docs[k]!, data.freqs[k]!);
      fieldMap.set(data.entryField[entry]!, postings);
    }
    internals._index.set(term, fieldMap);
  });
  if (k !== data.docs.length) throw new Error('the snapshot postings do not add up');
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
