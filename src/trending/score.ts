import type { Paper } from '../corpus/types.js';
import type { EngagementEvent, EngagementKind } from './types.js';
import { TopK } from '../util/topk.js';

/**
 * The trending score, in one place (the README explains it):
 *
 *   score = 1.0 · log2(1 + upvotes + 0.5 · comments)        the paper's current counts on Hugging Face
 *         + 1.5 · log2(days)                                days = daily lists/pages it was on (≥ 1)
 *         + 2.0 · ½^(days since its newest list day / 7)    counted from now
 *         + 0.5 · ½^(days since published / 30)             counted from now
 *         + Σ team events: weight(kind) · ½^(age in days / 3)   save 3 · share 3 · reaction 2 · summary 1
 *
 * Deterministic for a given clock: ties go to the paper id.
 */
export const WEIGHTS = {
  upvotes: 1,
  /**
   * What one comment on the paper's Hugging Face page counts for, in upvotes. A comment is engagement
   * like an upvote, but weighs less: a thread grows by replies (the authors answering each question,
   * a back-and-forth between two people), so comments count conversation as much as readers, while an
   * upvote is one reader each. Half an upvote lets a discussed paper rise without a long thread
   * outranking a paper that many people upvoted.
   */
  commentAsUpvotes: 0.5,
  pages: 1.5,
  pageRecency: 2,
  pageHalfLifeDays: 7,
  publishedRecency: 0.5,
  publishedHalfLifeDays: 30,
  engagementHalfLifeDays: 3,
  engagement: { save: 3, share: 3, reaction: 2, summary: 1 } satisfies Record<EngagementKind, number>,
};

export interface TrendingInput {
  papers: readonly Paper[];
  /** How many people of the team saved each paper (for the why line). */
  saves: ReadonlyMap<string, number>;
  /** The team's engagement events (any age; old ones weigh nearly nothing). */
  engagement: readonly EngagementEvent[];
  now: Date;
}

export interface TrendingPaper {
  paper: Paper;
  score: number;
  /** A few words on why it is there: "12 upvotes · on 3 daily pages · saved by 2 here". */
  why: string;
}

const DAY_MS = 86_400_000;

/**
 * Papers by trending score, best first: all of them, or the first `limit` that `keep` lets through.
 * Only those get a why line, and only they are sorted.
 */
export function rankTrending(input: TrendingInput, options: { limit?: number; keep?: (paper: Paper) => boolean } = {}): TrendingPaper[] {
  const { limit = Number.POSITIVE_INFINITY, keep } = options;
  const { papers } = input;
  const nowMs = input.now.getTime();
  const facts = factsOf(papers);
  const team = teamActivity(input.engagement, nowMs);

  const best = new TopK(limit, (a, b) => byScore(papers[a.position]!, a.score, papers[b.position]!, b.score));
  for (let i = 0; i < papers.length; i++) {
    const paper = papers[i]!;
    if (keep && !keep(paper)) continue;
    best.offer(
      i,
      round(
        facts.base[i]! +
          decayed(WEIGHTS.pageRecency, facts.latestDay[i]!, nowMs, WEIGHTS.pageHalfLifeDays) +
          decayed(WEIGHTS.publishedRecency, facts.published[i]!, nowMs, WEIGHTS.publishedHalfLifeDays) +
          (team.size > 0 ? (team.get(paper.id)?.score ?? 0) : 0),
      ),
    );
  }
  return best.sorted().map(({ position, score }) => {
    const paper = papers[position]!;
    return { paper, score, why: whyLine(paper, input.saves.get(paper.id) ?? 0, team.get(paper.id)?.counts) };
  });
}

/** What the score needs of each paper that does not change with the clock, worked out once per library. */
interface PaperFacts {
  /** upvotes, comments and days terms of the score */
  base: Float64Array;
  /** midnight UTC of the newest day it was listed, and of its publication (NaN when unknown) */
  latestDay: Float64Array;
  published: Float64Array;
}
const factsByPapers = new WeakMap<readonly Paper[], PaperFacts>();

function factsOf(papers: readonly Paper[]): PaperFacts {
  let facts = factsByPapers.get(papers);
  if (facts) return facts;
  const n = papers.length;
  facts = { base: new Float64Array(n), latestDay: new Float64Array(n), published: new Float64Array(n) };
  papers.forEach((paper, i) => {
    const engagement = count(paper.upvotes) + WEIGHTS.commentAsUpvotes * count(paper.numComments);
    facts!.base[i] = WEIGHTS.upvotes * Math.log2(1 + engagement) + WEIGHTS.pages * Math.log2(Math.max(1, daysListed(paper)));
    const day = latestListDay(paper);
    facts!.latestDay[i] = day === undefined ? Number.NaN : dayMs(day);
    facts!.published[i] = paper.publishedAt === undefined ? Number.NaN : dayMs(paper.publishedAt);
  });
  factsByPapers.set(papers, facts);
  return facts;
}

