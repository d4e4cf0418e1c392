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
 * what Slack counts; `measure` must never give less than `s.length`.
 */
export function truncate(text: string, max: number, measure: (s: string) => number = (s) => s.length): string {
  if (measure(text) <= max) return text;
  const budget = max - ELLIPSIS.length;
  if (budget <= 0) return max >= ELLIPSIS.length ? ELLIPSIS : '';

  // Whole graphemes only: an emoji or a letter with its accents is never split.
  let fitted = '';
  let used = 0;
  let endsAtWord = false;
  // measure(s) ≥ s.length, so nothing past budget + 1 units can fit: only that much is segmented (a
  // grapheme cut at the end of it is never taken whole, as it cannot fit either).
  for (const { segment } of graphemes.segment(text.slice(0, budget + 1))) {
    const size = measure(segment);
    if (used + size > budget) {
      endsAtWord = /^\s/u.test(segment);
      break;
    }
    fitted += segment;
    used += size;
  }

  const wordEnd = endsAtWord ? fitted.length : lastWordBreak(fitted);
  const cut = wordEnd >= fitted.length * WORD_BACKTRACK ? fitted.slice(0, wordEnd) : fitted;
  return cut.replace(/[\s,;:.\-–—(\[{]+$/u, '') + ELLIPSIS;
}

/** Index just past the last word that ends before a space (0 when there is none). */
function lastWordBreak(text: string): number {
  const match = /\S\s+\S*$/u.exec(text);
  return match ? match.index + 1 : 0;
}
