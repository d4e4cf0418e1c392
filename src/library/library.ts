import { loadCorpus, type LoadedCorpus } from '../corpus/load.js';
import type { ParseOptions } from '../corpus/parse.js';
import type { CorpusWarning, FileReport, Paper } from '../corpus/types.js';
import { fromPackageRoot } from '../util/paths.js';
import { buildIndex, buildIndexInSlices, restoreIndex, serializeIndex, type PaperIndex } from '../search/index.js';
import { corpusKey, readSnapshot, snapshotPath, writeSnapshot, type SnapshotMiss } from './snapshot.js';

/** Everything read from one version of the corpus: the papers, their search index and what was skipped. */
export interface Library {
  version: string;
  papers: readonly Paper[];
  byId: ReadonlyMap<string, Paper>;
  index: PaperIndex;
  warnings: readonly CorpusWarning[];
  files: readonly FileReport[];
}

export function buildLibrary(corpus: LoadedCorpus): Library {
  return fromParts(corpus, buildIndex(corpus.papers));
}

function fromParts(corpus: LoadedCorpus, index: PaperIndex): Library {
  return {
    version: corpus.version,
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
