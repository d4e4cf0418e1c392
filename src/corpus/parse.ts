import type { CorpusWarning, FileReport, PageEntry } from './types.js';
import { decodePage } from './decode.js';
import { cleanLine, splitLines } from './text.js';
import { isChrome } from './chrome.js';
import { dateInFileName, isoDate, isoToday, parseDateLine, type DateLine } from './dates.js';
import { pageEntrySchema } from './schema.js';

export interface ParseOptions {
  /** The operator's statement of the page year (PAPERWIRE_CORPUS_YEAR / --year). */
  year?: number;
  /** Today, for pages whose year nothing states: a page is never dated after today. */
  now?: Date;
}

export interface ParsedPage {
  entries: PageEntry[];
  warnings: CorpusWarning[];
  report: FileReport;
}

const MAX_TITLE = 500;
const MAX_UPVOTES = 1_000_000;

type Token =
  | { kind: 'text'; text: string; line: number }
  | { kind: 'date'; date: DateLine; text: string; line: number }
  | { kind: 'authors'; count: number; line: number }
  | { kind: 'sep'; line: number };

interface RawEntry {
  title: string;
  abstract: string;
  line: number;
  authorsCount?: number;
  organization?: string;
  date?: { value: DateLine; text: string; line: number };
  hasMetadata: boolean;
}

