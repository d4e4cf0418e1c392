/** Word-level helpers of the summariser, its keywords and its benchmark (the words themselves: src/text/words.ts). */
import { compoundWords, PHRASE_STOPWORDS } from '../text/words.js';

/** A light stem so "models" and "model", "tasks" and "task" match; deterministic and cheap. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

/** Stemmed words that carry meaning: no stopwords, no bare numbers. */
export function contentWords(text: string): string[] {
  return compoundWords(text)
    .filter((w) => !PHRASE_STOPWORDS.has(w) && !/^\d+(?:\.\d+)?$/.test(w))
    .map(stem);
}

/** Share of `part`'s distinct content words found in `whole` (0 when `part` has none). */
export function containment(part: string, whole: string): number {
  const a = new Set(contentWords(part));
  if (a.size === 0) return 0;
  const b = new Set(contentWords(whole));
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / a.size;
}
