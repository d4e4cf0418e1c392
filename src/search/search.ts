import { titleKey } from '../corpus/text.js';
import { terms } from './analyze.js';
import { isOn } from './features.js';
import { evaluate, type Evaluation, type Matches, type QueryNode } from './evaluate.js';
import { documentFrequency, evaluationOf, markPostings, type PaperIndex } from './index.js';
import { type Group, groupQuery, looseFrequency, planQuery, type Plan } from './plan.js';
import { withDomainTerms } from './domain.js';
import { withFeedback } from './feedback.js';
import { FIELDS, holds, termOf } from './postings.js';
import { TopK, type Ranked } from '../util/topk.js';
import { escapeRegExp } from '../util/regexp.js';
import { parseQuery, type ParsedQuery } from './query.js';
import { makeSnippet } from './snippet.js';
import { correctWords, suggestFor } from './suggest.js';
import type { SearchOptions, SearchResponse } from './types.js';

/** How many of the best candidates are re-ranked with title evidence. */
const RERANK_DEPTH = 100;
/** With fewer papers than this matching every word, papers matching most words follow them. */
const PARTIAL_BELOW = 10;
/** A query word in no more than this share of the papers seeds the partial matches (as feedback's terms, a tenth). */
const SEED_SHARE = 0.1;
/** A domain-table alternative in no more papers than this seeds whatever its share. */
const SEED_ALWAYS = 1_000;
/** A paper writing a hyphenated word or a comparison's side as typed (see Plan.units). */
const UNIT_BOOST = 1.2;
/** A word in the title counts this many times a word in the abstract. */
const TITLE_BOOST = 2.5;

interface Outcome {
  total: number;
  /** The best `depth` in order (all of them for `matches`). */
  ranked: Ranked[];
  /** Vocabulary terms the query matched through (typo and prefix matches included). */
  derived: Set<number>;
}

/** Searches with the query language (see query.ts); best first. Throws QueryError for a malformed query. */
export function search(index: PaperIndex, query: string, options: SearchOptions = {}): SearchResponse {
  const { limit = 10, offset = 0 } = options;
  const parsed = parseQuery(query);
  const plan = planQuery(index, parsed);
  const depth = Math.max(offset + limit, RERANK_DEPTH);
  // The filters are the same for every pass: worked out once (an exclusion marks every paper it drops).
  const keep = filterOf(index, parsed);
  let outcome = run(index, parsed, plan, keep, 'AND', depth);
  /** The papers matching every word come first (before partial matches and feedback's papers). */
  const strictCount = outcome.ranked.length;
  // A misspelt word makes any answer a weak one: it was matched only through its likely corrections.
  const corrected = correctWords(index, query);
  const suggestions = outcome.total === 0 ? suggestFor(index, query, parsed, corrected) : [];
  const didYouMean = corrected !== query ? corrected : undefined;
  if (outcome.total < PARTIAL_BELOW && plan.groups.length > 1 && parsed.phrases.length === 0) {
    // Few papers have every word: those with most of them follow.
    // Papers saying some of the words in the field's other words count among them (see domain.ts).
    const partial = run(index, parsed, withDomainTerms(index, plan), keep, 'OR', depth);
    const strict = new Set(outcome.ranked.map((r) => r.position));
    const more = partial.ranked.filter((r) => !strict.has(r.position));
    outcome = { total: partial.total, ranked: [...outcome.ranked, ...more], derived: new Set([...outcome.derived, ...partial.derived]) };
  }
  if (isOn('feedback') && parsed.sort === 'relevance' && parsed.phrases.length === 0 && plan.groups.length > 0 && outcome.ranked.length > 0) {
    const ranked = withFeedback({ index, plan, evaluation: evaluation(index), keep }, outcome.ranked, strictCount);
    // Papers feedback brought in are answers too: counted, so "1–5 of N" and Next stay true.
    outcome = { ...outcome, ranked, total: outcome.total + Math.max(0, ranked.length - outcome.ranked.length) };
  }
  const derived = [...outcome.derived];
  const hits = outcome.ranked.slice(offset, offset + limit).map((r) => {
    const paper = index.papers[r.position]!;
    const matched = new Set(plan.terms);
    for (const id of derived) if (holds(index.postings, id, r.position)) matched.add(termOf(index.postings, id));
    return { paper, score: r.score, snippet: makeSnippet(paper.abstract, matched) };
  });
  return { hits, total: outcome.total, suggestions, ...(didYouMean ? { didYouMean } : {}) };
}

