import MiniSearch from 'minisearch';
import type { Paper } from '../corpus/types.js';

/** The papers of one library and their full-text index. */
export interface PaperIndex {
  papers: readonly Paper[];
  byId: ReadonlyMap<string, Paper>;
  mini: MiniSearch<Paper>;
}

export function buildIndex(papers: readonly Paper[]): PaperIndex {
  const mini = new MiniSearch<Paper>({
    fields: ['title', 'abstract', 'organization'],
    storeFields: [],
    searchOptions: { boost: { title: 3 }, fuzzy: 0.2, prefix: true },
  });
  mini.addAll(papers as Paper[]);
  return { papers, byId: new Map(papers.map((p) => [p.id, p])), mini };
}
