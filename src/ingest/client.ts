import { cleanLine } from '../corpus/text.js';
import { readItem } from './item.js';
import type { DailyPapersSource, IngestWarning, IngestedPaper } from './types.js';

/** The API's largest page. */
export const MAX_PAGE_SIZE = 100;

export interface RetryEvent {
  date: string;
  page: number;
  /** What went wrong, in plain words. */
  reason: string;
  /** How long the client waits before the next try. */
  waitMs: number;
}

export interface DailyPapersClientOptions {
  /** Ends in "/", e.g. https://huggingface.co/api/ (PAPERWIRE_HF_API_URL). */
  baseUrl: string;
  /** Papers per request, 1–100 (default 100); a shorter page ends the day. */
  pageSize?: number;
  /** Per request, body included (default 20 s). */
  timeoutMs?: number;
  /** Tries per page for 5xx, timeouts, resets and unreadable bodies (default 4, at least 3 is sensible). */
  tries?: number;
  /** The first backoff; it doubles with each failed try (default 1 s, so 1, 2, 4 s), up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** The longest a 429's Retry-After is obeyed (default 60 s); a longer ask waits this long. */
  maxRetryAfterMs?: number;
  /** 429s in a row for one page before the day counts as failed (default 5). */
  maxRateLimitWaits?: number;
  /** A day with more pages than this stops there, with a warning (default 50: 5,000 papers). */
  maxPages?: number;
  fetch?: typeof globalThis.fetch;
  sleep?: (ms: number) => Promise<void>;
  /** For Retry-After given as an HTTP date. */
  now?: () => Date;
  onRetry?: (event: RetryEvent) => void;
}

type PageOutcome = { kind: 'items'; items: unknown[] } | { kind: 'not-open'; message: string } | { kind: 'failed'; message: string };

type Attempt = PageOutcome | { kind: 'retry'; reason: string } | { kind: 'rate-limited'; waitMs?: number };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The Hugging Face daily papers API (`GET {base}daily_papers?date=…&p=…&limit=…`): reads every page
 * of a day, checks each item, and rides out the API's faults: a 429 waits as Retry-After says; 5xx,
 * timeouts, resets and bodies that are not a JSON list are tried again with backoff; a 400 means the
 * day's list is not open yet.
 */
