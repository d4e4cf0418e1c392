import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Migration } from './migrations.js';

export type Db = Database.Database;

import { StoreError } from './errors.js';

export { StoreError };

export function openDatabase(path: string): Db {
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
