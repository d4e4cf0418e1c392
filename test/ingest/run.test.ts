import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dailyPapersClient } from '../../src/ingest/client.js';
import { ingestRange, type IngestProgress } from '../../src/ingest/run.js';
import type { IngestRepo } from '../../src/ingest/types.js';
import { openStore } from '../../src/store/sqlite.js';
import { HfStandIn, hfDay, hfItem } from '../helpers/hf-stand-in.js';

let api: HfStandIn;
beforeEach(async () => {
  api = await new HfStandIn().start();
});
afterEach(() => api.stop());

const NOW = new Date('2026-03-06T08:00:00Z');
const client = () => dailyPapersClient({ baseUrl: api.apiUrl, sleep: async () => {}, timeoutMs: 2_000 });

describe('ingesting a range of days', () => {
  it('goes day by day: stores the days it reads, reports empty, not-open and failed days, and keeps the others', async () => {
    api.setDay('2026-03-02', hfDay('2026-03-02', 130));
    api.setDay('2026-03-04', hfDay('2026-03-04', 3));
    api.fail('2026-03-04', { kind: 'status', status: 503 }, 10);
    api.setDay('2026-03-05', [...hfDay('2026-03-05', 2), { paper: { id: '2603.99999' } }]);
    api.notOpen('2026-03-06');
    const store = openStore(':memory:');
    const progress: IngestProgress[] = [];

    const report = await ingestRange({
      from: '2026-03-02',
      to: '2026-03-06',
      source: client(),
      repo: store.ingested,
      now: () => NOW,
      onProgress: (p) => progress.push(p),
    });

    expect(report.days).toEqual([
      { date: '2026-03-02', status: 'stored', papers: 130, new: 130, updated: 0 },
      { date: '2026-03-03', status: 'stored', papers: 0, new: 0, updated: 0 },
      { date: '2026-03-04', status: 'failed', message: 'page 1 could not be read: the API answered 503 Service Unavailable (4 tries)' },
      { date: '2026-03-05', status: 'stored', papers: 2, new: 2, updated: 0 },
      { date: '2026-03-06', status: 'not-open', message: expect.stringContaining('not open yet') },
    ]);
    expect(report.failed).toBe(1);
    expect(report.warnings).toEqual([{ date: '2026-03-05', message: 'item 3 (2603.99999) was left out: paper.title is missing; paper.summary is missing' }]);
    expect(progress.map((p) => [p.done, p.total, p.day.date])).toEqual([
      [1, 5, '2026-03-02'],
      [2, 5, '2026-03-03'],
      [3, 5, '2026-03-04'],
      [4, 5, '2026-03-05'],
      [5, 5, '2026-03-06'],
    ]);
    expect((await store.ingested.days()).map((d) => [d.date, d.papers, d.fetchedAt])).toEqual([
      ['2026-03-02', 130, NOW.toISOString()],
      ['2026-03-03', 0, NOW.toISOString()],
      ['2026-03-05', 2, NOW.toISOString()],
    ]);
    expect(await store.ingested.all()).toHaveLength(132);
    await store.close();
  });

  it('updates a paper listed again with new upvotes on a later run, without a duplicate', async () => {
    const store = openStore(':memory:');
    const item = (upvotes: number) => hfItem('2603.04242', 'Recurrent memory', { date: '2026-03-02', upvotes });
    api.setDay('2026-03-02', [item(5), ...hfDay('2026-03-02', 2)]);
    await ingestRange({ from: '2026-03-02', to: '2026-03-02', source: client(), repo: store.ingested });

    api.setDay('2026-03-02', [item(80), ...hfDay('2026-03-02', 2)]);
    api.setDay('2026-03-03', [item(81)]);
    const again = await ingestRange({ from: '2026-03-02', to: '2026-03-03', source: client(), repo: store.ingested });
    expect(again.days).toEqual([
      { date: '2026-03-02', status: 'stored', papers: 3, new: 0, updated: 1 },
      { date: '2026-03-03', status: 'stored', papers: 1, new: 0, updated: 1 },
    ]);
    const papers = await store.ingested.all();
    expect(papers.filter((p) => p.arxivId === '2603.04242')).toEqual([
      expect.objectContaining({ id: 'arxiv-2603-04242', upvotes: 81, listDates: ['2026-03-02', '2026-03-03'], listDate: '2026-03-03' }),
    ]);
    expect(papers).toHaveLength(3);
    await store.close();
  });

  it('reports a day the store could not keep as failed, and goes on with the next', async () => {
    for (const date of ['2026-03-02', '2026-03-03', '2026-03-04']) api.setDay(date, hfDay(date, 4));
    const store = openStore(':memory:');
    const repo: IngestRepo = {
      ...store.ingested,
      storeDay: (date, papers, at) =>
        date === '2026-03-03' ? Promise.reject(new Error('database is locked\n    at stack frames')) : store.ingested.storeDay(date, papers, at),
    };
    const report = await ingestRange({ from: '2026-03-02', to: '2026-03-04', source: client(), repo });
    expect(report.days.map((d) => d.status)).toEqual(['stored', 'failed', 'stored']);
    expect(report.days[1]).toEqual({
      date: '2026-03-03',
      status: 'failed',
      message: 'the day was read but could not be stored, so none of it was kept: database is locked',
    });
    expect((await store.ingested.days()).map((d) => d.date)).toEqual(['2026-03-02', '2026-03-04']);
    await store.close();
  });
});
