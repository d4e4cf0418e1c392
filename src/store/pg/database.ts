import pg from 'pg';
import type { Log } from '../../util/log.js';
import { StoreError, StoreUnavailable } from '../errors.js';
import type { Migration } from '../migrations.js';

/** A result row; each repository names its columns. */
export type Row = object;

/** A connection, or the pool: both run a query. */
export interface Queryable {
  query<R extends Row = Row>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number }>;
}

/** The pool every PostgreSQL repository shares, with errors in plain words and transactions. */
export interface PgDb extends Queryable {
  /** Runs `work` in one transaction (READ COMMITTED; rows that matter are locked with FOR UPDATE). */
  tx<T>(work: (client: Queryable) => Promise<T>): Promise<T>;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** The lock every replica takes before migrating, so replicas starting together migrate once. */
const MIGRATION_LOCK = 0x70617065; // "pape"

/** Errors that mean the server is not there (or went away), as opposed to a query that is wrong. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
]);

export function isUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  if (e.code && UNAVAILABLE_CODES.has(e.code)) return true;
  return /timeout exceeded when trying to connect|Connection terminated|connection timeout|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(
    e.message ?? '',
  );
}

/** A pg error as the operator should read it: never the URL (it may hold a password). */
function translate(error: unknown): Error {
  if (error instanceof StoreError) return error;
  const e = error as { code?: string; message?: string };
  if (isUnavailable(error)) return new StoreUnavailable(e.code ?? e.message ?? 'no answer');
  if (e.code === '28P01' || e.code === '28000') return new StoreError('PostgreSQL refused the credentials in DATABASE_URL: check the user and password');
  if (e.code === '3D000') return new StoreError('the database named in DATABASE_URL does not exist: create it, or fix the name');
  return error instanceof Error ? error : new Error(String(error));
}

export interface PgOptions {
  log: Log;
  /** Connections per process (default 10). */
  max?: number;
  /** How long to wait for a connection before telling the caller the database is not answering. */
  connectMs?: number;
}

export function openPool(url: string, options: PgOptions): PgDb {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectMs ?? 3000,
    idleTimeoutMillis: 30_000,
    // A query the server never answers (a network partition) fails instead of hanging a request.
    query_timeout: 15_000,
    application_name: 'paperwire',
  });
  // An idle connection dropped by the server (restart, failover) must never crash the process:
  // the pool discards it and the next query opens a fresh one.
  pool.on('error', (error) => options.log.warn('a database connection was lost; the next query reconnects', { reason: (error as Error).message }));
  const query = async <R extends Row>(text: string, values?: unknown[]) => {
    try {
      const result = await pool.query(text, values);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    } catch (error) {
      throw translate(error);
    }
  };
  return {
    pool,
    query,
    async tx(work) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw translate(error);
      }
      const onClient: Queryable = {
        query: async (text, values) => {
          const result = await client.query(text, values);
          return { rows: result.rows, rowCount: result.rowCount ?? 0 };
        },
      };
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await work(onClient);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        broken = isUnavailable(error);
        await client.query('ROLLBACK').catch(() => (broken = true));
        throw translate(error);
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Applies the migrations not yet applied, under an advisory lock: replicas starting at the same moment
 * wait for each other, and each migration commits with its version in one transaction.
 */
export async function migratePg(db: PgDb, list: readonly Migration[]): Promise<void> {
  let client: pg.PoolClient;
  try {
    client = await db.pool.connect();
  } catch (error) {
    throw translate(error);
  }
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
      );
      const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
      const current = rows[0]?.v ?? 0;
      const latest = Math.max(0, ...list.map((m) => m.version));
      if (current > latest) {
        throw new StoreError(
          `the PostgreSQL database was written by a newer paperwire (schema ${current}, this one knows ${latest}): upgrade paperwire or point DATABASE_URL at another database`,
        );
      }
      for (const migration of [...list].sort((a, b) => a.version - b.version)) {
        if (migration.version <= current) continue;
        try {
          await client.query('BEGIN');
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          const reason = translate(error);
          throw new StoreError(`PostgreSQL migration ${migration.version} (${migration.name}) failed: ${reason.message}`);
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    }
  } catch (error) {
    throw translate(error);
  } finally {
    client.release();
  }
}
