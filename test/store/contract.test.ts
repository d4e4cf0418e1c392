import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClaimRequest } from '../../src/digest/types.js';
import type { IngestedPaper } from '../../src/ingest/types.js';
import { StoreError } from '../../src/store/errors.js';
import { openPgStore } from '../../src/store/postgres.js';
import { pgMigrations } from '../../src/store/pg/migrations.js';
import { openStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';
import { createLog } from '../../src/util/log.js';
import { testDatabase } from '../helpers/postgres.js';

const log = createLog({ sink: () => {} });
const opened: Store[] = [];
afterAll(async () => {
  for (const store of opened.splice(0)) await store.close();
});

/** A backend: `fresh` opens an empty store; `again` opens another connection (another replica) on the same data. */
interface Backend {
  fresh(): Promise<{ store: Store; again: () => Promise<Store> }>;
}

const sqlite: Backend = {
  async fresh() {
    const path = join(mkdtempSync(join(tmpdir(), 'paperwire-contract-')), 'paperwire.db');
    const open = async () => {
      const store = openStore(path);
      opened.push(store);
      return store;
    };
    return { store: await open(), again: open };
  },
};

const postgres: Backend = {
  async fresh() {
    const url = await testDatabase('contract');
    const open = async () => {
      const store = await openPgStore(url, { log, max: 4 });
      opened.push(store);
      return store;
    };
    return { store: await open(), again: open };
  },
};

const T0 = new Date('2026-11-23T08:00:00.000Z');
const claim = (over: Partial<ClaimRequest> = {}): ClaimRequest => ({
  teamId: 'T1',
  channelId: 'C1',
  localDate: '2026-11-23',
  kind: 'daily',
  hotTopics: ['quantization'],
  items: [
    { paperId: 'p-a', score: 2.5, why: 'saved by 2' },
    { paperId: 'p-b', score: 1.25, why: 'new' },
  ],
  owner: 'one',
  now: T0,
  leaseMs: 60_000,
  ...over,
});

describe.each([
  ['SQLite', sqlite],
  ['PostgreSQL', postgres],
] as const)('the store contract on %s', (_name, backend) => {
  it('keeps saves per team and person, newest first, counted per paper', async () => {
    const { store } = await backend.fresh();
    expect(await store.saves.save('T1', 'U1', 'p-a', new Date('2026-01-01T00:00:00Z'))).toBe(true);
    expect(await store.saves.save('T1', 'U1', 'p-a', new Date('2026-01-02T00:00:00Z'))).toBe(false);
    await store.saves.save('T1', 'U2', 'p-a', new Date('2026-01-03T00:00:00Z'));
    await store.saves.save('T1', 'U1', 'p-b', new Date('2026-01-04T00:00:00Z'));
    await store.saves.save('T2', 'U1', 'p-c', new Date('2026-01-05T00:00:00Z'));
    expect(await store.saves.list('T1', 'U1')).toEqual([
      { paperId: 'p-b', savedAt: '2026-01-04T00:00:00.000Z' },
      { paperId: 'p-a', savedAt: '2026-01-01T00:00:00.000Z' },
    ]);
    expect(await store.saves.list('T2', 'U1')).toEqual([{ paperId: 'p-c', savedAt: '2026-01-05T00:00:00.000Z' }]);
    expect(await store.saves.countsByPaper('T1')).toEqual(
      new Map([
        ['p-a', 2],
        ['p-b', 1],
      ]),
    );
    expect(await store.saves.remove('T1', 'U1', 'p-b')).toBe(true);
    expect(await store.saves.remove('T1', 'U1', 'p-b')).toBe(false);
    expect(await store.saves.remove('T2', 'U1', 'p-a')).toBe(false);
  });

  it('keeps engagement per team, oldest first, with or without a person', async () => {
    const { store } = await backend.fresh();
    await store.engagement.record({ teamId: 'T1', paperId: 'p-a', kind: 'share', userId: 'U1', at: '2026-01-05T00:00:00.000Z' });
    await store.engagement.record({ teamId: 'T2', paperId: 'p-b', kind: 'reaction', at: '2026-01-06T00:00:00.000Z' });
    await store.engagement.record({ teamId: 'T1', paperId: 'p-c', kind: 'save', userId: 'U2', at: '2026-01-04T00:00:00.000Z' });
    expect(await store.engagement.since('T1', new Date('2026-01-01T00:00:00Z'))).toEqual([
      { teamId: 'T1', paperId: 'p-c', kind: 'save', userId: 'U2', at: '2026-01-04T00:00:00.000Z' },
      { teamId: 'T1', paperId: 'p-a', kind: 'share', userId: 'U1', at: '2026-01-05T00:00:00.000Z' },
    ]);
    const all = await store.engagement.since(undefined, new Date('2026-01-06T00:00:00Z'));
    expect(all).toHaveLength(1);
    expect(all[0]!.userId).toBeUndefined();
  });

  it('caches summaries per paper and model, replacing on write', async () => {
    const { store } = await backend.fresh();
    await store.summaries.set('p-a', 'gpt', { tldr: 'x', keyPoints: [], keywords: [], kind: 'model' });
    await store.summaries.set('p-a', 'gpt', { tldr: 'y', keyPoints: ['k'], keywords: [], kind: 'model' });
    expect(await store.summaries.get('p-a', 'gpt')).toEqual({ tldr: 'y', keyPoints: ['k'], keywords: [], kind: 'model' });
    expect(await store.summaries.get('p-a', 'other')).toBeUndefined();
  });

  it('keeps one subscription per channel; re-subscribing clears a pause and a problem', async () => {
    const { store } = await backend.fresh();
    const sub = {
      channelId: 'C1',
      teamId: 'T1',
      time: '09:00',
      timezone: 'Europe/Paris',
      cadence: 'weekdays' as const,
      topN: 5,
      createdBy: 'U1',
      createdAt: T0.toISOString(),
    };
    await store.subscriptions.upsert(sub);
    await store.subscriptions.upsert({ ...sub, channelId: 'C2', teamId: 'T2', topic: 'rlhf' });
    await store.subscriptions.pause('T1', 'C1', 'the channel is archived');
    await store.subscriptions.setProblem('T1', 'C1', 'not in channel');
    expect(await store.subscriptions.get('T1', 'C1')).toEqual({ ...sub, pausedReason: 'the channel is archived', lastProblem: 'not in channel' });
    expect((await store.subscriptions.list('T2')).map((s) => [s.channelId, s.topic])).toEqual([['C2', 'rlhf']]);
    expect((await store.subscriptions.list()).map((s) => s.channelId)).toEqual(['C1', 'C2']);
    await store.subscriptions.upsert({ ...sub, time: '10:30' });
    expect(await store.subscriptions.get('T1', 'C1')).toEqual({ ...sub, time: '10:30' });
    expect(await store.subscriptions.remove('T1', 'C1')).toBe(true);
    expect(await store.subscriptions.remove('T1', 'C1')).toBe(false);
    expect(await store.subscriptions.get('T1', 'C1')).toBeUndefined();
  });

  it('keys subscriptions by workspace and channel: a shared channel has one per workspace, and a workspace pauses and resumes alone', async () => {
    const { store } = await backend.fresh();
    const sub = {
      channelId: 'CSHARED',
      teamId: 'T1',
      time: '09:00',
      timezone: 'UTC',
      cadence: 'daily' as const,
      topN: 3,
      createdBy: 'U1',
      createdAt: T0.toISOString(),
    };
    await store.subscriptions.upsert(sub);
    await store.subscriptions.upsert({ ...sub, teamId: 'T2', time: '18:00', createdBy: 'U9' });
    await store.subscriptions.upsert({ ...sub, teamId: 'T2', channelId: 'C2' });
    await store.subscriptions.pause('T2', 'C2', 'the channel is archived');
    expect((await store.subscriptions.get('T1', 'CSHARED'))!.time).toBe('09:00');
    expect((await store.subscriptions.get('T2', 'CSHARED'))!.time).toBe('18:00');
    expect((await store.subscriptions.list('T1')).map((s) => s.channelId)).toEqual(['CSHARED']);
    expect(await store.subscriptions.pauseTeam('T2', 'uninstalled')).toBe(1);
    expect((await store.subscriptions.get('T2', 'CSHARED'))!.pausedReason).toBe('uninstalled');
    expect((await store.subscriptions.get('T2', 'C2'))!.pausedReason).toBe('the channel is archived');
    expect((await store.subscriptions.get('T1', 'CSHARED'))!.pausedReason).toBeUndefined();
    expect(await store.subscriptions.resumeTeam('T2', 'uninstalled')).toBe(1);
    expect((await store.subscriptions.get('T2', 'CSHARED'))!.pausedReason).toBeUndefined();
    expect((await store.subscriptions.get('T2', 'C2'))!.pausedReason).toBe('the channel is archived');
    expect(await store.subscriptions.remove('T2', 'CSHARED')).toBe(true);
    expect(await store.subscriptions.get('T1', 'CSHARED')).toBeDefined();
  });

  it("claims each workspace's digest in a shared channel on its own, and keeps their messages apart", async () => {
    const { store } = await backend.fresh();
    const one = await store.digests.claim(claim({ channelId: 'CSHARED' }));
    const two = await store.digests.claim(claim({ channelId: 'CSHARED', teamId: 'T2' }));
    expect([one.status, two.status]).toEqual(['claimed', 'claimed']);
    expect(two.run).toMatchObject({ teamId: 'T2', channelId: 'CSHARED' });
    await store.digests.setParentAttempted(one.run.id, true);
    await store.digests.setParent(one.run.id, '100.1');
    expect(await store.digests.postedPaperIds('T2', 'CSHARED')).toEqual(new Set());
    expect(await store.digests.isDigestMessage('T1', 'CSHARED', '100.1')).toBe(true);
    expect(await store.digests.isDigestMessage('T2', 'CSHARED', '100.1')).toBe(false);
    expect((await store.digests.daily('T2', 'CSHARED', '2026-11-23'))!.id).toBe(two.run.id);
    expect((await store.digests.lastDaily('T1', 'CSHARED'))!.id).toBe(one.run.id);
  });

  it('claims a daily digest once: busy while leased, resumable by its owner or after the lease, done when finished', async () => {
    const { store } = await backend.fresh();
    const first = await store.digests.claim(claim());
    expect(first.status).toBe('claimed');
    expect(first.run).toMatchObject({ channelId: 'C1', localDate: '2026-11-23', kind: 'daily', hotTopics: ['quantization'], parentAttempted: false });
    expect(first.run.items.map((i) => [i.position, i.paperId, i.score, i.why, i.replyAttempted])).toEqual([
      [0, 'p-a', 2.5, 'saved by 2', false],
      [1, 'p-b', 1.25, 'new', false],
    ]);
    expect((await store.digests.claim(claim({ owner: 'two' }))).status).toBe('busy');
    expect((await store.digests.claim(claim())).status).toBe('resume');
    expect(await store.digests.renew(first.run.id, 'two', T0, 60_000)).toBe(false);
    expect(await store.digests.renew(first.run.id, 'one', T0, 60_000)).toBe(true);
    const later = new Date(T0.getTime() + 61_000);
    expect((await store.digests.claim(claim({ owner: 'two', now: later }))).status).toBe('resume');
    expect(await store.digests.renew(first.run.id, 'one', later, 60_000)).toBe(false);
    expect((await store.digests.resume(first.run.id, 'one', later, 60_000)).status).toBe('busy');

    expect(await store.digests.postedPaperIds('T1', 'C1')).toEqual(new Set());
    await store.digests.setParentAttempted(first.run.id, true);
    expect(await store.digests.postedPaperIds('T1', 'C1')).toEqual(new Set(['p-a', 'p-b']));
    await store.digests.setParent(first.run.id, '100.1');
    await store.digests.setReplyAttempted(first.run.id, 0, true);
    await store.digests.setReply(first.run.id, 0, '100.2');
    expect(await store.digests.unfinished()).toHaveLength(1);
    const mid = await store.digests.daily('T1', 'C1', '2026-11-23');
    expect(mid).toMatchObject({ parentAttempted: true, parentTs: '100.1' });
    expect(mid!.items[0]).toMatchObject({ replyAttempted: true, replyTs: '100.2' });
    expect(mid!.items[1]).toMatchObject({ replyAttempted: false });
    expect(mid!.items[1]!.replyTs).toBeUndefined();
    expect(await store.digests.paperForMessage('T1', 'C1', '100.2')).toBe('p-a');
    expect(await store.digests.paperForMessage('T1', 'C1', '100.1')).toBeUndefined();
    expect(await store.digests.isDigestMessage('T1', 'C1', '100.1')).toBe(true);
    expect(await store.digests.isDigestMessage('T1', 'C1', '100.2')).toBe(true);
    expect(await store.digests.isDigestMessage('T1', 'C2', '100.2')).toBe(false);

    await store.digests.finish(first.run.id, later);
    expect(await store.digests.unfinished()).toEqual([]);
    expect((await store.digests.claim(claim({ owner: 'three', now: later }))).status).toBe('done');
    expect((await store.digests.resume(first.run.id, 'three', later, 60_000)).status).toBe('done');
    expect((await store.digests.lastDaily('T1', 'C1'))!.finishedAt).toBe(later.toISOString());
    const preview = await store.digests.claim(claim({ kind: 'preview', owner: 'three', now: later }));
    expect(preview.status).toBe('claimed');
    expect(preview.run.id).not.toBe(first.run.id);
    expect((await store.digests.lastDaily('T1', 'C1'))!.id).toBe(first.run.id);
  });

  it('a refused post is not counted as sent', async () => {
    const { store } = await backend.fresh();
    const { run } = await store.digests.claim(claim());
    await store.digests.setParentAttempted(run.id, true);
    await store.digests.setParentAttempted(run.id, false);
    expect(await store.digests.postedPaperIds('T1', 'C1')).toEqual(new Set());
    await store.digests.setReplyAttempted(run.id, 1, true);
    await store.digests.setReplyAttempted(run.id, 1, false);
    expect((await store.digests.daily('T1', 'C1', '2026-11-23'))!.items[1]!.replyAttempted).toBe(false);
  });

  it('of many replicas claiming the same day at once, exactly one gets it', async () => {
    const { store, again } = await backend.fresh();
    const replicas = [store, await again(), await again()];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => replicas[i % replicas.length]!.digests.claim(claim({ owner: `replica-${i}`, channelId: 'C9' }))),
    );
    expect(results.filter((r) => r.status === 'claimed')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'busy')).toHaveLength(11);
    expect(new Set(results.map((r) => r.run.id)).size).toBe(1);
    expect((await store.digests.daily('T1', 'C9', '2026-11-23'))!.items).toHaveLength(2);
  });

  it('records each Slack event once per workspace, even from several replicas at once', async () => {
    const { store, again } = await backend.fresh();
    expect(await store.events.firstDelivery('T1', 'Ev1', T0)).toBe(true);
    expect(await store.events.firstDelivery('T1', 'Ev1', T0)).toBe(false);
    expect(await store.events.firstDelivery('T2', 'Ev1', T0)).toBe(true);
    const replicas = [store, await again(), await again()];
    const firsts = await Promise.all(Array.from({ length: 9 }, (_, i) => replicas[i % 3]!.events.firstDelivery('T1', 'Ev2', T0)));
    expect(firsts.filter(Boolean)).toHaveLength(1);
    await store.events.firstDelivery('T1', 'Ev3', new Date(T0.getTime() + 3_600_000));
    expect(await store.events.prune(new Date(T0.getTime() + 1000))).toBe(3);
    expect(await store.events.firstDelivery('T1', 'Ev3', T0)).toBe(false);
  });

  it('keeps ingested papers once per arXiv id: a day stored whole, updated when listed again, changes counted for other replicas', async () => {
    const { store, again } = await backend.fresh();
    const paper = (arxivId: string, date: string, upvotes: number): IngestedPaper => ({
      id: `arxiv-${arxivId.replace('.', '-')}`,
      arxivId,
      url: `https://huggingface.co/papers/${arxivId}`,
      title: `Paper ${arxivId}`,
      abstract: 'An abstract.',
      appearances: [],
      upvotes,
      listDate: date,
      listDates: [date],
    });
    expect(await store.ingested.version()).toBe(0);
    expect(await store.ingested.storeDay('2026-11-20', [paper('2611.00001', '2026-11-20', 3), paper('2611.00002', '2026-11-20', 5)], T0)).toEqual({
      papers: 2,
      new: 2,
      updated: 0,
    });
    const v1 = await store.ingested.version();
    const replica = await again();
    expect(await replica.ingested.version()).toBe(v1);
    expect(await replica.ingested.storeDay('2026-11-21', [paper('2611.00001', '2026-11-21', 9)], T0)).toEqual({ papers: 1, new: 0, updated: 1 });
    expect(await store.ingested.version()).toBeGreaterThan(v1);
    const changed = await store.ingested.changedSince(v1);
    expect(changed.map((p) => [p.arxivId, p.upvotes, p.listDates])).toEqual([['2611.00001', 9, ['2026-11-20', '2026-11-21']]]);
    expect((await store.ingested.all()).map((p) => p.arxivId).sort()).toEqual(['2611.00001', '2611.00002']);
    expect((await store.ingested.days()).map((d) => [d.date, d.papers])).toEqual([
      ['2026-11-20', 2],
      ['2026-11-21', 1],
    ]);
    // The same list again changes nothing, so no replica has anything to take in.
    const v2 = await store.ingested.version();
    expect(await store.ingested.storeDay('2026-11-21', [paper('2611.00001', '2026-11-21', 9)], T0)).toEqual({ papers: 1, new: 0, updated: 0 });
    expect(await store.ingested.version()).toBe(v2);
  });

  it('lets one replica at a time hold a lease, renewed by its holder, taken over once it expires', async () => {
    const { store, again } = await backend.fresh();
    const other = await again();
    const later = (ms: number) => new Date(T0.getTime() + ms);
    const asks = await Promise.all([store, other, store, other].map((s, i) => s.leases.acquire('ingest', i % 2 ? 'b' : 'a', T0, 60_000)));
    expect(asks.filter(Boolean).length).toBeGreaterThan(0);
    const holder = asks[0] ? 'a' : 'b';
    const waiting = holder === 'a' ? 'b' : 'a';
    expect(asks.filter((ok, i) => ok && (i % 2 ? 'b' : 'a') === waiting)).toHaveLength(0);
    expect(await store.leases.acquire('ingest', holder, later(30_000), 60_000)).toBe(true);
    expect(await other.leases.acquire('ingest', waiting, later(60_000), 60_000)).toBe(false);
    expect(await other.leases.acquire('ingest', waiting, later(90_001), 60_000)).toBe(true);
    expect(await store.leases.acquire('ingest', holder, later(90_002), 60_000)).toBe(false);
    expect(await store.leases.acquire('other work', holder, later(90_002), 60_000)).toBe(true);
  });

  it('keeps sealed installations by key, replacing on reinstall, until removed', async () => {
    const { store } = await backend.fresh();
    await store.installations.save({ key: 'T1', teamId: 'T1', sealed: 'v1.aaa', installedAt: T0.toISOString() });
    await store.installations.save({ key: 'E1', enterpriseId: 'E1', sealed: 'v1.bbb', installedAt: T0.toISOString() });
    await store.installations.save({ key: 'T1', teamId: 'T1', sealed: 'v1.ccc', installedAt: T0.toISOString() });
    expect(await store.installations.get('T1')).toEqual({ key: 'T1', teamId: 'T1', sealed: 'v1.ccc', installedAt: T0.toISOString() });
    expect(await store.installations.get('E1')).toEqual({ key: 'E1', enterpriseId: 'E1', sealed: 'v1.bbb', installedAt: T0.toISOString() });
    expect(await store.installations.remove('T1')).toBe(true);
    expect(await store.installations.remove('T1')).toBe(false);
    expect(await store.installations.get('T1')).toBeUndefined();
  });

  it('answers a ping, and reopening applies no migration twice', async () => {
    const { store, again } = await backend.fresh();
    await store.ping();
    await store.saves.save('T1', 'U1', 'p-a', T0);
    const second = await again();
    await second.ping();
    expect(await second.saves.list('T1', 'U1')).toHaveLength(1);
  });
});

describe('PostgreSQL migrations', () => {
  it('replicas starting at the same moment migrate once, under the advisory lock', async () => {
    const url = await testDatabase('migrate');
    const stores = await Promise.all([1, 2, 3, 4].map(() => openPgStore(url, { log, max: 2 })));
    opened.push(...stores);
    const { rows } = await stores[0]!.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(pgMigrations.map((m) => m.version));
  });

  it('refuses a database written by a newer schema, in plain words', async () => {
    const url = await testDatabase('future');
    const future = await openPgStore(url, { log, migrations: [...pgMigrations, { version: 99, name: 'from the future', sql: 'CREATE TABLE future (x int)' }] });
    await future.close();
    await expect(openPgStore(url, { log })).rejects.toThrow(StoreError);
    await expect(openPgStore(url, { log })).rejects.toThrow(/newer paperwire \(schema 99.*DATABASE_URL/);
  });

  it('says when the server is not there, without the URL', async () => {
    const error = await openPgStore('postgres://someone:hunter22@127.0.0.1:1/nowhere', { log }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(/not answering/);
    expect((error as Error).message).not.toContain('hunter22');
  });
});
