import { QueryError } from './types.js';

/** The query language in one line, shown with every malformed-query message. */
export const QUERY_HINT =
  'Type words to search for; "an exact phrase"; -word to leave a word out; filters year:2024, after:2024-06-01, before:2025-01-01, upvotes:>=5, org:kyutai; and sort:relevance, sort:new or sort:top.';

export type SortOrder = 'relevance' | 'new' | 'top';

export interface UpvoteFilter {
  op: '>=' | '>' | '<=' | '<' | '=';
  value: number;
}

export interface ParsedQuery {
  /** Free words, as typed. */
  words: string[];
  /** "Exact phrases", as typed. */
  phrases: string[];
  /** Words and phrases after `-`: no result may contain them. */
  excluded: string[];
  /** Inclusive ISO date bounds (YYYY-MM-DD) from year:, after: and before:. */
  from?: string;
  to?: string;
  upvotes?: UpvoteFilter;
  org?: string;
  sort: SortOrder;
}

const FILTER_KEYS = new Set(['year', 'after', 'before', 'upvotes', 'org', 'sort']);
const SORTS: readonly SortOrder[] = ['relevance', 'new', 'top'];

/** Dashes that stand alone in pasted text ("Bit Cipher -- A Simple…"): punctuation, never an operator. */
const LONE_DASH = /^[-\u2010-\u2015\u2212]+$/;

/**
 * Parses a query (pure). Forgiving of what people paste: a dash or minus standing alone, an
 * unbalanced or empty quote, a trailing colon and symbols are punctuation, and words of any script
 * are searched. Throws QueryError with the language hint only for a malformed filter (`upvotes:>=banana`)
 * or a query with nothing to look for.
 */
export function parseQuery(input: string): ParsedQuery {
  const query: ParsedQuery = { words: [], phrases: [], excluded: [], sort: 'relevance' };
  const text = input.replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"').trim();
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    // Only a minus right before a word (or a quote) leaves something out.
    const negated = text[i] === '-' && i + 1 < text.length && /[\p{L}\p{N}"]/u.test(text[i + 1]!);
    if (negated) i++;
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      // An unbalanced quote is punctuation: the words after it are searched as words.
      if (close < 0) {
        i++;
        continue;
      }
      const phrase = text
        .slice(i + 1, close)
        .replace(/\s+/g, ' ')
        .trim();
      i = close + 1;
      // An empty quote ("") says nothing: punctuation too.
      if (!/[\p{L}\p{N}]/u.test(phrase)) continue;
      (negated ? query.excluded : query.phrases).push(phrase);
      continue;
    }
    let end = i;
    while (end < text.length && !/\s/.test(text[end]!)) end++;
    let token = text.slice(i, end);
    i = end;
    const colon = token.indexOf(':');
    const key = colon > 0 ? token.slice(0, colon).toLowerCase() : '';
    // "Sort: a study of…" pasted from a title: a key with nothing after its colon is a word.
    if (FILTER_KEYS.has(key) && colon < token.length - 1) {
      if (negated) fail(`"-${token}": filters cannot be negated`);
      let value = token.slice(colon + 1);
      if (key === 'org' && value.startsWith('"')) {
        const close = text.indexOf('"', i - token.length + colon + 2);
        if (close < 0) fail(`the quote in "${token}" is never closed`);
        value = text.slice(i - token.length + colon + 2, close);
        i = close + 1;
        token = `org:"${value}"`;
      }
      applyFilter(query, key, value.trim(), token);
      continue;
    }
    if (LONE_DASH.test(token) || !/[\p{L}\p{N}]/u.test(token)) continue;
    (negated ? query.excluded : query.words).push(token);
  }
  if (query.from && query.to && query.from > query.to) {
    fail(`no date is both on or after ${query.from} and on or before ${query.to}`);
  }
  const hasFilter = query.from || query.to || query.upvotes || query.org;
  if (query.words.length === 0 && query.phrases.length === 0 && !hasFilter) {
    fail(query.excluded.length > 0 ? 'say what to look for, not only what to leave out' : 'the query is empty');
  }
  return query;
}

function applyFilter(query: ParsedQuery, key: string, value: string, token: string): void {
  if (!value) fail(`"${token}" has no value after the colon`);
  switch (key) {
    case 'year': {
      if (!/^\d{4}$/.test(value)) fail(`"${token}": a year is four digits, e.g. year:2024`);
      narrow(query, `${value}-01-01`, `${value}-12-31`);
      return;
    }
    case 'after': {
      const day = parseDay(value, token, 'after');
      narrow(query, nextDay(day.last), undefined);
      return;
    }
    case 'before': {
      const day = parseDay(value, token, 'before');
      narrow(query, undefined, previousDay(day.first));
      return;
    }
    case 'upvotes': {
      const m = value.match(/^(>=|<=|>|<|=)?(\d{1,9})$/);
      if (!m) fail(`"${token}": write upvotes:>=5 (also >, <, <=, = or just a number, meaning at least)`);
      query.upvotes = { op: (m[1] as UpvoteFilter['op'] | undefined) ?? '>=', value: Number(m[2]) };
      return;
    }
    case 'org': {
      query.org = value;
      return;
    }
    case 'sort': {
      const sort = value.toLowerCase() as SortOrder;
      if (!SORTS.includes(sort)) fail(`"${token}": sort by relevance, new or top`);
      query.sort = sort;
      return;
    }
  }
}

/** Intersects the query's date range with [from, to] (either end open). */
function narrow(query: ParsedQuery, from: string | undefined, to: string | undefined): void {
  if (from && (!query.from || from > query.from)) query.from = from;
  if (to && (!query.to || to < query.to)) query.to = to;
}

/** A day, month or year written as YYYY-MM-DD, YYYY-MM or YYYY: its first and last day. */
function parseDay(value: string, token: string, key: string): { first: string; last: string } {
  const m = value.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/);
  if (!m) fail(`"${token}": write a date as ${key}:2024-06-01 (or ${key}:2024-06, ${key}:2024)`);
  const [, y, mo, d] = m;
  if (mo === undefined) return { first: `${y}-01-01`, last: `${y}-12-31` };
  const month = Number(mo);
  if (month < 1 || month > 12) fail(`"${token}": there is no month ${mo}`);
  const days = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (d === undefined) return { first: `${y}-${mo}-01`, last: `${y}-${mo}-${String(days)}` };
  if (Number(d) < 1 || Number(d) > days) fail(`"${token}": ${y}-${mo} has no day ${d}`);
  return { first: value, last: value };
}

function nextDay(iso: string): string {
  return shift(iso, 1);
}

function previousDay(iso: string): string {
  return shift(iso, -1);
}

function shift(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function fail(message: string): never {
  throw new QueryError(message, QUERY_HINT);
}
