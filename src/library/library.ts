import { loadCorpus, type LoadedCorpus } from '../corpus/load.js';
import type { ParseOptions } from '../corpus/parse.js';
import type { CorpusWarning, FileReport, Paper } from '../corpus/types.js';
import { fromPackageRoot } from '../util/paths.js';
import { appendSteps, buildIndex, buildIndexInSlices, restoreIndex, serializeIndex, type PaperIndex } from '../search/index.js';
import { runToEnd, type Steps } from '../util/steps.js';
import { joinSteps, keySteps, type PaperKeys } from './join.js';
import { corpusKey, readSnapshot, snapshotPath, writeSnapshot, type SnapshotMiss } from './snapshot.js';

/** Everything read from one version of the corpus and the ingested papers: the papers, their search index and what was skipped. */
export interface Library {
  /** The corpus version, then `+<ingest version>` once ingested papers joined it. */
  version: string;
  /** A hash of the page files. */
  corpusVersion: string;
  /** The ingested papers' version (the store's change counter) this library holds; 0 for none. */
  ingestVersion: number;
  papers: readonly Paper[];
  byId: ReadonlyMap<string, Paper>;
  index: PaperIndex;
  warnings: readonly CorpusWarning[];
  files: readonly FileReport[];
  /** Where each paper is by arXiv id and title, for joining ingested papers (built at the first join). */
  keys?: PaperKeys;
}

export function buildLibrary(corpus: LoadedCorpus): Library {
  return fromParts(corpus, buildIndex(corpus.papers));
}

/** The library of a corpus with ingested papers joined to it. */
export function buildLibraryWith(corpus: LoadedCorpus, ingested: Ingested): Library {
  return runToEnd(joinLibrarySteps(buildLibrary(corpus), ingested));
}

/** Papers from the daily papers API, as of a version of the store. */
export interface Ingested {
  papers: readonly Paper[];
  version: number;
}

/**
 * The library with ingested papers joined (see join.ts): known papers updated in place, new ones
 * appended to the index without rebuilding it.
 */
export function* joinLibrarySteps(library: Library, ingested: Ingested): Steps<Library> {
  if (ingested.papers.length === 0) return { ...library, ingestVersion: ingested.version, version: versionOf(library.corpusVersion, ingested.version) };
  const keys = library.keys ?? (yield* keySteps(library.papers));
  const joined = yield* joinSteps(library.papers, keys, ingested.papers);
  const index = yield* appendSteps(library.index, joined.papers);
  const byId = new Map<string, Paper>();
  for (let i = 0; i < joined.papers.length; i++) {
    if (i % 8192 === 8191) yield;
    const paper = joined.papers[i]!;
    byId.set(paper.id, paper);
    if (paper.aliases) for (const alias of paper.aliases) byId.set(alias, paper);
  }
  return {
    ...library,
    version: versionOf(library.corpusVersion, ingested.version),
    ingestVersion: ingested.version,
    papers: joined.papers,
    byId,
    index,
    keys: joined.keys,
  };
}

const versionOf = (corpusVersion: string, ingestVersion: number) => (ingestVersion > 0 ? `${corpusVersion}+${ingestVersion}` : corpusVersion);

function fromParts(corpus: LoadedCorpus, index: PaperIndex): Library {
  return {
    version: corpus.version,
    corpusVersion: corpus.version,
    ingestVersion: 0,
    papers: corpus.papers,
    byId: new Map(corpus.papers.map((p) => [p.id, p])),
    index,
    warnings: corpus.warnings,
    files: corpus.files,
  };
}

export const DEFAULT_CACHE_DIR = 'data/.cache';

export interface LoadLibraryOptions extends ParseOptions {
  /** Where snapshots are kept (default data/.cache); false to neither read nor write one. */
  cacheDir?: string | false;
  /** Told why a snapshot was not used, or that writing one failed (never fatal). */
  onSnapshot?: (event: { status: 'hit' } | { status: SnapshotMiss } | { status: 'write-failed'; error: Error }) => void;
}

/**
 * The library of a corpus directory: from its snapshot when the page files are byte-for-byte those
 * it was made from and it verifies, else parsed and indexed afresh (and the snapshot rewritten).
 */
export async function loadLibrary(dir: string, options: LoadLibraryOptions = {}): Promise<Library> {
  const { cacheDir = DEFAULT_CACHE_DIR, onSnapshot, ...parse } = options;
  if (cacheDir === false) return buildLibrary(await loadCorpus(dir, parse));
  const now = parse.now ?? new Date();
  const path = snapshotPath(fromPackageRoot(cacheDir), dir);
  let key: string;
  try {
    key = await corpusKey(dir, parse);
  } catch {
    // The directory cannot be read: loadCorpus says why.
    return buildLibrary(await loadCorpus(dir, parse));
  }
  const snapshot = await readSnapshot(path, key, now);
  if (typeof snapshot !== 'string') {
    try {
      const library = fromParts(snapshot.corpus, await restoreIndex(snapshot.corpus.papers, snapshot.index));
      onSnapshot?.({ status: 'hit' });
      return library;
    } catch {
      onSnapshot?.({ status: 'corrupt' });
    }
  } else onSnapshot?.({ status: snapshot });
  const corpus = await loadCorpus(dir, { ...parse, now });
  // In slices: a live reload builds while the bot keeps answering from the old library.
  const index = await buildIndexInSlices(corpus.papers);
  try {
    await writeSnapshot(path, key, now, corpus, serializeIndex(index));
  } catch (error) {
    onSnapshot?.({ status: 'write-failed', error: error as Error });
  }
  return fromParts(corpus, index);
}
