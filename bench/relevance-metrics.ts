/** Ranking metrics over graded judgements (grade 0 = not relevant, higher = more relevant). */

export type Judgements = ReadonlyMap<string, number>;

/** nDCG@k with gain 2^grade - 1 and a log2 discount; 1 when nothing is judged relevant and nothing is returned. */
export function ndcgAt(ranked: readonly string[], judged: Judgements, k = 10): number {
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + (2 ** (judged.get(id) ?? 0) - 1) / Math.log2(i + 2), 0);
  const ideal = [...judged.values()]
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  return ideal === 0 ? 1 : dcg / ideal;
}

/** 1 / rank of the first relevant result (0 when none is in the list). */
export function reciprocalRank(ranked: readonly string[], judged: Judgements): number {
  const i = ranked.findIndex((id) => (judged.get(id) ?? 0) > 0);
  return i < 0 ? 0 : 1 / (i + 1);
}

/** Share of the relevant papers found in the first k. */
export function recallAt(ranked: readonly string[], judged: Judgements, k = 10): number {
  const relevant = [...judged].filter(([, g]) => g > 0).map(([id]) => id);
  if (relevant.length === 0) return 1;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

export interface Scores {
  ndcg: number;
  mrr: number;
  recall: number;
  queries: number;
}

export function mean(rows: readonly Omit<Scores, 'queries'>[]): Scores {
  const n = rows.length || 1;
  return {
    ndcg: rows.reduce((s, r) => s + r.ndcg, 0) / n,
    mrr: rows.reduce((s, r) => s + r.mrr, 0) / n,
    recall: rows.reduce((s, r) => s + r.recall, 0) / n,
    queries: rows.length,
  };
}
