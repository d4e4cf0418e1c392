import { mayCorrect, notATypo } from './english.js';
import { hasPrefix } from './vocabulary.js';
import { fold, normalizeTerm, tokenize } from './analyze.js';
import { documentFrequency, nearTerms, type PaperIndex } from './index.js';
import { firstHolders, termId } from './postings.js';
import type { ParsedQuery } from './query.js';

/**
 * What to try when a query matched nothing: the query with unknown words replaced by the closest
 * known ones (did you mean), then looser versions (no filters, no quotes, fewer words).
 */
export function suggestFor(index: PaperIndex, raw: string, query: ParsedQuery, corrected = correctWords(index, raw)): string[] {
  const out: string[] = [];
  if (corrected !== raw) out.push(corrected);
  const text = [...query.words, ...query.phrases.map((p) => `"${p}"`)].join(' ');
  const hasFilter = query.from || query.to || query.upvotes || query.org;
  if (hasFilter && text) out.push(text);
  if (query.phrases.length > 0) out.push([...query.words, ...query.phrases].join(' '));
  if (query.words.length > 1) {
    // Without the word fewest papers have: the rest usually still names the topic.
    const rarest = [...query.words].sort((a, b) => frequency(index, a) - frequency(index, b))[0]!;
    out.push(query.words.filter((w) => w !== rarest).join(' '));
  }
  return [...new Set(out.filter((s) => s.trim() && s !== raw))].slice(0, 3);
}

function frequency(index: PaperIndex, word: string): number {
  const term = normalizeTerm(word);
  return term ? documentFrequency(index, term) : Number.MAX_SAFE_INTEGER;
}

/**
 * The query with each word unknown to the library replaced by its likeliest correction (fewest
 * edits, a swap of two neighbouring letters counting as one, then the most papers); the last word is
 * left alone when it starts a known word (it is being completed, not misspelt). `raw` when none.
 */
export function correctWords(index: PaperIndex, raw: string): string {
  let out = '';
  let last = 0;
  const tokens = tokenize(raw);
  for (const [k, token] of tokens.entries()) {
    const term = normalizeTerm(token.word);
    if (!term || /\d/.test(term) || documentFrequency(index, term) > 0 || inFilter(raw, token.start)) continue;
    if (k === tokens.length - 1 && term.length >= 3 && hasPrefix(index.vocabulary, term)) continue;
    const near = nearTerms(index, term, term.length >= 8 ? 2 : 1);
    for (const swapped of transposed(term)) {
      const df = documentFrequency(index, swapped);
      if (df > 0) near.push({ term: swapped, distance: 1, df });
    }
    if (near.length === 0) continue;
    // A correctly spelt English word ("asking") is not a typo of another word ("masking").
    const english = notATypo(term);
    const best = near.filter((n) => mayCorrect(term, n.term, english)).sort((a, b) => a.distance - b.distance || b.df - a.df)[0];
    if (!best) continue;
    out += raw.slice(last, token.start) + surfaceOf(index, best.term);
    last = token.end;
  }
  return out + raw.slice(last);
}

/** `term` with each pair of neighbouring letters swapped. */
function transposed(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < term.length; i++) {
    if (term[i] !== term[i + 1]) out.push(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
  }
  return out;
}

/** Whether the word at `offset` is part of a filter (`sort:top`, `upvotes:>=5`): its key or its value. */
function inFilter(raw: string, offset: number): boolean {
  const start = raw.lastIndexOf(' ', offset) + 1;
  const end = raw.indexOf(' ', offset);
  return raw.slice(start, end < 0 ? undefined : end).includes(':');
}

/** How papers spell an index term (e.g. `quantization` for the term of "quantizations"). */
function surfaceOf(index: PaperIndex, term: string): string {
  const seen = new Map<string, number>();
  const id = termId(index.postings, term);
  for (const position of id < 0 ? [] : firstHolders(index.postings, id, 5)) {
    const paper = index.papers[position]!;
    for (const t of tokenize(`${paper.title} ${paper.abstract}`)) {
      if (normalizeTerm(t.word) === term) seen.set(fold(t.word), (seen.get(fold(t.word)) ?? 0) + 1);
    }
  }
  return [...seen].sort((a, b) => b[1] - a[1])[0]?.[0] ?? term;
}