/** The ids of every paper the query matches (all of its words, its phrases and filters). */
export function matches(index: PaperIndex, query: string): Set<string> {
  const parsed = parseQuery(query);
  const plan = planQuery(index, parsed);
  const { ranked } = run(index, parsed, plan, filterOf(index, parsed), 'AND', Number.POSITIVE_INFINITY);
  return new Set(ranked.map((r) => index.papers[r.position]!.id));
}

const FIELD_BOOST = FIELDS.map((f) => (f === 'title' ? TITLE_BOOST : 1));

const evaluation = (index: PaperIndex): Evaluation => evaluationOf(index, FIELD_BOOST);

/**
 * The papers worth scoring, as a mask over positions, or undefined for all. A paper matching most
 * groups must match one of the two rarest: those are looked up first and the common terms' long
 * posting lists only score their papers. (An AND orders its parts by rarity by itself.) Filters
 * narrow the mask too.
 */
function candidates(index: PaperIndex, plan: Plan, combineWith: 'AND' | 'OR', keep: (position: number) => boolean, filtered: boolean): Uint8Array | undefined {
  const n = index.papers.length;
  let mask: Uint8Array | undefined;
  if (plan.groups.length > 1 && combineWith === 'OR') {
    const byRarity = plan.groups.map((g, k) => ({ g, df: groupFrequency(index, g, k === plan.groups.length - 1) })).sort((a, b) => a.df - b.df);
    // Partial matches only fill the list after the full ones: the rarest groups always seed them (two,
    // or three of a long query, whose relevant papers may miss both of its two rarest words), and so
    // does every group in no more than a tenth of the papers: a question in other words may share only
    // its plainer words with the paper it means ("filling in missing regions of a photo").
    const rarest = isOn('seeds') && plan.groups.length >= 5 ? 3 : 2;
    const seeds = byRarity.filter((s, k) => k < rarest || (isOn('wideSeeds') && s.df <= n * SEED_SHARE));
    if (seeds.reduce((sum, s) => sum + s.df, 0) < n / 2) {
      mask = new Uint8Array(n);
      const ev = evaluation(index);
      for (const { g } of seeds) {
        const { ids } = evaluate(ev, groupQuery(index, { groups: [seedOf(index, g)], terms: [], units: [] }, 0));
        for (const position of ids) if (keep(position)) mask[position] = 1;
      }
      return mask;
    }
  }
  if (!filtered) return undefined;
  mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (keep(i)) mask[i] = 1;
  return mask;
}

/**
 * A seed group with only the domain table's alternatives that are rare enough to seed as a typed word
 * would (a tenth of the papers, or any in a library small enough that reading them costs nothing): a
 * common alternative ("image" for "photo") still scores the papers found, but seeding with it would
 * make most of a large library candidates (60,000 of 100,000 papers, 40-80 ms a query).
 */
function seedOf(index: PaperIndex, g: Group): Group {
  if (g.borrowed === undefined) return g;
  const most = Math.max(index.papers.length * SEED_SHARE, SEED_ALWAYS);
  const keep = g.clauses.map((clause, c) => c < g.borrowed! || Math.min(...clause.map((t) => documentFrequency(index, t))) <= most);
  return { ...g, clauses: g.clauses.filter((_, c) => keep[c]), ...(g.weights ? { weights: g.weights.filter((_, c) => keep[c]) } : {}) };
}

/**
 * Roughly how many papers a group matches; a word unknown to the index (a typo, a prefix) by what it
 * will be matched through (its likeliest correction, its completions, its stem's words), so that a
 * misspelt rare word still seeds the partial matches. A group matching nothing counts as common.
 */
