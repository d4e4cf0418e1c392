import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IngestedPaper } from '../../src/ingest/types.js';
import { migrations } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/sqlite.js';

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'paperwire-ingest-')), 'paperwire.db');

function paper(arxivId: string, listDate: string, extra: Partial<IngestedPaper> = {}): IngestedPaper {
  return {
    id: `arxiv-${arxivId.replace('.', '-')}`,
    title: `Paper ${arxivId}`,
    abstract: 'An abstract.',
    appearances: [],
    arxivId,
    url: `https://huggingface.co/papers/${arxivId}`,
    listDate,
    listDates: [listDate],
    upvotes: 10,
    numComments: 1,
    ...extra,
  };
}

const T1 = new Date('2026-03-02T10:00:00Z');
const T2 = new Date('2026-03-03T10:00:00Z');

describe('the ingested papers repository (SQLite)', () => {
  it('stores a day, counts new papers, and keeps them across a reopen', async () => {
    const path = tempDb();
    const store = openStore(path);
    expect(await store.ingested.version()).toBe(0);
    expect(await store.ingested.storeDay('2026-03-02', [paper('2603.00001', '2026-03-02'), paper('2603.00002', '2026-03-02')], T1)).toEqual({
      papers: 2,
      new: 2,
      updated: 0,
    });
    expect(await store.ingested.storeDay('2026-03-01', [], T1)).toEqual({ papers: 0, new: 0, updated: 0 });
    const version = await store.ingested.version();
    expect(version).toBeGreaterThan(0);
    await store.close();

    const again = openStore(path);
    expect((await again.ingested.all()).map((p) => p.id)).toEqual(['arxiv-2603-00001', 'arxiv-2603-00002']);
    expect(await again.ingested.days()).toEqual([
      { date: '2026-03-01', papers: 0, fetchedAt: T1.toISOString() },
      { date: '2026-03-02', papers: 2, fetchedAt: T1.toISOString() },
    ]);
    expect(await again.ingested.version()).toBe(version);
    await again.close();
  });

  it('updates a paper listed again with new upvotes, or on another day, and never duplicates it', async () => {
    const store = openStore(':memory:');
    const repo = store.ingested;
    await repo.storeDay('2026-03-02', [paper('2603.00001', '2026-03-02'), paper('2603.00002', '2026-03-02', { githubRepo: 'https://github.com/a/b' })], T1);
    const v1 = await repo.version();

    // The same list again: nothing changed, nothing counted, the version stays.
    expect(await repo.storeDay('2026-03-02', [paper('2603.00001', '2026-03-02'), paper('2603.00002', '2026-03-02')], T2)).toEqual({
      papers: 2,
      new: 0,
      updated: 0,
    });
    expect(await repo.version()).toBe(v1);

    // New upvotes, and the paper on the next day's list too.
    expect(
      await repo.storeDay(
        '2026-03-03',
        [paper('2603.00001', '2026-03-02', { upvotes: 55 }), paper('2603.00002', '2026-03-03'), paper('2603.00003', '2026-03-03')],
        T2,
      ),
    ).toEqual({ papers: 3, new: 1, updated: 2 });
    const v2 = await repo.version();
    expect(v2).toBeGreaterThan(v1);

    const all = await repo.all();
    expect(all.map((p) => p.arxivId).sort()).toEqual(['2603.00001', '2603.00002', '2603.00003']);
    const first = all.find((p) => p.arxivId === '2603.00001')!;
    expect(first.upvotes).toBe(55);
    const second = all.find((p) => p.arxivId === '2603.00002')!;
    expect(second.listDates).toEqual(['2026-03-02', '2026-03-03']);
    expect(second.listDate).toBe('2026-03-03');
    // A field the API did not send this time is kept.
    expect(second.githubRepo).toBe('https://github.com/a/b');
    expect((await repo.changedSince(v1)).map((p) => p.arxivId).sort()).toEqual(['2603.00001', '2603.00002', '2603.00003']);
    expect(await repo.changedSince(v2)).toEqual([]);

    const rows = store.db.prepare('SELECT arxiv_id, upvotes, list_date, first_seen, last_seen FROM ingested_papers ORDER BY arxiv_id').all();
    expect(rows).toEqual([
      { arxiv_id: '2603.00001', upvotes: 55, list_date: '2026-03-02', first_seen: T1.toISOString(), last_seen: T2.toISOString() },
      { arxiv_id: '2603.00002', upvotes: 10, list_date: '2026-03-03', first_seen: T1.toISOString(), last_seen: T2.toISOString() },
      { arxiv_id: '2603.00003', upvotes: 10, list_date: '2026-03-03', first_seen: T2.toISOString(), last_seen: T2.toISOString() },
    ]);
    await store.close();
  });

  it('stores a day whole or not at all: a failure in the middle of the transaction leaves nothing of it', async () => {
    const path = tempDb();
    const store = openStore(path);
    await store.ingested.storeDay('2026-03-02', [paper('2603.00001', '2026-03-02')], T1);
    const before = await store.ingested.version();
    // The database refuses the third paper of the day, after the first two were written.
    store.db.exec(`CREATE TRIGGER refuse AFTER INSERT ON ingested_papers WHEN NEW.arxiv_id = '2603.00012' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);

    const day = [
      paper('2603.00001', '2026-03-03', { upvotes: 99 }),
      paper('2603.00011', '2026-03-03'),
      paper('2603.00012', '2026-03-03'),
      paper('2603.00013', '2026-03-03'),
    ];
    await expect(store.ingested.storeDay('2026-03-03', day, T2)).rejects.toThrow(/disk trouble/);

    expect((await store.ingested.days()).map((d) => d.date)).toEqual(['2026-03-02']);
    expect((await store.ingested.all()).map((p) => [p.arxivId, p.upvotes])).toEqual([['2603.00001', 10]]);
    expect(await store.ingested.version()).toBe(before);

    store.db.exec('DROP TRIGGER refuse');
    expect(await store.ingested.storeDay('2026-03-03', day, T2)).toEqual({ papers: 4, new: 3, updated: 1 });
    await store.close();
  });

  it('adds its tables to a database of the previous schema', async () => {
    const path = tempDb();
    const old = openStore(path, { migrations: migrations.filter((m) => m.version <= 2) });
    await old.saves.save('T1', 'U1', 'p-a', T1);
    await old.close();
    const store = openStore(path);
    expect(store.db.pragma('user_version', { simple: true })).toBe(Math.max(...migrations.map((m) => m.version)));
    expect(await store.saves.list('T1', 'U1')).toHaveLength(1);
    expect(await store.ingested.storeDay('2026-03-02', [paper('2603.00001', '2026-03-02')], T1)).toMatchObject({ new: 1 });
    await store.close();
  });
});
