import type { Paper } from '../corpus/types.js';
import { extractKeywords } from '../summary/keywords.js';
import { newestPageDate } from './score.js';

/** At least this many papers make "the newest pages"; fewer, and the next older page date joins them. */
const MIN_NEW_PAPERS = 10;
/** The rest of the corpus is compared through its newest papers, so a 100,000-paper corpus stays quick. */
const MAX_BACKGROUND = 5_000;

/**
 * Today's hot topics: key phrases of the papers on the newest daily pages (up to `now`) that are
 * frequent there and rare in the rest of the corpus. A phrase must appear in at least two new papers;
 * it scores (share among new papers) / (smoothed share among the others) · log2(1 + new papers).
 */
export function hotTopics(papers: readonly Paper[], now: Date, limit = 5): string[] {
  const today = now.toISOString().slice(0, 10);
  const dated = papers.filter((p) => pageDates(p).some((d) => d <= today));
  const { fresh, rest } = splitByNewestPages(dated, today);
  if (fresh.length < 2) return [];

  const counts = new Map<string, { form: string; n: number }>();
  for (const paper of fresh) {
    const seen = new Set<string>();
    for (const keyword of extractKeywords(paper.title, paper.abstract, { max: 8 })) {
      const key = keyword.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key) ?? { form: keyword, n: 0 };
      entry.n++;
      counts.set(key, entry);
    }
  }

  const background = rest.slice(0, MAX_BACKGROUND).map((p) => ` ${normalize(`${p.title} ${p.abstract}`)} `);
  const scored: Array<{ form: string; key: string; score: number }> = [];
  for (const [key, { form, n }] of counts) {
    if (n < 2) continue;
    const needle = ` ${normalize(key)} `;
    const elsewhere = background.reduce((k, text) => k + (text.includes(needle) ? 1 : 0), 0);
    const lift = n / fresh.length / ((elsewhere + 1) / (background.length + 1));
    scored.push({ form, key, score: lift * Math.log2(1 + n) });
  }
  scored.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));

  const chosen: typeof scored = [];
  for (const candidate of scored) {
    if (chosen.some((c) => c.key.includes(candidate.key) || candidate.key.includes(c.key))) continue;
    chosen.push(candidate);
    if (chosen.length === limit) break;
  }
  return chosen.map((c) => c.form);
}

function splitByNewestPages(papers: readonly Paper[], today: string): { fresh: Paper[]; rest: Paper[] } {
  const dates = [...new Set(papers.flatMap((p) => pageDates(p).filter((d) => d <= today)))].sort().reverse();
  const freshDates = new Set<string>();
  let fresh: Paper[] = [];
  for (const date of dates) {
    freshDates.add(date);
    fresh = papers.filter((p) => pageDates(p).some((d) => freshDates.has(d)));
    if (fresh.length >= MIN_NEW_PAPERS) break;
  }
  const freshIds = new Set(fresh.map((p) => p.id));
  const rest = papers
    .filter((p) => !freshIds.has(p.id))
    .sort((a, b) => (newestPageDate([b]) ?? '').localeCompare(newestPageDate([a]) ?? '') || a.id.localeCompare(b.id));
  return { fresh, rest };
}

function pageDates(paper: Paper): string[] {
  return paper.appearances.flatMap((a) => (a.pageDate ? [a.pageDate] : []));
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
