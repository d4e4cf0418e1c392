import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';
import { stem } from './stem.js';

/**
 * English words (the `word-list` package: about 274,000 lower-case words, one a line), so that "Did you
 * mean" never offers a library word ("masking", "gating") for a correctly spelt word the library
 * lacks ("asking", "rating"). The ranking still scores such a word's neighbours: leaving them out
 * lowered both held-out sets (see the README). Read on first use and kept compactly: the file's bytes as read (2.8 MB)
 * and the start of each word (1.1 MB), looked up by binary search; no Set of 274,000 strings.
 */
interface Words {
  /** the file (ASCII, a word a line) */
  text: Uint8Array;
  /** start of each word in `text`, in sorted order (it ends at the next newline) */
  starts: Int32Array;
  /** the few words the file has out of order */
  stray: Set<string>;
}

let loaded: Words | undefined;

function load(): Words {
  if (loaded) return loaded;
  const text = readFileSync(wordListPath);
  // Counted first, so the starts go straight into a typed array (no array of 274,000 numbers).
  let lines = 1;
  for (let at = text.indexOf(NEWLINE); at >= 0; at = text.indexOf(NEWLINE, at + 1)) lines++;
  const starts = new Int32Array(lines);
  const stray = new Set<string>();
  let count = 0;
  let from = 0;
  while (from < text.length) {
    const to = endOf(text, from);
    if (to > from) {
      // A word out of order would break the binary search: it is kept apart.
      const last = count > 0 ? starts[count - 1]! : -1;
      if (last >= 0 && notBefore(text, last, from, to)) stray.add(String.fromCharCode(...text.subarray(from, to)));
      else starts[count++] = from;
    }
    from = to + 1;
  }
  loaded = { text, starts: starts.subarray(0, count), stray };
  return loaded;
}

const NEWLINE = 10;

function endOf(text: Uint8Array, start: number): number {
  const end = text.indexOf(NEWLINE, start);
  return end < 0 ? text.length : end;
}

/** `text[start, end)` compared with `word`: negative when it sorts first. */
function compare(text: Uint8Array, start: number, end: number, word: string): number {
  const n = Math.min(end - start, word.length);
  for (let i = 0; i < n; i++) {
    const d = text[start + i]! - word.charCodeAt(i);
    if (d !== 0) return d;
  }
  return end - start - word.length;
}

/** Whether `text[a, endOf(a))` sorts after `text[b, end)`, or is the same. */
function notBefore(text: Uint8Array, a: number, b: number, end: number): boolean {
  for (let i = 0; ; i++) {
    const x = text[a + i]!;
    const y = b + i < end ? text[b + i]! : NEWLINE;
    if (x === NEWLINE || y === NEWLINE || x !== y) return x === NEWLINE ? y === NEWLINE : y === NEWLINE || x > y;
  }
}

/** Whether `word` (lower case) is an English word. */
export function isEnglishWord(word: string): boolean {
  const { text, starts, stray } = load();
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const start = starts[mid]!;
    const d = compare(text, start, endOf(text, start), word);
    if (d === 0) return true;
    if (d < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return stray.has(word);
}

/**
 * Whether a word the library lacks is a correctly spelt English word ("asking", "rating"): its
 * neighbours in the library ("masking", "gating") are then other words, not its corrections.
 */
export function notATypo(term: string): boolean {
  return /^[a-z]+$/.test(term) && isEnglishWord(term);
}

/**
 * Whether `neighbour` may stand for `term`: always for a typo; for an English word only when it is
 * another form of it (the same stem: "quantizing" for "quantized") or a slip of the fingers that
 * happens to make a word (a doubled letter typed once, "lama" for "llama"; two neighbouring letters
 * swapped, "casual" for "causal"), never another word ("masking" for "asking").
 */
export function mayCorrect(term: string, neighbour: string, english: boolean): boolean {
  return !english || stem(neighbour) === stem(term) || slip(term, neighbour);
}

function slip(a: string, b: string): boolean {
  if (a.length === b.length) {
    const i = [...a].findIndex((c, k) => c !== b[k]);
    return i >= 0 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return false;
  const i = [...short].findIndex((c, k) => c !== long[k]);
  const at = i < 0 ? short.length : i;
  // The extra letter doubles its neighbour, and the rest is the same.
  return at > 0 && long[at] === long[at - 1] && long.slice(at + 1) === short.slice(at);
}