/** A count from outside (the API, the store) as a number the score can use: anything else is 0. */
function count(n: number | undefined): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0;
}

/** Best score first; ties to the paper id (ids are ASCII, so plain comparison orders them). */
function byScore(a: Paper, aScore: number, b: Paper, bScore: number): number {
  return bScore - aScore || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function decayed(weight: number, dayMsOrNaN: number, referenceMs: number, halfLifeDays: number): number {
  if (Number.isNaN(dayMsOrNaN)) return 0;
  const ageDays = Math.max(0, (referenceMs - dayMsOrNaN) / DAY_MS);
  return weight * 0.5 ** (ageDays / halfLifeDays);
}

interface Activity {
  score: number;
  counts: Record<EngagementKind, number>;
}

function teamActivity(events: readonly EngagementEvent[], nowMs: number): Map<string, Activity> {
  const byPaper = new Map<string, Activity>();
  for (const event of events) {
    const at = Date.parse(event.at);
    if (!Number.isFinite(at) || at > nowMs) continue;
    const activity = byPaper.get(event.paperId) ?? { score: 0, counts: { save: 0, share: 0, reaction: 0, summary: 0 } };
    activity.score += WEIGHTS.engagement[event.kind] * 0.5 ** ((nowMs - at) / DAY_MS / WEIGHTS.engagementHalfLifeDays);
    activity.counts[event.kind]++;
    byPaper.set(event.paperId, activity);
  }
  return byPaper;
}

function whyLine(paper: Paper, savedBy: number, counts: Activity['counts'] | undefined): string {
  const parts: string[] = [];
  if (paper.upvotes) parts.push(plural(paper.upvotes, 'upvote'));
  const comments = count(paper.numComments);
  if (comments > 0) parts.push(plural(Math.floor(comments), 'comment'));
  parts.push(`on ${plural(Math.max(1, daysListed(paper)), 'daily page')}`);
  if (savedBy > 0) parts.push(`saved by ${savedBy} here`);
  if (counts?.share) parts.push(`shared ${counts.share}× here`);
  if (counts?.reaction) parts.push(plural(counts.reaction, 'reaction'));
  if (counts?.summary) parts.push(`${plural(counts.summary, 'summary', 'summaries')} read`);
  return parts.join(' · ');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The list days from the daily papers API that are well-formed ISO days. */
function listDaysOf(paper: Paper): string[] {
  return Array.isArray(paper.listDates) ? paper.listDates.filter((d) => typeof d === 'string' && ISO_DAY.test(d)) : [];
}

/**
 * On how many daily lists the paper was: its page appearances for a paper known only from the page
 * dumps; for one from the API, its distinct list days together with the page days (a day on both counts
 * once) and any undated appearance.
 */
export function daysListed(paper: Paper): number {
  const listDays = listDaysOf(paper);
  if (listDays.length === 0) return paper.appearances.length;
  const days = new Set(listDays);
  let undated = 0;
  for (const a of paper.appearances) {
    if (a.pageDate) days.add(a.pageDate);
    else undated++;
  }
  return days.size + undated;
}

function latestPage(paper: Paper): string | undefined {
  return paper.appearances.reduce<string | undefined>((latest, a) => (a.pageDate && (!latest || a.pageDate > latest) ? a.pageDate : latest), undefined);
}

/** The newest day the paper was listed: its API list day or its newest page day, whichever is later. */
function latestListDay(paper: Paper): string | undefined {
  let latest = latestPage(paper);
  if (typeof paper.listDate === 'string' && ISO_DAY.test(paper.listDate) && (!latest || paper.listDate > latest)) latest = paper.listDate;
  for (const day of listDaysOf(paper)) if (!latest || day > latest) latest = day;
  return latest;
}

/** Every day the paper was listed, on a page or through the API, each once (unsorted). */
export function listedDays(paper: Paper): string[] {
  const days = new Set(listDaysOf(paper));
  if (typeof paper.listDate === 'string' && ISO_DAY.test(paper.listDate)) days.add(paper.listDate);
  for (const a of paper.appearances) if (a.pageDate) days.add(a.pageDate);
  return [...days];
}

/** The newest day any paper was listed (on a page or through the API). */
export function newestPageDate(papers: readonly Paper[]): string | undefined {
  let newest: string | undefined;
  for (const paper of papers) {
    const date = latestListDay(paper);
    if (date && (!newest || date > newest)) newest = date;
  }
  return newest;
}

function dayMs(isoDay: string): number {
  return Date.parse(`${isoDay}T00:00:00Z`);
}

function round(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}
