import type { Query } from 'minisearch';
import { terms } from './analyze.js';
import { documentFrequency, type PaperIndex } from './index.js';
import { makeSnippet } from './snippet.js';
import type { SearchHit } from './types.js';

/** How many of a paper's most telling terms describe it for "More like this". */
const PROFILE_TERMS = 16;

/**
 * "More like this": the papers sharing the most of this paper's distinctive terms (tf·idf over its
 * title, counted twice, and abstract), best first, the paper itself left out. Unknown id: no hits.
 */
export function similar(index: PaperIndex, paperId: string, limit = 5): SearchHit[] {
  const position = index.positions.get(paperId);
  if (position === undefined) return [];
  const paper = index.papers[position]!;
  const counts = new Map<string, number>();
  for (const t of terms(paper.title)) counts.set(t, (counts.get(t) ?? 0) + 2);
  for (const t of terms(paper.abstract)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const n = index.papers.length;
  const weights = new Map<string, number>();
  for (const [term, tf] of counts) {
    const df = documentFrequency(index, term);
    // A term only this paper has links it to nothing; one most papers have says nothing about it.
    if (df < 2 || df > n / 4) continue;
    weights.set(term, (1 + Math.log(tf)) * Math.log(n / df));
  }
  const profile = [...weights].sort((a, b) => b[1] - a[1]).slice(0, PROFILE_TERMS);
  if (profile.length === 0) return [];
  const boost = new Map(profile);
  const query: Query = { combineWith: 'OR', queries: profile.map(([t]) => ({ queries: [t], fuzzy: false, prefix: false })) };
  const results = index.mini.search(query, {
    boostTerm: (term: string) => boost.get(term) ?? 1,
    filter: (r) => r.id !== position,
  });
  return results.slice(0, limit).map((r) => {
    const other = index.papers[r.id as number]!;
    return { paper: other, score: r.score, snippet: makeSnippet(other.abstract, new Set(r.terms)) };
  });
}
