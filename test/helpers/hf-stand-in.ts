import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request to `/api/daily_papers`, as the stand-in received it. */
export interface HfRequest {
  date: string | null;
  page: number;
  limit: number;
  /** What the stand-in did with it: 'ok', or the fault's kind. */
  answer: string;
}

export type HfFault =
  /** Any status (5xx, 404…), with optional headers (e.g. Retry-After) and body. */
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  /** 429 Too Many Requests with this Retry-After (seconds or an HTTP date). */
  | { kind: 'rate-limit'; retryAfter?: string }
  /** 200 with an HTML page instead of JSON. */
  | { kind: 'not-json' }
  /** 200 with JSON that is not a list. */
  | { kind: 'not-list' }
  /** Answers nothing for `ms` (default: never, until stop()). */
  | { kind: 'hang'; ms?: number }
  /** Closes the connection without an answer. */
  | { kind: 'reset' }
  /** Sends the headers and half a body, then closes the connection. */
  | { kind: 'cut-body' };

interface Scheduled {
  fault: HfFault;
  /** Only requests for this page (any page when undefined). */
  page?: number;
}

/**
 * A local stand-in for the Hugging Face daily papers API (`GET /api/daily_papers?date&p&limit`):
 * days are scripted lists of items, paged like the API (limit 1–100, default 50); a day not scripted
 * is an empty list, a day marked not open answers 400; faults can be queued per day and page. Every
 * request is logged.
 */
export class HfStandIn {
  readonly requests: HfRequest[] = [];
  private readonly days = new Map<string, unknown[]>();
  private readonly closed = new Set<string>();
  private readonly faults = new Map<string, Scheduled[]>();
  private readonly server: Server = createServer((req, res) => this.handle(req, res));
  private readonly hanging = new Set<ServerResponse>();

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The base URL, as PAPERWIRE_HF_API_URL takes it. */
  get apiUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
  }

  /** The day's list, in the order the API pages it. */
  setDay(date: string, items: unknown[]): this {
    this.days.set(date, items);
    this.closed.delete(date);
    return this;
  }

  /** The day answers 400, as the API does for a day whose list is not open yet. */
  notOpen(date: string): this {
    this.closed.add(date);
    return this;
  }

  /** The next `times` requests for `date` (and `page`, when given) get `fault` instead of the list. */
  fail(date: string, fault: HfFault, times = 1, page?: number): this {
    const queue = this.faults.get(date) ?? [];
    for (let i = 0; i < times; i++) queue.push({ fault, page });
    this.faults.set(date, queue);
    return this;
  }

  requestsFor(date: string): HfRequest[] {
    return this.requests.filter((r) => r.date === date);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (req.method !== 'GET' || url.pathname !== '/api/daily_papers') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'Not Found' }));
      return;
    }
    const date = url.searchParams.get('date');
    const page = Number(url.searchParams.get('p') ?? '0');
    const limit = Number(url.searchParams.get('limit') ?? '50');
    const log: HfRequest = { date, page, limit, answer: 'ok' };
    this.requests.push(log);

    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !Number.isInteger(page) || page < 0 || !Number.isInteger(limit) || limit < 1 || limit > 100) {
      log.answer = 'bad request';
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'Invalid parameters' }));
      return;
    }
    const queue = this.faults.get(date) ?? [];
    const index = queue.findIndex((s) => s.page === undefined || s.page === page);
    if (index >= 0) {
      const [{ fault }] = queue.splice(index, 1) as [Scheduled];
      log.answer = fault.kind;
      this.answerFault(req, res, fault);
      return;
    }
    if (this.closed.has(date)) {
      log.answer = 'not open';
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `Daily papers for ${date} are not available yet` }));
      return;
    }
    const items = (this.days.get(date) ?? []).slice(page * limit, (page + 1) * limit);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(items));
  }

  private answerFault(req: IncomingMessage, res: ServerResponse, fault: HfFault): void {
    switch (fault.kind) {
      case 'status':
        res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers }).end(fault.body ?? JSON.stringify({ error: 'stand-in fault' }));
        return;
      case 'rate-limit':
        res
          .writeHead(429, { 'content-type': 'application/json', ...(fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {}) })
          .end(JSON.stringify({ error: 'You have exceeded the rate limit' }));
        return;
      case 'not-json':
        res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Something went wrong</body></html>');
        return;
      case 'not-list':
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'Internal error', papers: null }));
        return;
      case 'hang': {
        this.hanging.add(res);
        res.on('close', () => this.hanging.delete(res));
        if (fault.ms !== undefined) {
          const timer = setTimeout(() => {
            if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
          }, fault.ms);
          res.on('close', () => clearTimeout(timer));
        }
        return;
      }
      case 'reset':
        req.socket.destroy();
        return;
      case 'cut-body':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('[{"paper": {"id": "2501.0');
        setTimeout(() => req.socket.destroy(), 5);
        return;
    }
  }
}

