import type { Query, SearchOptions as SearchOptionsMini } from 'minisearch';
import { titleKey } from '../corpus/text.js';
import { terms } from './analyze.js';
import type { PaperIndex } from './index.js';
import { planQuery, toMiniQuery, type Plan } from './plan.js';
import { parseQuery, type ParsedQuery } from './query.js';
import { makeSnippet } from './snippet.js';
import { suggestFor } from './suggest.js';
import type { SearchOptions, SearchResponse } from './types.js';

/** How many of the best candidates are re-ranked with title evidence. */
const RERANK_DEPTH = 100;
/** With fewer papers than this matching every word, papers matching most words follow them. */
const PARTIAL_BELOW = 10;
/** A word in the title counts this many times a word in the abstract. */
const TITLE_BOOST = 2.5;

interface Ranked {
  position: number;
  score: number;
  /** Index terms of the paper that matched, by the fields they matched in (for the snippet). */
  match?: Record<string, string[]>;
}

interface Outcome {
  total: number;
  /** The best `depth` in order (all of them for `matches`). */
  ranked: Ranked[];
}

/** Searches with the query language (see query.ts); best first. Throws QueryError for a malformed query. */
export function search(index: PaperIndex, query: string, options: SearchOptions = {}): SearchResponse {
  const { limit = 10, offset = 0 } = options;
  const parsed = parseQuery(query);
  const plan = planQuery(index, parsed);
  const depth = Math.max(offset + limit, RERANK_DEPTH);
  let outcome = run(index, parsed, plan, 'AND', depth);
  const suggestions = outcome.total === 0 ? suggestFor(index, query, parsed) : [];
  if (outcome.total < PARTIAL_BELOW && plan.groups.length > 1 && parsed.phrases.length === 0) {
    // Few papers have every word: those with most of them follow.
    const partial = run(index, parsed, plan, 'OR', depth);
    const strict = new Set(outcome.ranked.map((r) => r.position));
    const more = partial.ranked.filter((r) => !strict.has(r.position));
    outcome = { total: partial.total, ranked: [...outcome.ranked, ...more] };
  }
  const hits = outcome.ranked.slice(offset, offset + limit).map((r) => {
    const paper = index.papers[r.position]!;
    const matched = new Set([...Object.keys(r.match ?? {}), ...plan.terms]);
    return { paper, score: r.score, snippet: makeSnippet(paper.abstract, matched) };
  });
  return { hits, total: outcome.total, suggestions };
}

/** The ids of every paper the query matches (all of its words, its phrases and filters). */
export function matches(index: PaperIndex, query: string): Set<string> {
  const parsed = parseQuery(query);
  const plan = planQuery(index, parsed);
  const { ranked } = run(index, parsed, plan, 'AND', Number.POSITIVE_INFINITY);
  return new Set(ranked.map((r) => index.papers[r.position]!.id));
}

type RawResults = Map<number, { score: number; terms: string[]; match: Record<string, string[]> }>;

/** MiniSearch's unsorted, unfiltered matches (its search() would build, filter and sort a result object per match). */
function execute(index: PaperIndex, query: Query): RawResults {
  const mini = index.mini as unknown as { executeQuery(q: Query, o: SearchOptionsMini): RawResults };
  return mini.executeQuery(query, { boost: { title: TITLE_BOOST } });
}

function run(index: PaperIndex, parsed: ParsedQuery, plan: Plan, combineWith: 'AND' | 'OR', depth: number): Outcome {
  const keep = filterOf(index, parsed);
  if (plan.groups.length === 0) {
    // Filters (or stopwords) only: every paper that passes, newest first unless sorted otherwise.
    const ranked: Ranked[] = [];
    for (let i = 0; i < index.papers.length; i++) if (keep(i)) ranked.push({ position: i, score: 0 });
    return { total: ranked.length, ranked: order(index, ranked, parsed.sort === 'relevance' ? 'new' : parsed.sort) };
  }
  const groupOf = new Map<string, number>();
  plan.groups.forEach((g, k) => g.clauses.forEach((c) => c.forEach((t) => groupOf.set(t, k))));
  const raw = execute(index, toMiniQuery(index, plan, combineWith));
  const patterns = parsed.phrases.map(phrasePattern);
  const top = new TopK(parsed.sort === 'relevance' ? depth : Number.POSITIVE_INFINITY);
  let total = 0;
  const seen = new Uint8Array(plan.groups.length);
  for (const [position, r] of raw) {
    if (!keep(position)) continue;
    if (patterns.length > 0) {
      const p = index.papers[position]!;
      if (!patterns.every((re) => re.test(p.title) || re.test(p.abstract))) continue;
    }
    total++;
    let coverage = 1;
    if (combineWith === 'OR') {
      seen.fill(0);
      let n = 0;
      for (const t of r.terms) {
        const g = groupOf.get(t);
        if (g !== undefined && !seen[g]) {
          seen[g] = 1;
          n++;
        }
      }
      coverage = (n / plan.groups.length) ** 2;
    }
    top.add({ position, score: r.score * coverage * prior(index, position), match: r.match });
  }
  const ranked = top.sorted();
  rerank(index, parsed, plan, ranked);
  return { total, ranked: order(index, ranked, parsed.sort) };
}

