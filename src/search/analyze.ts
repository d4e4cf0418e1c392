/**
 * Text analysis shared by the index, the query and the snippets: the same word always becomes the
 * same term, so "Quantisation", "quantizations" and "quantization" meet in one index entry.
 */

import { STOPWORDS, words } from '../text/words.js';

const WORD = /[\p{L}\p{N}]+/gu;

/** British spellings whose American form differs by more than a suffix rule can catch. */
const OUR_WORDS = /^(behavi|col|fav|neighb|harb|lab|hon|flav|rum|vap|hum|odo|arm)our/;
const TRE_WORDS = /^(cent|met|fib|lit|theat)re(s|d)?$/;
const DOUBLE_L = /^(model|label|travel|signal|cancel|fuel|tunnel|channel|level|total|funnel|benchmark)l(ing|ed|er|ers)$/;

/** A word as it appears in text, with its place: `[start, end)` offsets into the text. */
export interface Token {
  word: string;
  start: number;
  end: number;
}

/** Every word of `text` with its offsets (letters and digits; everything else separates words). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = new RegExp(WORD.source, 'gu');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) tokens.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return tokens;
}

/** Two-part compounds with a short first part (auto-encoder, pre-training, multi-modal, re-ranking). */
const COMPOUND = /(?<![\p{L}\p{N}-])[\p{L}\p{N}]{1,5}-[\p{L}\p{N}]+(?![\p{L}\p{N}]|-[\p{L}\p{N}])/gu;
const CAMEL_ACRONYM = /^([A-Z][a-z]{2,})([A-Z]{2,}s?)$/;
const VERSIONED = /^([A-Za-z]{3,}?)v?\d+$/;

/**
 * What the index sees: the words, plus hyphenated compounds joined ("Auto-Encoder" also as
 * "AutoEncoder"), a model name's family ("YOLOv10" also as "YOLO") and the acronym a name ends
 * with ("SindBERT" also as "BERT"), so each is found however the query spells it.
 */
export function indexWords(text: string): string[] {
  const out = words(text);
  for (const m of text.matchAll(COMPOUND)) out.push(m[0].replaceAll('-', ''));
  const n = out.length;
  for (let i = 0; i < n; i++) {
    const w = out[i]!;
    if (w.length < 4) continue;
    const camel = CAMEL_ACRONYM.exec(w);
    if (camel) out.push(camel[2]!);
    const versioned = VERSIONED.exec(w);
    if (versioned && /\d/.test(w)) out.push(versioned[1]!);
  }
  return out;
}

/** Lower case without accents: the form shown in suggestions and compared in phrases. */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  // Only non-ASCII words pay for Unicode normalisation.
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFKD').replace(/\p{M}+/gu, '');
}

/**
 * The index term of a word, or undefined for a stopword or a lone letter: folded, plural made
 * singular (a light S-stemmer) and British spelling made American.
 */
export function normalizeTerm(word: string): string | undefined {
  const known = memo.get(word);
  if (known !== undefined) return known || undefined;
  const term = normalize(word);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, term ?? '');
  return term;
}

/** Words seen before and their terms ('' for none): most words of a corpus repeat. */
const memo = new Map<string, string>();
const MEMO_LIMIT = 500_000;

function normalize(word: string): string | undefined {
  const folded = fold(word);
  if (folded.length < 2 && !/\d/.test(folded)) return undefined;
  if (STOPWORDS.has(folded)) return undefined;
  return americanize(singular(folded));
}

function singular(w: string): string {
  if (w.length <= 3 || /\d/.test(w.slice(-2, -1))) return w;
  if (w.endsWith('ies') && w.length > 4 && !/[ae]ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('s') && !/(ss|us|is|ys)$/.test(w)) return w.slice(0, -1);
  return w;
}

function americanize(w: string): string {
  if (w.length < 5) return w;
  let m: RegExpMatchArray | null;
  if ((m = w.match(/^(.{2,})is(ation|ations|e|ed|er|ing)$/))) return `${m[1]}iz${m[2]}`;
  if ((m = w.match(/^(.{2,})ys(e|ed|er|ing)$/))) return `${m[1]}yz${m[2]}`;
  if (OUR_WORDS.test(w)) return w.replace('our', 'or');
  if ((m = w.match(TRE_WORDS))) return `${m[1]}er${m[2] ?? ''}`;
  if ((m = w.match(DOUBLE_L))) return `${m[1]}${m[2]}`;
  return w;
}

/** The terms of `text` in order (stopwords left out). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const t = normalizeTerm(w);
    if (t) out.push(t);
  }
  return out;
}
