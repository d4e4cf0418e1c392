/** Cutting text to a length without breaking a word, an emoji or an escape sequence. */

export const ELLIPSIS = '…';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A cut this far back or less is worth it to end at a word; further back we cut inside the word. */
const WORD_BACKTRACK = 0.5;

/**
 * `text` cut so that `measure(result)` is at most `max`, at the last whole word that fits, ending in
 * an ellipsis when anything was cut. `measure` is the length the text will have once rendered (for
 * example after mrkdwn escaping), so a cut never lands inside an `&amp;`-style entity: the cut is made
 * on the raw text, which is escaped afterwards. Lengths are UTF-16 units, which is never less than
 * what Slack counts. `measure` must never give less than `s.length`, and a longer prefix never measures less.
 */
export function truncate(text: string, max: number, measure: (s: string) => number = (s) => s.length): string {
  if (measure(text) <= max) return text;
  const budget = max - ELLIPSIS.length;
  if (budget <= 0) return max >= ELLIPSIS.length ? ELLIPSIS : '';

  // Whole graphemes only: an emoji or a letter with its accents is never split. measure(s) ≥ s.length,
  // so nothing past budget + 1 units can fit and only that much is segmented (a grapheme cut at its end
  // cannot fit either). measure grows with the prefix: the longest prefix that fits is found by halving.
  const window = text.slice(0, budget + 1);
  const ends = graphemeEnds(window);
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (measure(window.slice(0, ends[mid])) <= budget) lo = mid;
    else hi = mid - 1;
  }
  const fitted = window.slice(0, ends[lo]);
  const endsAtWord = /\s/u.test(window.charAt(fitted.length));

  const wordEnd = endsAtWord ? fitted.length : lastWordBreak(fitted);
  const cut = wordEnd >= fitted.length * WORD_BACKTRACK ? fitted.slice(0, wordEnd) : fitted;
  return cut.replace(/[\s,;:.\-–—(\[{]+$/u, '') + ELLIPSIS;
}

/** 0 and the offset just past each grapheme of `text`. */
function graphemeEnds(text: string): number[] {
  // Printable ASCII is one grapheme per character: most text, without asking ICU.
  if (/^[\x20-\x7e]*$/.test(text)) return Array.from({ length: text.length + 1 }, (_, i) => i);
  const ends = [0];
  for (const { index, segment } of graphemes.segment(text)) ends.push(index + segment.length);
  return ends;
}

/** Index just past the last word that ends before a space (0 when there is none). */
function lastWordBreak(text: string): number {
  const match = /\S\s+\S*$/u.exec(text);
  return match ? match.index + 1 : 0;
}