export interface ItemOptions {
  /** The list day, YYYY-MM-DD. */
  date: string;
  upvotes?: number;
  numComments?: number;
  /** Leave out the optional fields (githubRepo, projectPage, organization, ai_*, thumbnail). */
  bare?: boolean;
}

/** A realistic item of the API's list (unknown extra fields included, as the real API sends them). */
export function hfItem(arxivId: string, title: string, options: ItemOptions) {
  const listed = `${options.date}T00:00:00.000Z`;
  const published = new Date(Date.parse(listed) - 86_400_000).toISOString();
  const upvotes = options.upvotes ?? 10;
  const paper: Record<string, unknown> = {
    id: arxivId,
    authors: [
      { _id: 'a1', name: 'Ada Lovelace', hidden: false },
      { _id: 'a2', name: 'Alan Turing', hidden: false, user: { _id: 'u2', user: 'aturing' } },
      { _id: 'a3', name: 'Grace Hopper', hidden: true },
    ],
    mediaUrls: [],
    publishedAt: published,
    submittedOnDailyAt: listed,
    title,
    summary: `We study ${title.toLowerCase()}.\nOur method improves results on three benchmarks while using less memory.`,
    upvotes,
    discussionId: `d-${arxivId}`,
    withdrawnAt: null,
  };
  if (!options.bare) {
    Object.assign(paper, {
      githubRepo: `https://github.com/example/${arxivId.replace('.', '-')}`,
      githubStars: 42,
      projectPage: `https://example.org/${arxivId}`,
      organization: { _id: 'o1', name: 'example-lab', fullname: 'Example Lab', avatar: 'https://example.org/a.png' },
      ai_summary: `A method for ${title.toLowerCase()} that uses less memory.`,
      ai_keywords: ['memory', 'benchmarks', title.split(' ')[0]!.toLowerCase()],
    });
  }
  return {
    paper,
    publishedAt: published,
    title,
    summary: paper.summary,
    mediaUrls: [],
    ...(options.bare ? {} : { thumbnail: `https://cdn.example.org/thumbs/${arxivId}.png` }),
    numComments: options.numComments ?? 2,
    submittedBy: { _id: 's1', avatarUrl: 'https://example.org/s.png', fullname: 'Submitter', name: 'submitter', type: 'user' },
    isAuthorParticipating: false,
  };
}

/** `count` distinct items for one day: arXiv ids from the date (2603.02001… for 2026-03-02), upvotes falling. */
export function hfDay(date: string, count: number, options: Omit<ItemOptions, 'date'> = {}) {
  const [year, month, day] = date.split('-');
  return Array.from({ length: count }, (_, i) =>
    hfItem(`${year!.slice(2)}${month}.${String(Number(day) * 1000 + i).padStart(5, '0')}`, `Paper ${i + 1} of ${date} on sparse attention`, {
      ...options,
      date,
      upvotes: options.upvotes ?? Math.max(0, 200 - i),
    }),
  );
}
