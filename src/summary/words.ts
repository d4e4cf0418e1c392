/** Word-level helpers shared by the summariser, its keywords and its benchmark. */

export const STOPWORDS = new Set(
  `a about above across after again against all almost along also although always am among an and another any are as at
  be because been before being below between both but by can cannot could did do does doing done down during each either
  even ever every few for from further had has have having he her here hers him his how however i if in into is it its
  itself just least less let like made make makes many may me might more most much must my neither no nor not now of off
  often on once one only onto or other others our ours ourselves out over own per rather same several she should since so
  some such than that the their theirs them themselves then there these they this those through thus to too toward towards
  under until up upon us very via was we were what when where whether which while who whom whose why will with within
  without would yet you your`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower-cased word tokens (letters, digits and inner hyphens or dots, e.g. "gpt-4", "3.5"). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-.'][\p{L}\p{N}]+)*/gu) ?? [];
}

/** A light stem so "models" and "model", "tasks" and "task" match; deterministic and cheap. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

/** Stemmed words that carry meaning: no stopwords, no bare numbers. */
export function contentWords(text: string): string[] {
  return words(text)
    .filter((w) => !STOPWORDS.has(w) && !/^\d+(?:\.\d+)?$/.test(w))
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
