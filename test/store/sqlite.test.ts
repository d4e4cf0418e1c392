import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations.js';
import { openStore, StoreError } from '../../src/store/sqlite.js';

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'paperwire-db-')), 'paperwire.db');

describe('the SQLite store', () => {
  it('keeps saves, engagement and cached summaries across a reopen, in WAL mode', async () => {
    const path = tempDb();
    const store = openStore(path);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(await store.saves.save('T1', 'U1', 'p-a', new Date('2026-01-01T00:00:00Z'))).toBe(true);
    expect(await store.saves.save('T1', 'U1', 'p-a', new Date('2026-01-02T00:00:00Z'))).toBe(false);
    await store.saves.save('T1', 'U2', 'p-a', new Date('2026-01-03T00:00:00Z'));
    await store.saves.save('T1', 'U1', 'p-b', new Date('2026-01-04T00:00:00Z'));
    await store.engagement.record({ teamId: 'T1', paperId: 'p-a', kind: 'share', userId: 'U1', at: '2026-01-05T00:00:00.000Z' });
    await store.engagement.record({ teamId: 'T2', paperId: 'p-b', kind: 'reaction', at: '2026-01-06T00:00:00.000Z' });
    await store.summaries.set('p-a', 'gpt', { tldr: 'x', keyPoints: [], keywords: [], kind: 'model' });
    await store.close();

    const again = openStore(path);
    expect((await again.saves.list('T1', 'U1')).map((s) => s.paperId)).toEqual(['p-b', 'p-a']);
    expect(await again.saves.countsByPaper('T1')).toEqual(
      new Map([
        ['p-a', 2],
        ['p-b', 1],
      ]),
    );
    expect(await again.saves.remove('T1', 'U1', 'p-b')).toBe(true);
    expect(await again.saves.remove('T1', 'U1', 'p-b')).toBe(false);
    expect(await again.engagement.since('T1', new Date('2026-01-01T00:00:00Z'))).toEqual([
      { teamId: 'T1', paperId: 'p-a', kind: 'share', userId: 'U1', at: '2026-01-05T00:00:00.000Z' },
    ]);
    expect(await again.engagement.since(undefined, new Date('2026-01-06T00:00:00Z'))).toHaveLength(1);
    expect((await again.summaries.get('p-a', 'gpt'))?.tldr).toBe('x');
    expect(await again.summaries.get('p-a', 'other')).toBeUndefined();
    await again.close();
  });

  it('explains a file that is not a database instead of throwing a stack trace', () => {
    const path = tempDb();
    writeFileSync(path, 'this is not sqlite '.repeat(500));
    expect(() => openStore(path)).toThrow(StoreError);
    expect(() => openStore(path)).toThrow(/not a valid SQLite database or is corrupt.*move it aside/);
  });

  it('refuses a database written by a newer schema', async () => {
    const path = tempDb();
    await openStore(path, { migrations: [...migrations, { version: 99, name: 'from the future', sql: 'CREATE TABLE future (x)' }] }).close();
    expect(() => openStore(path)).toThrow(/newer paperwire \(schema 99/);
  });
});

describe('migration 6: subscriptions and digest runs keyed by team', () => {
  it('keeps what schema 5 held, each run under its channel’s team', async () => {
    const path = tempDb();
    const old = openStore(path, { migrations: migrations.filter((m) => m.version <= 5) });
    old.db
      .prepare(
        "INSERT INTO subscriptions (channel_id, team_id, time, timezone, cadence, top_n, created_by, created_at) VALUES ('C1', 'T7', '09:00', 'UTC', 'daily', 3, 'U1', '2026-01-01T00:00:00.000Z')",
      )
      .run();
    old.db
      .prepare(
        "INSERT INTO digest_runs (channel_id, local_date, kind, hot_topics, claimed_at, owner, lease_until, parent_attempted, parent_ts) VALUES ('C1', '2026-01-02', 'daily', '[]', 'x', 'o', 'x', 1, '100.1')",
      )
      .run();
    await old.close();
    const store = openStore(path);
    expect((await store.subscriptions.get('T7', 'C1'))!.time).toBe('09:00');
    expect((await store.digests.daily('T7', 'C1', '2026-01-02'))!.parentTs).toBe('100.1');
    expect(await store.digests.daily('', 'C1', '2026-01-02')).toBeUndefined();
    await store.close();
  });
});
