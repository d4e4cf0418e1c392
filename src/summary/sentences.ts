/**
 * Sentence splitting for paper abstracts: rules tuned for scientific prose, where a full stop is often
 * not the end of a sentence (e.g., et al., vs., 3.5, github.com/x, D^{-1}).
 */

/** Lower-cased words (without the dot) that end with a dot but do not end a sentence. */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'al',
  'vs',
  'cf',
  'fig',
  'figs',
  'eq',
  'eqs',
  'sec',
  'secs',
  'tab',
  'approx',
  'resp',
  'viz',
  'ca',
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'st',
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'univ',
  'vol',
  'pp',
  'ref',
  'refs',
  'w.r.t',
  'a.k.a',
  'u.s',
  'u.k',
  'ph.d',
  'cit',
  'incl',
  'esp',
  'nos',
]);

/** Abbreviations that end a sentence when a capital letter follows ("… such as speech, music, etc. Our model …"). */
const SENTENCE_FINAL_ABBREVIATIONS = new Set(['etc', 'al']);

/** Abbreviations that only count as such before a number ("No. 1", "Fig. 3", "Eq. 2"). */
const BEFORE_NUMBER = new Set(['no', 'fig', 'eq', 'sec', 'tab', 'vol', 'pp', 'ref']);

export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Undoes LaTeX leftovers that abstracts copied from papers carry: escaped symbols (`98\%`), font
 * groups (`{\em approximately}`), TeX quotes and a `\times` that lost its backslash ("20.6times").
 */
export function cleanAbstract(text: string): string {
  return normalizeWhitespace(
    text
      .replace(/\\([%&$#_])/g, '$1')
      .replace(/\{\\(?:em|it|bf|tt|sc|rm)\s+([^{}]*)\}/g, '$1')
      .replace(/``|''/g, '"')
      // "15~30%" is a range; "Fig.~3" a LaTeX non-breaking space.
      .replace(/(\d%?)~(?=\d)/g, '$1–')
      .replace(/(\w)~(?=\w)/g, '$1 ')
      .replace(/(\d)\\?times\b/g, '$1×')
      // "\sim7\%" that lost its backslash: "sim7%" is "~7%".
      .replace(/(^|[\s(])\\?sim\s?(?=\d)/g, '$1~')
      // "\bullet" items that lost their backslash: "… computations: bullet On the positive side …".
      .replace(/(^|[\s:;.])bullet\s+(?=[A-Z])/g, '$1 ')
      // A stop with the space lost in copying: "… real deployment.In this paper, we …".
      .replace(/(?<=[A-Za-z]{3})([.!?])(?=[A-Z][a-z]+\b(?![.\/]))/g, '$1 '),
  );
}

/**
 * Splits text into sentences. A sentence ends at `.`, `!` or `?` (optionally followed by closing quotes or
 * brackets) when whitespace follows and the next word can start a sentence, unless the word before the
 * stop is a known abbreviation.
 */
export function splitSentences(text: string): string[] {
  const source = normalizeWhitespace(text);
  const sentences: string[] = [];
  let start = 0;
  // Full-width stops (。！？) end a sentence whatever follows.
  const boundary = /[.!?]+["')\]]*(?=\s)|[。！？]+/g;
  for (let match = boundary.exec(source); match !== null; match = boundary.exec(source)) {
    const end = match.index + match[0].length;
    if (/^[。！？]/.test(match[0])) {
      pushSentence(sentences, source.slice(start, end));
      start = end;
      continue;
    }
    const rest = source.slice(end).trimStart();
    if (rest === '' || !startsSentence(rest)) continue;
    if (match[0].startsWith('.') && isAbbreviation(source.slice(start, match.index), rest)) continue;
    pushSentence(sentences, source.slice(start, end));
    start = end;
  }
  pushSentence(sentences, source.slice(start));
  return sentences;
}

function pushSentence(into: string[], text: string): void {
  const sentence = text.trim();
  if (sentence !== '') into.push(sentence);
}

/**
 * Capital letters, digits, opening brackets and quotes start a sentence; so do lower-case names with
 * a capital inside ("iLLaMA", "m2mKD", "cMIM"), which abstracts do start sentences with.
 */
function startsSentence(rest: string): boolean {
  const word = /^\S+/.exec(rest)?.[0] ?? '';
  if (/^["'(\[{]?[A-Z0-9]/.test(word) || /^https?:\/\//.test(word)) return true;
  return /^[a-z][a-z0-9-]*[A-Z]/.test(word);
}

function isAbbreviation(before: string, rest: string): boolean {
  const word = /(\S+)$/.exec(before)?.[1] ?? '';
  const bare = word.replace(/^["'(\[{]+/, '').toLowerCase();
  const nextIsCapital = /^[A-Z]/.test(rest);
  if (BEFORE_NUMBER.has(bare)) return /^\d/.test(rest);
  if (SENTENCE_FINAL_ABBREVIATIONS.has(bare)) return !nextIsCapital;
  if (ABBREVIATIONS.has(bare)) return true;
  // Dotted abbreviations such as "U.S." or "e.g.": letters separated by dots.
  if (/^(?:[a-z]\.){1,}[a-z]$/i.test(bare)) return true;
  return false;
}
