import { contentWords } from '../src/summary/words.js';

/**
 * Plain TextRank (Mihalcea & Tarau, 2004) as a baseline: sentences are nodes, edges weigh shared
 * content words (stopwords out, light stemming, as common implementations do) normalised by the log
 * of the sentence lengths, PageRank (d = 0.85) ranks them; the top sentence wins.
 */
export function textRankTop(sentences: string[]): string {
  if (sentences.length === 0) return '';
  const ranks = textRank(sentences);
  let best = 0;
  for (let i = 1; i < ranks.length; i++) if (ranks[i]! > ranks[best]!) best = i;
  return sentences[best]!;
}

export function textRank(sentences: string[], damping = 0.85, iterations = 100): number[] {
  const n = sentences.length;
  const tokens = sentences.map((s) => contentWords(s));
  const weight: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = tokens[i]!;
      const b = new Set(tokens[j]!);
      const shared = new Set(a.filter((w) => b.has(w))).size;
      const norm = Math.log(a.length) + Math.log(tokens[j]!.length);
      const w = shared > 0 && norm > 0 ? shared / norm : 0;
      weight[i]![j] = w;
      weight[j]![i] = w;
    }
  }
  const outSum = weight.map((row) => row.reduce((s, w) => s + w, 0));
  let rank = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < iterations; it++) {
    const next = new Array<number>(n).fill((1 - damping) / n);
    for (let j = 0; j < n; j++) {
      if (outSum[j] === 0) {
        for (let i = 0; i < n; i++) next[i]! += (damping * rank[j]!) / n;
        continue;
      }
      for (let i = 0; i < n; i++) if (weight[j]![i]! > 0) next[i]! += (damping * rank[j]! * weight[j]![i]!) / outSum[j]!;
    }
    const delta = next.reduce((s, v, i) => s + Math.abs(v - rank[i]!), 0);
    rank = next;
    if (delta < 1e-9) break;
  }
  return rank;
}