export function dailyPapersClient(options: DailyPapersClientOptions): DailyPapersSource {
  const o = {
    pageSize: options.pageSize ?? MAX_PAGE_SIZE,
    timeoutMs: options.timeoutMs ?? 20_000,
    tries: options.tries ?? 4,
    backoffMs: options.backoffMs ?? 1_000,
    maxBackoffMs: options.maxBackoffMs ?? 30_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
    maxRateLimitWaits: options.maxRateLimitWaits ?? 5,
    maxPages: options.maxPages ?? 50,
    fetch: options.fetch ?? globalThis.fetch,
    sleep: options.sleep ?? realSleep,
    now: options.now ?? (() => new Date()),
  };
  if (!Number.isInteger(o.pageSize) || o.pageSize < 1 || o.pageSize > MAX_PAGE_SIZE) throw new RangeError(`pageSize must be from 1 to ${MAX_PAGE_SIZE}`);
  if (!Number.isInteger(o.tries) || o.tries < 1) throw new RangeError('tries must be at least 1');
  const base = new URL(options.baseUrl);

  function pageUrl(date: string, page: number): URL {
    const url = new URL('daily_papers', base);
    url.searchParams.set('date', date);
    url.searchParams.set('p', String(page));
    url.searchParams.set('limit', String(o.pageSize));
    return url;
  }

  async function tryOnce(date: string, page: number): Promise<Attempt> {
    let response: Response;
    let body: string;
    try {
      response = await o.fetch(pageUrl(date, page), { signal: AbortSignal.timeout(o.timeoutMs), headers: { accept: 'application/json' } });
      if (response.status === 429) {
        await discard(response);
        return { kind: 'rate-limited', waitMs: retryAfterMs(response.headers.get('retry-after'), o.now()) };
      }
      if (response.status >= 500) {
        await discard(response);
        return { kind: 'retry', reason: `the API answered ${statusText(response)}` };
      }
      body = await response.text();
    } catch (error) {
      return { kind: 'retry', reason: networkProblem(error, o.timeoutMs) };
    }
    if (response.status === 400) return { kind: 'not-open', message: `the API answered 400${apiMessage(body)}` };
    if (response.status < 200 || response.status >= 300) {
      const hint = response.status === 404 ? ': check PAPERWIRE_HF_API_URL' : '';
      return { kind: 'failed', message: `the API answered ${statusText(response)}${apiMessage(body)}${hint}` };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return { kind: 'retry', reason: 'the answer was not JSON' };
    }
    if (!Array.isArray(parsed)) return { kind: 'retry', reason: 'the answer was JSON but not a list of papers' };
    return { kind: 'items', items: parsed };
  }

  async function fetchPage(date: string, page: number): Promise<PageOutcome> {
    let failures = 0;
    let rateLimited = 0;
    for (;;) {
      const attempt = await tryOnce(date, page);
      if (attempt.kind === 'items' || attempt.kind === 'not-open' || attempt.kind === 'failed') return attempt;
      let waitMs: number;
      let reason: string;
      if (attempt.kind === 'rate-limited') {
        if (++rateLimited > o.maxRateLimitWaits)
          return { kind: 'failed', message: `the API still answered 429 (too many requests) after ${o.maxRateLimitWaits} waits` };
        waitMs = Math.min(attempt.waitMs ?? backoff(rateLimited), o.maxRetryAfterMs);
        reason = 'the API answered 429 (too many requests)';
      } else {
        if (++failures >= o.tries) return { kind: 'failed', message: `${attempt.reason} (${failures} ${failures === 1 ? 'try' : 'tries'})` };
        waitMs = backoff(failures);
        reason = attempt.reason;
      }
      options.onRetry?.({ date, page, reason, waitMs });
      await o.sleep(waitMs);
    }
  }

  const backoff = (n: number) => Math.min(o.backoffMs * 2 ** (n - 1), o.maxBackoffMs);

  return {
    async fetchDay(date) {
      const papers = new Map<string, IngestedPaper>();
      const warnings: IngestWarning[] = [];
      let page = 0;
      for (; ; page++) {
        if (page >= o.maxPages) {
          warnings.push({ date, message: `stopped after ${o.maxPages} pages (${papers.size} papers); the rest of the day was not read` });
          break;
        }
        const outcome = await fetchPage(date, page);
        if (outcome.kind === 'not-open') {
          if (page === 0) return { status: 'not-open', date, message: `the list is not open yet (${outcome.message})`, warnings };
          warnings.push({ date, message: `page ${page + 1} was refused (${outcome.message}); kept the ${papers.size} papers of the pages before` });
          break;
        }
        if (outcome.kind === 'failed') {
          return { status: 'failed', date, message: `page ${page + 1} could not be read: ${outcome.message}`, warnings };
        }
        outcome.items.forEach((raw, index) => {
          const item = readItem(raw, date);
          const where = `item ${page * o.pageSize + index + 1}`;
          if (!item.ok) {
            warnings.push({ date, message: `${where} (${item.label}) was left out: ${item.reason}` });
            return;
          }
          for (const note of item.notes) warnings.push({ date, message: `${where} (${item.paper.arxivId}): ${note}` });
          // Pages of a list ordered by upvotes can shift while they are read: a paper seen twice is one paper.
          papers.set(item.paper.arxivId, item.paper);
        });
        if (outcome.items.length < o.pageSize) break;
      }
      return { status: 'ok', date, papers: [...papers.values()], warnings, pages: page + 1 };
    },
  };
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: Date): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // The connection is going away anyway.
  }
}

function statusText(response: Response): string {
  return `${response.status}${response.statusText ? ` ${cleanLine(response.statusText).slice(0, 60)}` : ''}`;
}

/** The API's own error text, when the body is `{"error": "…"}`, clipped and cleaned for a log line. */
function apiMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown };
    const text = typeof parsed?.error === 'string' ? parsed.error : typeof parsed?.message === 'string' ? parsed.message : '';
    const clean = cleanLine(text.replace(/\s+/g, ' ')).slice(0, 160);
    return clean ? `: ${clean}` : '';
  } catch {
    return '';
  }
}

/** What fetch's error means, in plain words (never its stack). */
function networkProblem(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${Math.round(timeoutMs / 100) / 10} s`;
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: string })?.code;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was reset';
  if (code === 'ECONNREFUSED') return 'the connection was refused (ECONNREFUSED)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the API's host name could not be resolved (${code}): is the network up?`;
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return 'could not connect in time';
  if (code) return `the request failed (${code})`;
  return `the request failed${cause?.message ? ` (${cleanLine(cause.message).slice(0, 100)})` : ''}`;
}
