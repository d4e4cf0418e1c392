import type { Paper } from '../corpus/types.js';
import type { EngagementEvent, EngagementKind } from '../store/store.js';

/**
 * The trending score, in one place (the README explains it):
 *
 *   score = 1.0 · log2(1 + upvotes)
 *         + 1.5 · log2(pages)                              pages = daily pages it appeared on (≥ 1)
 *         + 2.0 · ½^(days since its newest page / 7)       measured from the corpus's newest page (or now, if earlier)
 *         + 0.5 · ½^(days since published / 30)
 *         + Σ team events: weight(kind) · ½^(age in days / 3)   save 3 · share 3 · reaction 2 · summary 1
 *
 * Deterministic for a given clock: ties go to the paper id.
 */
export const WEIGHTS = {
  upvotes: 1,
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

export function rankTrending(input: TrendingInput): TrendingPaper[] {
  const nowMs = input.now.getTime();
  const newestPage = newestPageDate(input.papers);
  const pageReference = Math.min(nowMs, newestPage === undefined ? nowMs : dayMs(newestPage));
  const team = teamActivity(input.engagement, nowMs);

  const ranked = input.papers.map((paper) => {
    const activity = team.get(paper.id);
    const score =
      WEIGHTS.upvotes * Math.log2(1 + (paper.upvotes ?? 0)) +
      WEIGHTS.pages * Math.log2(Math.max(1, paper.appearances.length)) +
      decayed(WEIGHTS.pageRecency, latestPage(paper), pageReference, WEIGHTS.pageHalfLifeDays) +
      decayed(WEIGHTS.publishedRecency, paper.publishedAt, nowMs, WEIGHTS.publishedHalfLifeDays) +
      (activity?.score ?? 0);
    return { paper, score: round(score), why: whyLine(paper, input.saves.get(paper.id) ?? 0, activity?.counts) };
  });
  return ranked.sort((a, b) => b.score - a.score || a.paper.id.localeCompare(b.paper.id));
}

function decayed(weight: number, isoDay: string | undefined, referenceMs: number, halfLifeDays: number): number {
  if (!isoDay) return 0;
  const ageDays = Math.max(0, (referenceMs - dayMs(isoDay)) / DAY_MS);
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
  parts.push(`on ${plural(paper.appearances.length, 'daily page')}`);
  if (savedBy > 0) parts.push(`saved by ${savedBy} here`);
  if (counts?.share) parts.push(`shared ${counts.share}× here`);
  if (counts?.reaction) parts.push(plural(counts.reaction, 'reaction'));
  if (counts?.summary) parts.push(`${plural(counts.summary, 'summary', 'summaries')} read`);
  return parts.join(' · ');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function latestPage(paper: Paper): string | undefined {
  return paper.appearances.reduce<string | undefined>((latest, a) => (a.pageDate && (!latest || a.pageDate > latest) ? a.pageDate : latest), undefined);
}

export function newestPageDate(papers: readonly Paper[]): string | undefined {
  let newest: string | undefined;
  for (const paper of papers) {
    const date = latestPage(paper);
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
