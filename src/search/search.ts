import type { PaperIndex } from './index.js';
import type { SearchOptions, SearchResponse } from './types.js';

/** Free-text search over the index, best first. */
export function search(index: PaperIndex, query: string, options: SearchOptions = {}): SearchResponse {
  const { limit = 10, offset = 0 } = options;
  const results = index.mini.search(query);
  const hits = results.slice(offset, offset + limit).map((r) => {
    const paper = index.byId.get(r.id as string)!;
    return { paper, score: r.score, snippet: { text: paper.abstract.slice(0, 300), marks: [] } };
  });
  return { hits, total: results.length, suggestions: [] };
}