function groupFrequency(index: PaperIndex, group: Plan['groups'][number], last: boolean): number {
  let total = 0;
  for (const [c, clause] of group.clauses.entries()) {
    if (group.borrowed !== undefined && c >= group.borrowed) break;
    let least = Number.POSITIVE_INFINITY;
    for (const [k, term] of clause.entries()) {
      const known = documentFrequency(index, term);
      const loose =
        group.exact || c > 0 || known > 0 ? known : isOn('seeds') ? looseFrequency(index, term, last && k === clause.length - 1) : index.papers.length;
      least = Math.min(least, loose);
    }
    total += least;
  }
  return Math.min(total, index.papers.length) || index.papers.length;
}

/** Each group's rarity (BM25's idf of about how many papers it matches), for a partial match's coverage. */
function groupWeights(index: PaperIndex, plan: Plan): number[] {
  const n = index.papers.length;
  return plan.groups.map((g, k) => {
    const df = groupFrequency(index, g, k === plan.groups.length - 1);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  });
}

function run(index: PaperIndex, parsed: ParsedQuery, plan: Plan, keep: (position: number) => boolean, combineWith: 'AND' | 'OR', depth: number): Outcome {
  if (plan.groups.length === 0) {
    // Filters (or stopwords) only: every paper that passes, newest first unless sorted otherwise.
    const ranked: Ranked[] = [];
    for (let i = 0; i < index.papers.length; i++) if (keep(i)) ranked.push({ position: i, score: 0 });
    return { total: ranked.length, ranked: order(index, ranked, parsed.sort === 'relevance' ? 'new' : parsed.sort), derived: new Set() };
  }
  const filtered = Boolean(parsed.from || parsed.to || parsed.upvotes || parsed.org || parsed.excluded.length > 0);
  const mask = candidates(index, plan, combineWith, keep, filtered);
  const ev = evaluation(index);
  const groups = plan.groups.map((_, g) => groupQuery(index, plan, g));
  const weights = combineWith === 'OR' && isOn('coverage') ? groupWeights(index, plan) : undefined;
  const query: QueryNode = combineWith === 'AND' ? { all: groups } : { any: groups, ...(weights ? { weights } : {}) };
  const totalWeight = weights?.reduce((a, b) => a + b, 0) ?? 0;
  const raw: Matches = evaluate(ev, query, mask);
  const patterns = parsed.phrases.map(phrasePattern);
  const top = new TopK(depth, comparator(index, parsed.sort));
  let total = 0;
  for (let k = 0; k < raw.ids.length; k++) {
    const position = raw.ids[k]!;
    if (!keep(position)) continue;
    if (patterns.length > 0) {
      const p = index.papers[position]!;
      if (!patterns.every((re) => re.test(p.title) || re.test(p.abstract))) continue;
    }
    total++;
    const coverage = raw.weight ? (raw.weight[k]! / totalWeight) ** 2 : raw.matched ? (raw.matched[k]! / plan.groups.length) ** 2 : 1;
    top.offer(position, raw.scores[k]! * coverage * index.priors[position]!);
  }
  const ranked = top.sorted();
  rerank(index, parsed, plan, ranked);
  return { total, ranked: order(index, ranked, parsed.sort), derived: ev.derived };
}

/**
 * Title evidence for the best candidates: a title that is the query itself wins, a title holding
 * every group of the query gains.
 */
function rerank(index: PaperIndex, parsed: ParsedQuery, plan: Plan, ranked: Ranked[]): void {
  const typed = titleKey([...parsed.words, ...parsed.phrases].join(' '));
  const depth = Math.min(RERANK_DEPTH, ranked.length);
  const units = plan.units.map(phrasePattern);
  for (let k = 0; k < depth; k++) {
    const r = ranked[k]!;
    const { key, terms: titleTerms } = titleOf(index, r.position);
    if (typed.length >= 6 && (key === typed || (typed.length >= 12 && key.startsWith(typed)))) {
      r.score *= 3;
      continue;
    }
    const covered = plan.groups.filter((g) => g.clauses.some((c) => c.every((t) => titleTerms.has(t)))).length;
    if (plan.groups.length > 1 && covered === plan.groups.length) r.score *= 1.25;
    if (units.length > 0) {
      const p = index.papers[r.position]!;
      for (const unit of units) if (unit.test(p.title) || unit.test(p.abstract)) r.score *= UNIT_BOOST;
    }
  }
}

