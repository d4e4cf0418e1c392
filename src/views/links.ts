import type { Paper } from '../corpus/types.js';

/**
 * Where a paper links to. A paper with an arXiv id (from the daily papers API) links to its own pages:
 * its Hugging Face paper page and its arXiv abstract. A paper known only from the page dumps has no
 * URL, so it is linked to searches for its title that always answer: the Hugging Face papers search
 * and the arXiv title search.
 *
 * URLs from the API are untrusted: every one passes `safeUrl` before it is written anywhere.
 */

/**
 * Long titles are cut for the query (a search for the first words still finds the paper), so that the
 * encoded query stays short: a title in a non-Latin script triples in length when percent-encoded.
 */
const MAX_QUERY_CHARS = 200;
const MAX_ENCODED_CHARS = 300;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The title as an encoded query: whole words while they fit, else as much of the first word as fits. */
function encodedQuery(title: string): string {
  let query = encodedQueries.get(title);
  if (query === undefined) {
    if (encodedQueries.size >= 10_000) encodedQueries.clear();
    encodedQueries.set(title, (query = encodeQuery(title)));
  }
  return query;
}
/** Titles are linked again and again (every search, trending, the App Home): each is encoded once. */
const encodedQueries = new Map<string, string>();

function encodeQuery(title: string): string {
  // encodeURIComponent throws on a lone surrogate; a hostile title must still give a link.
  const clean = title.replace(LONE_SURROGATE, '\uFFFD').replace(/\s+/g, ' ').trim();
  const fits = (text: string) => text.length <= MAX_QUERY_CHARS && encodeURIComponent(text).length <= MAX_ENCODED_CHARS;
  // Percent-encoding works character by character, so the words are encoded once and joined with %20.
  let length = 0;
  let encoded = '';
  for (const word of clean.split(' ')) {
    const encodedWord = encodeURIComponent(word);
    const separator = encoded ? '%20' : '';
    if (length + (separator ? 1 : 0) + word.length <= MAX_QUERY_CHARS && encoded.length + separator.length + encodedWord.length <= MAX_ENCODED_CHARS) {
      encoded += separator + encodedWord;
      length += (separator ? 1 : 0) + word.length;
      continue;
    }
    if (encoded === '') {
      let text = '';
      for (const ch of word) if (fits(text + ch)) text += ch;
      encoded = encodeURIComponent(text);
    }
    break;
  }
  return encoded;
}

export function huggingFaceSearchUrl(title: string): string {
  return `https://huggingface.co/papers?q=${encodedQuery(title)}`;
}

export function arxivSearchUrl(title: string): string {
  return `https://arxiv.org/search/?query=${encodedQuery(title)}&searchtype=title`;
}

/**
 * A URL from outside that is longer than this as written in mrkdwn (`&` as `&amp;`) is not shown: real
 * repository and project pages are far shorter (a GitHub repository's URL is at most about 160), and five
 * results with three links each must stay inside Slack's 12,000 characters of text.
 */
export const MAX_LINK_URL = 200;

/** New-style (2502.12345) and old-style (hep-th/9901001, math.GT/0309136) arXiv ids, with an optional version. */
const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/;

/** The paper's arXiv id when it has a well-formed one; anything else is treated as no id. */
export function arxivIdOf(paper: Pick<Paper, 'arxivId'>): string | undefined {
  const id = paper.arxivId;
  return typeof id === 'string' && ARXIV_ID.test(id) ? id : undefined;
}

/**
 * `raw` as a URL safe to write into a mrkdwn link or a Block Kit url field, or undefined. Only http(s)
 * (https with `httpsOnly`), no user name or password (`https://github.com@evil.example` is not GitHub),
 * a real host, at most `max` characters once written into mrkdwn. The result is normalised by the WHATWG parser (spaces, quotes,
 * `<` and `>` percent-encoded, the host in punycode) and `|` is encoded too, so nothing in it can end a
 * mrkdwn link or start a mention.
 */
export function safeUrl(raw: unknown, options: { httpsOnly?: boolean; max?: number } = {}): string | undefined {
  const { httpsOnly = false, max = MAX_LINK_URL } = options;
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 4 * max) return undefined;
  // A URL with whitespace or control characters inside was not meant as one (the parser would drop or encode them).
  if (/[\s\u0000-\u001f\u007f]/.test(raw.trim())) return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && (httpsOnly || url.protocol !== 'http:')) return undefined;
  if (url.username || url.password || !url.hostname || !url.hostname.includes('.')) return undefined;
  const href = url.href.replace(/\|/g, '%7C').replace(/[<>"`\s]/g, encodeURIComponent);
  if (href.length + 4 * (href.split('&').length - 1) > max || /[\s|<>]/.test(href)) return undefined;
  return href;
}

/** The paper's Hugging Face page: its own `url` when that is a safe link, else built from its arXiv id. */
export function paperPageUrl(paper: Pick<Paper, 'arxivId' | 'url'>): string | undefined {
  const id = arxivIdOf(paper);
  if (id === undefined) return undefined;
  return safeUrl(paper.url) ?? `https://huggingface.co/papers/${id}`;
}

/** The paper's page when it has one, else the Hugging Face search for its title: what a result links to. */
export function paperUrl(paper: Pick<Paper, 'arxivId' | 'url' | 'title'>): string {
  return paperPageUrl(paper) ?? huggingFaceSearchUrl(paper.title);
}

export function arxivAbsUrl(arxivId: string): string {
  return `https://arxiv.org/abs/${arxivId}`;
}

/** A GitHub repository link: only a safe URL on github.com, so a link labelled "GitHub" goes to GitHub. */
export function githubRepoUrl(raw: unknown): string | undefined {
  const url = safeUrl(raw);
  if (url === undefined) return undefined;
  const host = new URL(url).hostname;
  return host === 'github.com' || host === 'www.github.com' ? url : undefined;
}

/** A thumbnail Slack may fetch: https only (Slack shows no other images), within Block Kit's length. */
export function thumbnailUrl(raw: unknown): string | undefined {
  return safeUrl(raw, { httpsOnly: true, max: 1000 });
}

/** 950 → "950", 1234 → "1.2k", 12_345 → "12k", 1_250_000 → "1.3M"; undefined for a count that is not one. */
export function compactCount(n: unknown): string | undefined {
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return undefined;
  const whole = Math.floor(n);
  if (whole < 1000) return String(whole);
  for (const [size, unit] of [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ] as const) {
    if (whole < size) continue;
    const value = whole / size;
    // One decimal below 10 ("1.2k"), none above ("12k"); 999,950 rounds up into the next unit.
    const shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
    if (shown >= 1000 && unit !== 'B') return compactCount(size * 1000);
    return `${shown}${unit}`;
  }
  return String(whole);
}
