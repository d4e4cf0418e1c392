import type { Paper } from '../corpus/types.js';
import { isoToday } from '../corpus/dates.js';
import { extractKeywords } from '../summary/keywords.js';
import { listedDays, newestPageDate } from './score.js';

/** At least this many papers make "the newest pages"; fewer, and the next older page date joins them. */
const MIN_NEW_PAPERS = 10;
/** The rest of the corpus is compared through its newest papers, so a 100,000-paper corpus stays quick. */
const MAX_BACKGROUND = 5_000;

/**
 * Today's hot topics: key phrases of the papers on the newest daily pages or lists (up to `now`) that are
 * frequent there and rare in the rest of the corpus. A phrase must appear in at least two new papers;
 * it scores (share among new papers) / (smoothed share among the others) · log2(1 + new papers).
 */
export function hotTopics(papers: readonly Paper[], now: Date, limit = 5): string[] {
  // Every channel's digest of the day asks the same question of the same library.
  const key = `${isoToday(now)}/${limit}`;
  let forPapers = answers.get(papers);
  if (!forPapers) answers.set(papers, (forPapers = new Map()));
  let topics = forPapers.get(key);
  if (!topics) forPapers.set(key, (topics = findHotTopics(papers, isoToday(now), limit)));
  return [...topics];
}
const answers = new WeakMap<readonly Paper[], Map<string, string[]>>();

function findHotTopics(papers: readonly Paper[], today: string, limit: number): string[] {
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

  const candidates = [...counts].filter(([, { n }]) => n >= 2);
  const background = rest.slice(0, MAX_BACKGROUND);
  const elsewhere = backgroundCounts(
    background,
    candidates.map(([key]) => normalize(key)),
  );
  const scored: Array<{ form: string; key: string; score: number }> = [];
  for (const [key, { form, n }] of candidates) {
    const lift = n / fresh.length / (((elsewhere.get(normalize(key)) ?? 0) + 1) / (background.length + 1));
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

/**
 * For each phrase (normalised words), how many of the papers have it in their title or abstract:
 * each paper's word sequences up to the longest phrase are looked up once, instead of searching
 * every paper's text for every phrase.
 */
function backgroundCounts(papers: readonly Paper[], phrases: readonly string[]): Map<string, number> {
  const counts = new Map(phrases.filter(Boolean).map((phrase) => [phrase, 0]));
  const longest = Math.max(0, ...phrases.map((phrase) => phrase.split(' ').length));
  for (const paper of papers) {
    const words = normalize(`${paper.title} ${paper.abstract}`).split(' ');
    const found = new Set<string>();
    for (let i = 0; i < words.length; i++) {
      let gram = words[i]!;
      for (let n = 1; n <= longest && i + n <= words.length; n++) {
        if (n > 1) gram += ` ${words[i + n - 1]}`;
        if (counts.has(gram) && !found.has(gram)) {
          found.add(gram);
          counts.set(gram, counts.get(gram)! + 1);
        }
      }
    }
  }
  return counts;
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
  // Newest page first, then by id; the keys are worked out once, not per comparison.
  const rest = papers
    .filter((p) => !freshIds.has(p.id))
    .map((paper) => ({ paper, newest: newestPageDate([paper]) ?? '' }))
    .sort((a, b) => (a.newest === b.newest ? compareIds(a.paper.id, b.paper.id) : a.newest < b.newest ? 1 : -1))
    .map((r) => r.paper);
  return { fresh, rest };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The days the paper was listed: on a daily page, or on a daily list of the API. */
function pageDates(paper: Paper): string[] {
  return listedDays(paper);
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
