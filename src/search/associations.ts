import { terms } from './analyze.js';
import { documentFrequency, nearTerms, type PaperIndex } from './index.js';
import { FIELDS, fieldFrequency, firstHolders, termId } from './postings.js';
import { stem } from './stem.js';

/** How many of a term's papers are read to learn what it goes with. */
const HOLDERS = 100;
/** Terms associated with each query term. */
const PER_TERM = 3;
const TITLE = FIELDS.indexOf('title');
/** A partner must share at least this many of the term's papers (one paper is an anecdote). */
const MIN_SHARED = 2;

export interface Association {
  term: string;
  /** how far from chance the two meet (Dunning's G²) */
  weight: number;
}

/**
 * A term-association table learned from the library: the words in the titles of the papers that write
 * `typed` (a typo read as its likeliest correction). Over the papers holding the term (the first
 * HOLDERS of them, those with it in the title first), each title word found in two of them or more,
 * more often than chance (against how many titles hold it), in no more than a tenth of the titles,
 * ranks by Dunning's log-likelihood ratio: papers writing "inpainting" are titled with image, video,
 * encoder. Titles are what a paper is about, and short: learning a word costs about a millisecond at
 * 20,000 papers (whole abstracts cost ten times that, for no better rankings). Feedback learns from one
 * query's best answers; this from every paper of a word. Worked out from the index alone when a word
 * is first asked for and kept per index, so it is rebuilt with the library, and an index grown by
 * appended papers learns exactly what one built whole does.
 */
export function associatedTerms(index: PaperIndex, typed: string): Association[] {
  const term = documentFrequency(index, typed) > 0 ? typed : likeliestCorrection(index, typed);
  if (term === undefined) return [];
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = new Map()));
  let out = cache.get(term);
  if (!out) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(term, (out = learn(index, term)));
  }
  return out;
}

/** A word the library lacks as a typo: its nearest known word (fewest edits, then most papers), as typo correction reads it. */
function likeliestCorrection(index: PaperIndex, word: string): string | undefined {
  if (word.length < 4 || /\d/.test(word)) return undefined;
  let best: { term: string; distance: number; df: number } | undefined;
  for (const near of nearTerms(index, word, word.length >= 8 ? 2 : 1)) {
    if (!best || near.distance < best.distance || (near.distance === best.distance && near.df > best.df)) best = near;
  }
  return best?.term;
}

/** Terms whose associations an index keeps (a server's distinct query words over days). */
const CACHE_LIMIT = 20_000;
const caches = new WeakMap<PaperIndex, Map<string, Association[]>>();

function learn(index: PaperIndex, term: string): Association[] {
  const p = index.postings;
  const n = index.papers.length;
  const id = termId(p, term);
  if (id < 0) return [];
  const holders = firstHolders(p, id, HOLDERS);
  if (holders.length < MIN_SHARED) return [];
  const shared = new Map<string, number>();
  for (const position of holders) {
    for (const t of new Set(terms(index.papers[position]!.title))) shared.set(t, (shared.get(t) ?? 0) + 1);
  }
  const root = stem(term);
  const h = holders.length;
  const out: Association[] = [];
  for (const [t, count] of shared) {
    if (count < MIN_SHARED || t === term || stem(t) === root || /^\d+$/.test(t)) continue;
    const df = fieldFrequency(p, termId(p, t), TITLE);
    if (df < 2 || df > n / 10 || count / h <= df / n) continue;
    out.push({ term: t, weight: logLikelihood(count, h, df, n) });
  }
  return out.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1)).slice(0, PER_TERM);
}

/**
 * Dunning's log-likelihood ratio (G²) of a term and a partner over `n` papers: `both` of the term's
 * `h` papers hold the partner, which `df` papers hold in all. Unlike a share times rarity it does not
 * reward a partner seen once beside a rare term, which a small library is full of.
 */
function logLikelihood(both: number, h: number, df: number, n: number): number {
  const xlx = (...k: number[]) => k.reduce((sum, x) => sum + (x > 0 ? x * Math.log(x) : 0), 0);
  return 2 * (xlx(both, h - both, df - both, n - h - df + both) - xlx(h, n - h) - xlx(df, n - df) + xlx(n));
}
