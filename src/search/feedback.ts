import { terms } from './analyze.js';
import { evaluate, type Evaluation } from './evaluate.js';
import { documentFrequency, type PaperIndex } from './index.js';
import type { Plan } from './plan.js';
import { lowerBound } from './postings.js';
import { stem } from './stem.js';
import { TopK, type Ranked } from '../util/topk.js';

/** Results read for feedback terms, terms taken from them, and the weight of a feedback match beside the query's. */
const FEEDBACK_DOCS = 3;
const FEEDBACK_TERMS = 8;
const FEEDBACK_WEIGHT = 0.2;
/** How many papers feedback may bring in that match none of the query's words. */
const ADDED = 100;

export interface Expansion {
  index: PaperIndex;
  plan: Plan;
  evaluation: Evaluation;
  /** whether a paper passes the query's filters */
  keep: (position: number) => boolean;
}

/**
 * RM3-style pseudo-relevance feedback: the terms most characteristic of the best few results (by
 * share of their text times rarity; neither the query's nor too common) score every paper holding
 * them, and that score is added, scaled to the best result's, to the ranked list (papers new to it
 * join after the ones matching the query). Only rarer terms are read, so the cost stays bounded.
 */
export function withFeedback(x: Expansion, ranked: Ranked[], strictCount: number): Ranked[] {
  const { index, plan } = x;
  const asked = new Set(plan.terms.map(stem));
  const weights = new Map<string, number>();
  const rarity = new Map<string, number>();
  for (const r of ranked.slice(0, FEEDBACK_DOCS)) {
    for (const { term, share, idf } of paperTerms(index, r.position)) {
      weights.set(term, (weights.get(term) ?? 0) + share);
      rarity.set(term, idf);
    }
  }
  const chosen: Array<{ term: string; weight: number }> = [];
  for (const [t, w] of weights) if (!asked.has(stem(t))) chosen.push({ term: t, weight: w * rarity.get(t)! });
  chosen.sort((a, b) => b.weight - a.weight);
  return expandWith(x, ranked, strictCount, chosen.slice(0, FEEDBACK_TERMS));
}

/** A term of a paper that feedback may choose: its share of the paper's text (the title counted twice) and its rarity, log(n / df). */
interface PaperTerm {
  term: string;
  share: number;
  idf: number;
}

/** Papers whose terms an index keeps for feedback (the best answers of the queries asked lately; a few MB at most). */
const PAPER_LIMIT = 2048;
const paperCache = new WeakMap<PaperIndex, Map<number, PaperTerm[]>>();

/**
 * The terms of a paper feedback may choose (in two papers or more, in no more than a tenth of them,
 * not a bare number), worked out once per index: the same papers come back as the best answers of
 * many queries, and reading a paper's text (its words normalised, each term looked up) was most of
 * the time feedback took.
 */
function paperTerms(index: PaperIndex, position: number): PaperTerm[] {
  let cache = paperCache.get(index);
  if (!cache) paperCache.set(index, (cache = new Map()));
  let out = cache.get(position);
  if (!out) {
    const p = index.papers[position]!;
    const all = terms(`${p.title} ${p.title} ${p.abstract}`);
    const counts = new Map<string, number>();
    for (const t of all) counts.set(t, (counts.get(t) ?? 0) + 1);
    const n = index.papers.length;
    out = [];
    for (const [term, count] of counts) {
      const df = documentFrequency(index, term);
      if (df >= 2 && df <= n / 10 && !/^\d+$/.test(term)) out.push({ term, share: count / all.length, idf: Math.log(n / df) });
    }
    if (cache.size >= PAPER_LIMIT) cache.clear();
    cache.set(position, out);
  }
  return out;
}

/**
 * Adds to each ranked paper its score for `top` (an OR of the terms, each by its weight), scaled so
 * that the best of them counts `FEEDBACK_WEIGHT` of the best result. The papers matching every word
 * (the first `strictCount`) are reordered among themselves, the partial matches among themselves,
 * and the papers only `top` finds join at the end.
 */
function expandWith(x: Expansion, ranked: Ranked[], strictCount: number, top: ReadonlyArray<{ term: string; weight: number }>): Ranked[] {
  if (top.length === 0 || ranked.length === 0) return ranked;
  const most = top[0]!.weight;
  const raw = evaluate(x.evaluation, { any: top.map((t) => ({ term: t.term, fuzzy: 0, prefix: false, boost: t.weight / most })) });
  if (raw.ids.length === 0) return ranked;
  const best = ranked[0]!.score;
  let mostFeedback = 0;
  for (let k = 0; k < raw.ids.length; k++) mostFeedback = Math.max(mostFeedback, raw.scores[k]!);
  const scale = (best * FEEDBACK_WEIGHT) / mostFeedback;
  // The ranked papers' feedback scores by binary search (raw.ids ascending); new papers through a top-k.
  const scored = ranked.map((r) => {
    const k = lowerBound(raw.ids, r.position);
    return { position: r.position, score: r.score + (raw.ids[k] === r.position ? raw.scores[k]! * scale : 0) };
  });
  const seen = new Set(ranked.map((r) => r.position));
  const added = new TopK(ADDED, (a, b) => b.score - a.score || a.position - b.position);
  for (let k = 0; k < raw.ids.length; k++) {
    const position = raw.ids[k]!;
    if (!seen.has(position) && x.keep(position)) added.offer(position, raw.scores[k]! * scale);
  }
  const byScore = (a: Ranked, b: Ranked) => b.score - a.score || a.position - b.position;
  return [...scored.slice(0, strictCount).sort(byScore), ...scored.slice(strictCount).sort(byScore), ...added.sorted()];
}
