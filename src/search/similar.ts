import { terms } from './analyze.js';
import { evaluate } from './evaluate.js';
import { documentFrequency, evaluationOf, type PaperIndex } from './index.js';
import { FIELDS, holds, termId } from './postings.js';
import { makeSnippet } from './snippet.js';
import type { SearchHit } from './types.js';

/** How many of a paper's most telling terms describe it for "More like this". */
const PROFILE_TERMS = 16;
/** A shared term counts the same in every field. */
const UNBOOSTED = FIELDS.map(() => 1);

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
  const { ids, scores, matched } = evaluate(evaluationOf(index, UNBOOSTED), {
    any: profile.map(([term, weight]) => ({ term, fuzzy: 0, prefix: false, boost: weight })),
  });
  const best: Array<{ position: number; score: number }> = [];
  // Sharing more of the profile counts on top of how strongly: the score times the terms shared.
  for (let k = 0; k < ids.length; k++) if (ids[k] !== position) best.push({ position: ids[k]!, score: scores[k]! * matched![k]! });
  best.sort((a, b) => b.score - a.score || a.position - b.position);
  const profileIds = profile.map(([term]) => termId(index.postings, term));
  return best.slice(0, limit).map((r) => {
    const other = index.papers[r.position]!;
    const shared = new Set(profile.filter((_, k) => holds(index.postings, profileIds[k]!, r.position)).map(([term]) => term));
    return { paper: other, score: r.score, snippet: makeSnippet(other.abstract, shared) };
  });
}
