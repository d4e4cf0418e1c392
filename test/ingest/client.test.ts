import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dailyPapersClient, retryAfterMs, type DailyPapersClientOptions } from '../../src/ingest/client.js';
import { arxivPaperId } from '../../src/ingest/item.js';
import type { DayFetch } from '../../src/ingest/types.js';
import { HfStandIn, hfDay, hfItem } from '../helpers/hf-stand-in.js';

const DAY = '2026-03-02';
const NOW = new Date('2026-03-04T12:00:00Z');

let api: HfStandIn;
let waits: number[];
beforeEach(async () => {
  api = await new HfStandIn().start();
  waits = [];
});
afterEach(() => api.stop());

/** A client on the stand-in whose waits are recorded instead of slept. */
function client(options: Partial<DailyPapersClientOptions> = {}) {
  return dailyPapersClient({
    baseUrl: api.apiUrl,
    sleep: async (ms) => void waits.push(ms),
    now: () => NOW,
    timeoutMs: 2_000,
    ...options,
  });
}

function ok(result: DayFetch) {
  if (result.status !== 'ok') throw new Error(`expected the day to be read, got ${result.status}: ${result.message}`);
  return result;
}

describe('the daily papers client', () => {
  it('reads every page of a busy day (limit 100; a short page ends it)', async () => {
    api.setDay(DAY, hfDay(DAY, 250));
    const result = ok(await client().fetchDay(DAY));
    expect(result.papers).toHaveLength(250);
    expect(new Set(result.papers.map((p) => p.arxivId)).size).toBe(250);
    expect(result.pages).toBe(3);
    expect(api.requests.map((r) => [r.date, r.page, r.limit])).toEqual([
      [DAY, 0, 100],
      [DAY, 1, 100],
      [DAY, 2, 100],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('asks for one more page when a page is exactly full, and stops at the empty one', async () => {
    api.setDay(DAY, hfDay(DAY, 200));
    const result = ok(await client().fetchDay(DAY));
    expect(result.papers).toHaveLength(200);
    expect(api.requests.map((r) => r.page)).toEqual([0, 1, 2]);
  });

  it('turns an item into a paper with its arXiv id, links, counts and list day', async () => {
    api.setDay(DAY, [hfItem('2603.01234', 'Sparse  Attention &amp; Memory', { date: DAY, upvotes: 77, numComments: 5 })]);
    const [paper] = ok(await client().fetchDay(DAY)).papers;
    expect(paper).toEqual({
      id: 'arxiv-2603-01234',
      title: 'Sparse Attention & Memory',
      abstract: 'We study sparse attention &amp; memory. Our method improves results on three benchmarks while using less memory.'.replace('&amp;', '&'),
      authorsCount: 3,
      organization: 'Example Lab',
      publishedAt: '2026-03-01',
      upvotes: 77,
      appearances: [],
      arxivId: '2603.01234',
      url: 'https://huggingface.co/papers/2603.01234',
      listDate: DAY,
      listDates: [DAY],
      githubRepo: 'https://github.com/example/2603-01234',
      githubStars: 42,
      projectPage: 'https://example.org/2603.01234',
      thumbnail: 'https://cdn.example.org/thumbs/2603.01234.png',
      aiSummary: 'A method for sparse attention &amp; memory that uses less memory.'.replace('&amp;', '&'),
      aiKeywords: ['memory', 'benchmarks', 'sparse'],
      numComments: 5,
    });
    expect(paper!.id).toMatch(/^[a-z0-9-]+$/);
  });

  it('leaves optional fields out when the item has none, and reads the organization name when there is no full name', async () => {
    const item = hfItem('2603.01235', 'Bare paper', { date: DAY, bare: true });
    const named = hfItem('2603.01236', 'Named org', { date: DAY, bare: true });
    (named.paper as Record<string, unknown>).organization = { name: 'lab-only' };
    api.setDay(DAY, [item, named]);
    const [bare, org] = ok(await client().fetchDay(DAY)).papers;
    expect(Object.keys(bare!).sort()).toEqual(
      ['id', 'title', 'abstract', 'authorsCount', 'publishedAt', 'upvotes', 'appearances', 'arxivId', 'url', 'listDate', 'listDates', 'numComments'].sort(),
    );
    expect(org!.organization).toBe('lab-only');
  });

  it('keeps a paper whose always-sent fields are missing, with a note for each, and drops one where they are wrong', async () => {
    const missing = hfItem('2603.01237', 'Missing fields', { date: DAY, bare: true });
    for (const key of ['authors', 'publishedAt', 'submittedOnDailyAt', 'upvotes']) delete (missing.paper as Record<string, unknown>)[key];
    const wrong = hfItem('2603.01238', 'Wrong fields', { date: DAY, bare: true });
    Object.assign(wrong.paper as Record<string, unknown>, { authors: 'Ada', publishedAt: 'last week' });
    api.setDay(DAY, [missing, wrong]);
    const result = ok(await client().fetchDay(DAY));
    expect(result.papers).toEqual([expect.objectContaining({ arxivId: '2603.01237', listDate: DAY, listDates: [DAY] })]);
    expect(result.papers[0]).not.toHaveProperty('upvotes');
    expect(result.papers[0]).not.toHaveProperty('publishedAt');
    expect(result.warnings.map((w) => w.message)).toEqual([
      'item 1 (2603.01237): paper.authors is missing; left out',
      'item 1 (2603.01237): paper.publishedAt is missing; left out',
      'item 1 (2603.01237): paper.upvotes is missing; left out',
      `item 1 (2603.01237): paper.submittedOnDailyAt is missing; listed on ${DAY} as asked`,
      'item 2 (2603.01238) was left out: paper.authors should be a list; paper.publishedAt is not a date',
    ]);
  });

  it('makes stable, URL-safe ids from new- and old-style arXiv ids', () => {
    expect(arxivPaperId('2502.12345')).toBe('arxiv-2502-12345');
    expect(arxivPaperId('2502.12345v2')).toBe('arxiv-2502-12345');
    expect(arxivPaperId('hep-th/9901001')).toBe('arxiv-hep-th-9901001');
    expect(arxivPaperId('math.GT/0309136')).toBe('arxiv-math-gt-0309136');
  });

  it('keeps the good items of a list with malformed ones, and warns for each bad one with the date and the reason', async () => {
    const good = hfDay(DAY, 3);
    const noTitle = hfItem('2603.09001', 'x', { date: DAY });
    delete (noTitle.paper as Record<string, unknown>).title;
    const badUpvotes = hfItem('2603.09002', 'Bad upvotes', { date: DAY });
    (badUpvotes.paper as Record<string, unknown>).upvotes = 'lots';
    const badId = hfItem('not an id', 'Bad id', { date: DAY });
    const badStars = hfItem('2603.09003', 'Bad stars', { date: DAY });
    (badStars.paper as Record<string, unknown>).githubStars = -4;
    (badStars.paper as Record<string, unknown>).projectPage = 'javascript:alert(1)';
    const withNulls = hfItem('2603.09004', 'Nulls are absent', { date: DAY });
    Object.assign(withNulls.paper as Record<string, unknown>, { githubRepo: null, ai_summary: null, organization: null });
    api.setDay(DAY, [good[0], 'a string', null, noTitle, good[1], badUpvotes, { title: 'no paper' }, badId, badStars, withNulls, good[2]]);

    const result = ok(await client().fetchDay(DAY));
    expect(result.papers.map((p) => p.arxivId)).toEqual([good[0]!.paper.id, good[1]!.paper.id, '2603.09003', '2603.09004', good[2]!.paper.id]);
    const stars = result.papers.find((p) => p.arxivId === '2603.09003')!;
    expect(stars.githubStars).toBeUndefined();
    expect(stars.projectPage).toBeUndefined();
    expect(stars.githubRepo).toBeDefined();
    expect(result.papers.find((p) => p.arxivId === '2603.09004')!.githubRepo).toBeUndefined();

    expect(result.warnings.every((w) => w.date === DAY)).toBe(true);
    const messages = result.warnings.map((w) => w.message);
    expect(messages).toEqual([
      'item 2 (no id) was left out: the item should be an object',
      'item 3 (no id) was left out: the item should be an object',
      'item 4 (2603.09001) was left out: paper.title is missing',
      'item 6 (2603.09002) was left out: paper.upvotes should be a number',
      'item 7 ("no paper") was left out: paper is missing',
      'item 8 (not an id) was left out: paper.id is not an arXiv id',
      'item 9 (2603.09003): paper.githubStars is out of range; left out',
      'item 9 (2603.09003): paper.projectPage is not an http(s) URL; left out',
    ]);
  });

  it('counts an empty list as an empty day, and a 400 as a day not open yet', async () => {
    const empty = ok(await client().fetchDay(DAY));
    expect(empty.papers).toEqual([]);
    expect(empty.pages).toBe(1);

    api.notOpen('2026-03-05');
    const closed = await client().fetchDay('2026-03-05');
    expect(closed).toMatchObject({ status: 'not-open', date: '2026-03-05' });
    expect(closed.status === 'not-open' && closed.message).toMatch(/not open yet \(the API answered 400: Daily papers for 2026-03-05 are not available yet\)/);
    expect(api.requestsFor('2026-03-05')).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('waits as Retry-After says on a 429 (seconds or an HTTP date), capped, then goes on', async () => {
    api.setDay(DAY, hfDay(DAY, 120));
    api.fail(DAY, { kind: 'rate-limit', retryAfter: '7' }, 1, 0);
    api.fail(DAY, { kind: 'rate-limit', retryAfter: new Date(NOW.getTime() + 12_000).toUTCString() }, 1, 1);
    api.fail(DAY, { kind: 'rate-limit', retryAfter: '3600' }, 1, 1);
    api.fail(DAY, { kind: 'rate-limit' }, 1, 1);
    const retries: string[] = [];
    const result = ok(await client({ maxRetryAfterMs: 60_000, onRetry: (e) => retries.push(`${e.page}:${e.waitMs}`) }).fetchDay(DAY));
    expect(result.papers).toHaveLength(120);
    // 7 s; 12 s from the date; an hour capped at a minute; no header: the backoff (1 s for the third 429 of page 1 is 4 s).
    expect(waits).toEqual([7_000, 12_000, 60_000, 4_000]);
    expect(retries).toEqual(['0:7000', '1:12000', '1:60000', '1:4000']);
    expect(api.requests.map((r) => r.answer)).toEqual(['rate-limit', 'ok', 'rate-limit', 'rate-limit', 'rate-limit', 'ok']);
  });

  it('gives up on a day the API keeps rate-limiting', async () => {
    api.fail(DAY, { kind: 'rate-limit', retryAfter: '1' }, 10);
    const result = await client({ maxRateLimitWaits: 3 }).fetchDay(DAY);
    expect(result).toMatchObject({ status: 'failed' });
    expect(result.status === 'failed' && result.message).toBe('page 1 could not be read: the API still answered 429 (too many requests) after 3 waits');
    expect(waits).toEqual([1000, 1000, 1000]);
  });

  it('retries 5xx with exponential backoff and reads the day once the API recovers', async () => {
    api.setDay(DAY, hfDay(DAY, 5));
    api.fail(DAY, { kind: 'status', status: 503 }, 2);
    api.fail(DAY, { kind: 'status', status: 500 }, 1);
    const result = ok(await client().fetchDay(DAY));
    expect(result.papers).toHaveLength(5);
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(api.requests.map((r) => r.answer)).toEqual(['status', 'status', 'status', 'ok']);
  });

  it('counts the day as failed after every try of a 5xx, and says why', async () => {
    api.setDay(DAY, hfDay(DAY, 5));
    api.fail(DAY, { kind: 'status', status: 502 }, 10);
    const result = await client({ tries: 3 }).fetchDay(DAY);
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && result.message).toBe('page 1 could not be read: the API answered 502 Bad Gateway (3 tries)');
    expect(api.requests).toHaveLength(3);
    expect(waits).toEqual([1000, 2000]);
  });

  it('fails a try whose body is not JSON, or not a list, and tries again', async () => {
    api.setDay(DAY, hfDay(DAY, 4));
    api.fail(DAY, { kind: 'not-json' }, 1);
    api.fail(DAY, { kind: 'not-list' }, 1);
    const result = ok(await client().fetchDay(DAY));
    expect(result.papers).toHaveLength(4);
    expect(api.requests.map((r) => r.answer)).toEqual(['not-json', 'not-list', 'ok']);

    api.fail('2026-03-03', { kind: 'not-json' }, 4);
    const failed = await client().fetchDay('2026-03-03');
    expect(failed.status === 'failed' && failed.message).toBe('page 1 could not be read: the answer was not JSON (4 tries)');
  });

  it('retries a request that hangs past the timeout, a reset connection and a body cut short', async () => {
    api.setDay(DAY, hfDay(DAY, 150));
    api.fail(DAY, { kind: 'hang' }, 1, 0);
    api.fail(DAY, { kind: 'reset' }, 1, 1);
    api.fail(DAY, { kind: 'cut-body' }, 1, 1);
    const reasons: string[] = [];
    const result = ok(await client({ timeoutMs: 300, onRetry: (e) => reasons.push(e.reason) }).fetchDay(DAY));
    expect(result.papers).toHaveLength(150);
    expect(reasons).toEqual(['no answer within 0.3 s', 'the connection was reset', expect.stringMatching(/^the (connection was reset|request failed)/)]);
  });

  it('fails a day at once on a 404 (a wrong base URL), and when nothing listens', async () => {
    const wrong = await dailyPapersClient({ baseUrl: api.apiUrl.replace('/api/', '/nope/'), sleep: async (ms) => void waits.push(ms) }).fetchDay(DAY);
    expect(wrong.status === 'failed' && wrong.message).toBe('page 1 could not be read: the API answered 404 Not Found: Not Found: check PAPERWIRE_HF_API_URL');
    expect(waits).toEqual([]);

    const url = api.apiUrl;
    await api.stop();
    const down = await dailyPapersClient({ baseUrl: url, sleep: async (ms) => void waits.push(ms) }).fetchDay(DAY);
    expect(down.status === 'failed' && down.message).toBe('page 1 could not be read: the connection was refused (ECONNREFUSED) (4 tries)');
    expect(waits).toEqual([1000, 2000, 4000]);
    api = await new HfStandIn().start();
  });

  it('keeps the papers of earlier pages when a later page is refused, with a warning', async () => {
    api.setDay(DAY, hfDay(DAY, 100));
    api.fail(DAY, { kind: 'status', status: 400 }, 1, 1);
    const result = ok(await client().fetchDay(DAY));
    expect(result.papers).toHaveLength(100);
    expect(result.warnings).toEqual([
      { date: DAY, message: 'page 2 was refused (the API answered 400: stand-in fault); kept the 100 papers of the pages before' },
    ]);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('5', NOW)).toBe(5000);
    expect(retryAfterMs(new Date(NOW.getTime() + 30_000).toUTCString(), NOW)).toBe(30_000);
    expect(retryAfterMs(new Date(NOW.getTime() - 30_000).toUTCString(), NOW)).toBe(0);
    expect(retryAfterMs('soon', NOW)).toBeUndefined();
    expect(retryAfterMs(null, NOW)).toBeUndefined();
  });
});