/** A paper's title key and terms, worked out once per index on first use. */
const titleCache = new WeakMap<PaperIndex, Array<{ key: string; terms: Set<string> } | undefined>>();
function titleOf(index: PaperIndex, position: number): { key: string; terms: Set<string> } {
  let cache = titleCache.get(index);
  if (!cache) titleCache.set(index, (cache = []));
  let entry = cache[position];
  if (!entry) {
    const title = index.papers[position]!.title;
    entry = cache[position] = { key: titleKey(title), terms: new Set(terms(title)) };
  }
  return entry;
}

function order(index: PaperIndex, ranked: Ranked[], sort: ParsedQuery['sort']): Ranked[] {
  return ranked.sort(comparator(index, sort));
}

/** Negative when `a` comes first: newest or most upvoted first when sorted so, then best score, then corpus order. */
function comparator(index: PaperIndex, sort: ParsedQuery['sort']): (a: Ranked, b: Ranked) => number {
  const primary = sort === 'new' ? index.days : sort === 'top' ? index.upvotes : undefined;
  if (!primary) return (a, b) => b.score - a.score || a.position - b.position;
  return (a, b) => primary[b.position]! - primary[a.position]! || b.score - a.score || a.position - b.position;
}

/** Papers holding an excluded word (any form of it) or an excluded phrase, as a mask. */
function excludedMask(index: PaperIndex, q: ParsedQuery): Uint8Array | undefined {
  if (q.excluded.length === 0) return undefined;
  const n = index.papers.length;
  const out = new Uint8Array(n);
  for (const item of q.excluded) {
    const itemTerms = terms(item);
    if (itemTerms.length === 0) continue;
    const count = new Uint8Array(n);
    for (const t of itemTerms) {
      const has = new Uint8Array(n);
      markPostings(index, t, has);
      for (let i = 0; i < n; i++) count[i]! += has[i]!;
    }
    const phrase = itemTerms.length > 1 ? phrasePattern(item) : undefined;
    for (let i = 0; i < n; i++) {
      if (count[i] !== itemTerms.length) continue;
      const p = index.papers[i]!;
      if (!phrase || phrase.test(p.title) || phrase.test(p.abstract)) out[i] = 1;
    }
  }
  return out;
}

function filterOf(index: PaperIndex, q: ParsedQuery): (position: number) => boolean {
  const from = q.from ? Number(q.from.replaceAll('-', '')) : undefined;
  const to = q.to ? Number(q.to.replaceAll('-', '')) : undefined;
  const org = q.org?.toLowerCase();
  const up = q.upvotes;
  const excluded = excludedMask(index, q);
  return (i) => {
    if (excluded?.[i]) return false;
    const day = index.days[i]!;
    if (from !== undefined && (day === 0 || day < from)) return false;
    if (to !== undefined && (day === 0 || day > to)) return false;
    if (org !== undefined && !index.orgs[i]!.includes(org)) return false;
    if (up) {
      const v = index.upvotes[i]!;
      const ok = up.op === '>=' ? v >= up.value : up.op === '>' ? v > up.value : up.op === '<=' ? v <= up.value : up.op === '<' ? v < up.value : v === up.value;
      if (!ok) return false;
    }
    return true;
  };
}

/** Words of a phrase in order, any case, separated by anything that is not a letter or digit. */
function phrasePattern(phrase: string): RegExp {
  const parts = phrase.match(/[\p{L}\p{N}]+/gu) ?? [];
  const body = parts.map(escapeRegExp).join('[^\\p{L}\\p{N}]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?:e?s)?(?![\\p{L}\\p{N}])`, 'iu');
}
