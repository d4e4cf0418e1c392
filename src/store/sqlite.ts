import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Summary, SummaryCache } from '../summary/types.js';
import { migrations, type Migration } from './migrations.js';
import { digestsRepo } from './digests.js';
import { ingestRepo } from './papers.js';
import { subscriptionsRepo } from './subscriptions.js';
import type { EngagementEvent, EngagementRepo, SavesRepo, Store } from './store.js';

export type Db = Database.Database;

/** A problem with the database file the operator can fix; the message says what and how. */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Opens (creating and migrating) the SQLite store at `path`, or `:memory:` for a throwaway one. */
export function openStore(path: string, options: { migrations?: Migration[] } = {}): Store & { db: Db } {
  const db = openDatabase(path);
  migrate(db, options.migrations ?? migrations, path);
  return {
    db,
    saves: savesRepo(db),
    engagement: engagementRepo(db),
    summaries: summaryCache(db),
    subscriptions: subscriptionsRepo(db),
    digests: digestsRepo(db),
    ingested: ingestRepo(db),
    close: () => db.close(),
  };
}

function openDatabase(path: string): Db {
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path, { timeout: 5000 });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('quick_check');
    return db;
  } catch (error) {
    throw describeDbError(error, path);
  }
}

export function migrate(db: Db, list: readonly Migration[], path = 'the database'): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = Math.max(0, ...list.map((m) => m.version));
  if (current > latest) {
    throw new StoreError(
      `${path} was written by a newer paperwire (schema ${current}, this one knows ${latest}): upgrade paperwire or point PAPERWIRE_DB at another file`,
    );
  }
  for (const migration of [...list].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    } catch (error) {
      throw describeDbError(error, path, `migration ${migration.version} (${migration.name})`);
    }
  }
}

/** Turns SQLite's codes into what the operator should do about them. */
export function describeDbError(error: unknown, path: string, during = 'opening it'): StoreError {
  const code = (error as { code?: string }).code ?? '';
  const where = `the database ${path} (PAPERWIRE_DB)`;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
    return new StoreError(`${where} is locked by another process while ${during}: stop the other paperwire or wait, then start again`);
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM' || code === 'EACCES') {
    return new StoreError(
      `${where} cannot be opened for writing while ${during} (${code}): check the file and folder permissions, or set PAPERWIRE_DB to a writable path`,
    );
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB')
    return new StoreError(`${where} is not a valid SQLite database or is corrupt (${code}): restore it from a backup or move it aside to start afresh`);
  return new StoreError(`${where} failed while ${during}: ${(error as Error).message}`);
}

function savesRepo(db: Db): SavesRepo {
  const insert = db.prepare('INSERT OR IGNORE INTO saves (team_id, user_id, paper_id, saved_at) VALUES (?, ?, ?, ?)');
  const remove = db.prepare('DELETE FROM saves WHERE team_id = ? AND user_id = ? AND paper_id = ?');
  const list = db.prepare<[string, string], { paperId: string; savedAt: string }>(
    'SELECT paper_id AS paperId, saved_at AS savedAt FROM saves WHERE team_id = ? AND user_id = ? ORDER BY saved_at DESC, paper_id',
  );
  const counts = db.prepare<[string], { paperId: string; n: number }>(
    'SELECT paper_id AS paperId, COUNT(*) AS n FROM saves WHERE team_id = ? GROUP BY paper_id',
  );
  return {
    save: (team, user, paper, at) => insert.run(team, user, paper, at.toISOString()).changes > 0,
    remove: (team, user, paper) => remove.run(team, user, paper).changes > 0,
    list: (team, user) => list.all(team, user),
    countsByPaper: (team) => new Map(counts.all(team).map((r) => [r.paperId, r.n])),
  };
}

function engagementRepo(db: Db): EngagementRepo {
  const insert = db.prepare('INSERT INTO engagement (team_id, paper_id, kind, user_id, at) VALUES (@teamId, @paperId, @kind, @userId, @at)');
  const columns = 'team_id AS teamId, paper_id AS paperId, kind, user_id AS userId, at';
  const sinceTeam = db.prepare<[string, string], EngagementEvent>(`SELECT ${columns} FROM engagement WHERE team_id = ? AND at >= ? ORDER BY at, id`);
  const sinceAll = db.prepare<[string], EngagementEvent>(`SELECT ${columns} FROM engagement WHERE at >= ? ORDER BY at, id`);
  const clean = (e: EngagementEvent): EngagementEvent => (e.userId === null ? { ...e, userId: undefined } : e);
  return {
    record: (event) => void insert.run({ ...event, userId: event.userId ?? null }),
    since: (team, since) => (team === undefined ? sinceAll.all(since.toISOString()) : sinceTeam.all(team, since.toISOString())).map(clean),
  };
}

function summaryCache(db: Db): SummaryCache {
  const get = db.prepare<[string, string], { summary: string }>('SELECT summary FROM summaries WHERE paper_id = ? AND model = ?');
  const set = db.prepare('INSERT OR REPLACE INTO summaries (paper_id, model, summary, created_at) VALUES (?, ?, ?, ?)');
  return {
    get(paperId, model) {
      const row = get.get(paperId, model);
      if (!row) return undefined;
      try {
        return JSON.parse(row.summary) as Summary;
      } catch {
        return undefined;
      }
    },
    set: (paperId, model, summary) => void set.run(paperId, model, JSON.stringify(summary), new Date().toISOString()),
  };
}
