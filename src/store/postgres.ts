import type { Log } from '../util/log.js';
import type { Migration } from './migrations.js';
import { migratePg, openPool, type PgDb } from './pg/database.js';
import { pgDigestsRepo } from './pg/digests.js';
import { pgEngagementRepo } from './pg/engagement.js';
import { pgEventLedger } from './pg/events.js';
import { pgInstallationsRepo } from './pg/installations.js';
import { pgMigrations } from './pg/migrations.js';
import { pgIngestRepo } from './pg/papers.js';
import { pgLeasesRepo } from './pg/leases.js';
import { pgSavesRepo } from './pg/saves.js';
import { pgSubscriptionsRepo } from './pg/subscriptions.js';
import { pgSummaryCache } from './pg/summaries.js';
import type { Store } from './store.js';

export interface PgStoreOptions {
  log: Log;
  migrations?: Migration[];
  /** Pool size per process. */
  max?: number;
}

/** Connects to PostgreSQL (DATABASE_URL), applies the migrations under an advisory lock, and returns the store. */
export async function openPgStore(url: string, options: PgStoreOptions): Promise<Store & { db: PgDb }> {
  const db = openPool(url, { log: options.log, max: options.max });
  try {
    await migratePg(db, options.migrations ?? pgMigrations);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    kind: 'postgres',
    db,
    saves: pgSavesRepo(db),
    engagement: pgEngagementRepo(db),
    summaries: pgSummaryCache(db),
    subscriptions: pgSubscriptionsRepo(db),
    digests: pgDigestsRepo(db),
    events: pgEventLedger(db),
    leases: pgLeasesRepo(db),
    installations: pgInstallationsRepo(db),
    ingested: pgIngestRepo(db),
    ping: async () => void (await db.query('SELECT 1')),
    close: () => (closed ??= db.close()),
  };
}