export function parsePage(file: string, bytes: Uint8Array, options: ParseOptions = {}): ParsedPage {
  const decoded = decodePage(bytes);
  if (!decoded.ok) return notAPage(file, decoded.reason);
  const warnings: CorpusWarning[] = [];
  const warn = (line: number, message: string) => warnings.push({ file, line, message });

  const { tokens, pageDateToken, preamble } = tokenize(splitLines(decoded.text));
  for (const token of preamble) warn(token.line, 'unrecognised line before the page date, skipped as page chrome');
  const raw = readEntries(tokens, warn);
  if (raw.length === 0) {
    return notAPage(file, 'no paper entries found (expected a title line followed by an abstract line)');
  }
  if (!/[\r\n]$/.test(decoded.text) && !/[.!?)\]"'”]$/.test(raw[raw.length - 1]!.abstract.trim())) {
    warn(raw[raw.length - 1]!.line, 'file may be truncated: the last abstract ends mid-sentence; kept as read');
  }

  const page = resolvePageDate(file, pageDateToken, raw, options, warn);
  const entries: PageEntry[] = [];
  for (const entry of raw) {
    const candidate = toPageEntry(file, entry, page, options.now ?? new Date(), warn);
    const checked = pageEntrySchema.safeParse(candidate);
    if (checked.success) entries.push(checked.data);
    else warn(entry.line, `entry skipped: ${checked.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  return {
    entries,
    warnings,
    report: {
      file,
      entries: entries.length,
      withMetadata: raw.filter((e) => e.hasMetadata).length,
      pageDate: page.date,
      yearSource: page.yearSource,
      skipped: false,
    },
  };
}

function notAPage(file: string, reason: string): ParsedPage {
  return {
    entries: [],
    warnings: [{ file, line: 0, message: `not a Daily Papers page, skipped: ${reason}` }],
    report: { file, entries: 0, withMetadata: 0, skipped: true },
  };
}

/**
 * Classifies the non-blank lines. Known chrome before the first paper is dropped; the first date line
 * before any paper is the page date, and short unknown lines above it are chrome we do not know yet.
 */
function tokenize(lines: string[]): { tokens: Token[]; pageDateToken?: { date: DateLine; line: number }; preamble: Token[] } {
  let tokens: Token[] = [];
  let preamble: Token[] = [];
  let pageDateToken: { date: DateLine; line: number } | undefined;
  let sawText = false;
  lines.forEach((rawLine, index) => {
    const text = cleanLine(rawLine);
    const line = index + 1;
    if (text === '') return;
    if (!sawText && isChrome(text)) return;
    const date = parseDateLine(text);
    if (date && !pageDateToken && tokens.every((t) => t.kind === 'text' && !looksLikeAbstract(t.text))) {
      pageDateToken = { date, line };
      preamble = tokens;
      tokens = [];
      return;
    }
    const authors = /^[•·*-]? ?(\d{1,6}) authors?$/i.exec(text);
    if (date) tokens.push({ kind: 'date', date, text, line });
    else if (authors) tokens.push({ kind: 'authors', count: Number(authors[1]), line });
    else if (/^[·•|]$/.test(text)) tokens.push({ kind: 'sep', line });
    else {
      tokens.push({ kind: 'text', text, line });
      sawText = true;
    }
  });
  return { tokens, pageDateToken, preamble };
}

function looksLikeAbstract(text: string): boolean {
  return text.length >= 120 || (text.length >= 40 && /[.!?]$/.test(text) && text.split(' ').length >= 8);
}

/** Title, abstract, then an optional metadata block: [authors | organisation] [·] [date [upvotes]]. */
function readEntries(tokens: Token[], warn: (line: number, message: string) => void): RawEntry[] {
  const entries: RawEntry[] = [];
  let i = 0;
  const isOrgLine = (at: number) => {
    const token = tokens[at];
    return token?.kind === 'text' && tokens[at + 1]?.kind === 'sep' && !looksLikeAbstract(token.text);
  };
  const isMetaStart = (at: number) => {
    const kind = tokens[at]?.kind;
    return kind === 'authors' || kind === 'sep' || kind === 'date' || isOrgLine(at);
  };
  const skipMetadata = (at: number): number => {
    let j = at;
    if (tokens[j]?.kind === 'authors' || isOrgLine(j)) j++;
    if (tokens[j]?.kind === 'sep') j++;
    if (tokens[j]?.kind === 'date') j++;
    return j;
  };

  while (i < tokens.length) {
    const first = tokens[i]!;
    if (first.kind !== 'text' || isOrgLine(i)) {
      warn(first.line, 'metadata block with no title before it, skipped');
      i = Math.max(skipMetadata(i), i + 1);
      continue;
    }
    const second = tokens[i + 1];
    if (first.text.length > MAX_TITLE) {
      if (looksLikeAbstractAfterTitle(second)) {
        warn(first.line, `line of ${first.text.length} characters is too long for a title, skipped with its abstract`);
        i = isMetaStart(i + 2) ? skipMetadata(i + 2) : i + 2;
      } else {
        warn(first.line, 'abstract with no title before it, skipped');
        i++;
      }
      continue;
    }
    if (!second || second.kind !== 'text' || isOrgLine(i + 1) || !looksLikeAbstract(second.text)) {
      warn(
        first.line,
        looksLikeAbstract(first.text) ? 'abstract with no title before it, skipped' : `title with no abstract after it, skipped: "${clip(first.text)}"`,
      );
      i = second && second.kind !== 'text' ? skipMetadata(i + 1) : i + 1;
      continue;
    }
    const entry: RawEntry = { title: first.text, abstract: second.text, line: first.line, hasMetadata: false };
    let j = i + 2;
    if (isMetaStart(j)) {
      entry.hasMetadata = true;
      const head = tokens[j]!;
      if (head.kind === 'authors') {
        entry.authorsCount = head.count;
        j++;
      } else if (head.kind === 'text') {
        entry.organization = organizationName(head.text);
        j++;
      }
      if (tokens[j]?.kind === 'sep') j++;
      const date = tokens[j];
      if (date?.kind === 'date') {
        entry.date = { value: date.date, text: date.text, line: date.line };
        j++;
      }
    }
    entries.push(entry);
    i = j;
  }
  return entries;
}

function looksLikeAbstractAfterTitle(token: Token | undefined): boolean {
  return token?.kind === 'text' && looksLikeAbstract(token.text);
}

/** `kyutai Kyutai`, `ReactiveAI Reactive AI`: the organisation's handle, then its display name. Keep the name. */
function organizationName(line: string): string {
  const [handle, ...rest] = line.split(' ');
  const name = rest.join(' ');
  const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return name && squash(handle!) === squash(name) ? name : line;
}

interface PageDate {
  date?: string;
  year: number;
  yearSource: FileReport['yearSource'];
}

/**
 * The page date comes from, in order: a date in the file name; the page's date line, with its year
 * written, stated by the operator, or inferred (one after the latest year written on the page, the
 * newest dated entry being from an earlier year); failing all that, the latest year not in the future.
 */
function resolvePageDate(
  file: string,
  token: { date: DateLine; line: number } | undefined,
  entries: RawEntry[],
  options: ParseOptions,
  warn: (line: number, message: string) => void,
): PageDate {
  const fromName = dateInFileName(file);
  if (fromName) return { date: fromName, year: Number(fromName.slice(0, 4)), yearSource: 'file name' };

  const today = isoToday(options.now ?? new Date());
  const writtenYears = entries.flatMap((e) => (e.date?.value.year ? [e.date.value.year] : []));
  const latestCalendarYear = (month: number, day: number) => {
    const thisYear = Number(today.slice(0, 4));
    const candidate = isoDate(thisYear, month, day);
    return candidate && candidate > today ? thisYear - 1 : thisYear;
  };

  let year: number;
  let yearSource: FileReport['yearSource'];
  const month = token?.date.month ?? 12;
  const day = token?.date.day ?? 31;
  if (token?.date.year) [year, yearSource] = [token.date.year, 'page'];
  else if (options.year) [year, yearSource] = [options.year, 'operator'];
  else if (writtenYears.length > 0) {
    year = Math.min(Math.max(...writtenYears) + 1, latestCalendarYear(month, day));
    yearSource = 'inferred';
  } else [year, yearSource] = [latestCalendarYear(month, day), 'clock'];

  if (!token) return { year, yearSource };
  const date = isoDate(year, token.date.month, token.date.day);
  if (!date) warn(token.line, `page date is not a real date in ${year}; page left undated`);
  return { date, year, yearSource };
}

function toPageEntry(file: string, entry: RawEntry, page: PageDate, now: Date, warn: (line: number, message: string) => void): PageEntry {
  const result: PageEntry = { title: entry.title, abstract: entry.abstract, file, line: entry.line };
  if (entry.authorsCount !== undefined) result.authorsCount = entry.authorsCount;
  if (entry.organization !== undefined) result.organization = entry.organization;
  if (page.date) result.pageDate = page.date;
  if (!entry.date) return result;

  const { value, text, line } = entry.date;
  const latest = page.date ?? isoToday(now);
  if (value.trailingNumber !== undefined) {
    if (value.trailingNumber >= 0 && value.trailingNumber <= MAX_UPVOTES) result.upvotes = value.trailingNumber;
    else warn(line, `upvote count ${value.trailingNumber} is out of range (0 to ${MAX_UPVOTES}); left out`);
  } else {
    result.upvotes = 0;
  }
  let published = isoDate(value.year ?? page.year, value.month, value.day);
  if (published && value.year === undefined && published > latest) published = isoDate(page.year - 1, value.month, value.day);
  if (!published) warn(line, `"${text}" is not a real date; publication date left out`);
  else if (published > latest) warn(line, `publication date ${published} is after the page date ${latest}; left out`);
  else result.publishedAt = published;
  return result;
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
