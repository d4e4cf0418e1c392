import type { LoadedCorpus } from './corpus/load.js';
import type { CorpusWarning, FileReport, Paper } from './corpus/types.js';
import { buildIndex, type PaperIndex } from './search/index.js';

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
  return {
    version: corpus.version,
    papers: corpus.papers,
    byId: new Map(corpus.papers.map((p) => [p.id, p])),
    index: buildIndex(corpus.papers),
    warnings: corpus.warnings,
    files: corpus.files,
  };
}