/** Keeps the k best by score without sorting everything. */
class TopK {
  private items: Ranked[] = [];
  private min = Number.NEGATIVE_INFINITY;
  constructor(private readonly k: number) {}
  add(item: Ranked): void {
    if (this.items.length < this.k * 2) {
      this.items.push(item);
      return;
    }
    if (item.score <= this.min) return;
    this.items.push(item);
    if (this.items.length >= this.k * 4) this.compact();
  }
  private compact(): void {
    this.items.sort((a, b) => b.score - a.score || a.position - b.position);
    this.items.length = this.k;
    this.min = this.items[this.k - 1]!.score;
  }
  sorted(): Ranked[] {
    this.items.sort((a, b) => b.score - a.score || a.position - b.position);
    if (this.items.length > this.k) this.items.length = this.k;
    return this.items;
  }
}

/**
 * A small popularity prior: among equally good matches, papers more people upvoted and that were
 * listed on more days come first.
 */
function prior(index: PaperIndex, position: number): number {
  return 1 + 0.04 * Math.log1p(index.upvotes[position]!) + 0.03 * Math.min(3, (index.papers[position]!.appearances.length - 1));
}

/**
 * Title evidence for the best candidates: a title that is the query itself wins, a title holding
 * every group of the query gains.
 */
function rerank(index: PaperIndex, parsed: ParsedQuery, plan: Plan, ranked: Ranked[]): void {
  const typed = titleKey([...parsed.words, ...parsed.phrases].join(' '));
  const depth = Math.min(RERANK_DEPTH, ranked.length);
  for (let k = 0; k < depth; k++) {
    const r = ranked[k]!;
    const title = index.papers[r.position]!.title;
    const key = titleKey(title);
    if (typed.length >= 6 && (key === typed || (typed.length >= 12 && key.startsWith(typed)))) {
      r.score *= 3;
      continue;
    }
    const titleTerms = new Set(terms(title));
    const covered = plan.groups.filter((g) => g.clauses.some((c) => c.every((t) => titleTerms.has(t)))).length;
    if (plan.groups.length > 1 && covered === plan.groups.length) r.score *= 1.25;
  }
}

function order(index: PaperIndex, ranked: Ranked[], sort: ParsedQuery['sort']): Ranked[] {
  if (sort === 'new') return ranked.sort((a, b) => index.days[b.position]! - index.days[a.position]! || b.score - a.score);
  if (sort === 'top') return ranked.sort((a, b) => index.upvotes[b.position]! - index.upvotes[a.position]! || b.score - a.score);
  return ranked.sort((a, b) => b.score - a.score || a.position - b.position);
}

function filterOf(index: PaperIndex, q: ParsedQuery): (position: number) => boolean {
  const from = q.from ? Number(q.from.replaceAll('-', '')) : undefined;
  const to = q.to ? Number(q.to.replaceAll('-', '')) : undefined;
  const org = q.org?.toLowerCase();
  const up = q.upvotes;
  const excluded = q.excluded.map(phrasePattern);
  return (i) => {
    const day = index.days[i]!;
    if (from !== undefined && (day === 0 || day < from)) return false;
    if (to !== undefined && (day === 0 || day > to)) return false;
    if (org !== undefined && !index.orgs[i]!.includes(org)) return false;
    if (up) {
      const v = index.upvotes[i]!;
      const ok = up.op === '>=' ? v >= up.value : up.op === '>' ? v > up.value : up.op === '<=' ? v <= up.value : up.op === '<' ? v < up.value : v === up.value;
      if (!ok) return false;
    }
    if (excluded.length > 0) {
      const p = index.papers[i]!;
      if (excluded.some((re) => re.test(p.title) || re.test(p.abstract))) return false;
    }
    return true;
  };
}

/** Words of a phrase in order, any case, separated by anything that is not a letter or digit. */
function phrasePattern(phrase: string): RegExp {
  const parts = phrase.match(/[\p{L}\p{N}]+/gu) ?? [];
  const body = parts.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\p{L}\\p{N}]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?:e?s)?(?![\\p{L}\\p{N}])`, 'iu');
}
