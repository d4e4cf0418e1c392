import { migrations, type Migration } from './migrations.js';
import { type Db, migrate, openDatabase } from './database.js';
import { digestsRepo } from './digests.js';
import { engagementRepo } from './engagement.js';
import { eventLedger } from './events.js';
import { installationsRepo } from './installations.js';
import { leasesRepo } from './leases.js';
import { savesRepo } from './saves.js';
import type { Store } from './store.js';
import { ingestRepo } from './papers.js';
import { subscriptionsRepo } from './subscriptions.js';
import { summaryCache } from './summaries.js';

export { StoreError } from './database.js';

/**
 * Opens (creating and migrating) the SQLite store at `path`, or `:memory:` for a throwaway one. Each
 * repository prepares its statements when first used: a store opened on an older schema (to be
 * migrated, or by a test) must still open, though the newer repositories' tables are not there yet.
 */
export function openStore(path: string, options: { migrations?: Migration[] } = {}): Store & { db: Db } {
  const db = openDatabase(path);
  migrate(db, options.migrations ?? migrations, path);
  const repos = {
    saves: savesRepo,
    engagement: engagementRepo,
    summaries: summaryCache,
    subscriptions: subscriptionsRepo,
    digests: digestsRepo,
    ingested: ingestRepo,
    events: eventLedger,
    leases: leasesRepo,
    installations: installationsRepo,
  };
  const store = {
    kind: 'sqlite' as const,
    db,
    ping: async () => void db.prepare('SELECT 1').get(),
    close: async () => void db.close(),
  };
  for (const [name, make] of Object.entries(repos)) {
    let repo: unknown;
    Object.defineProperty(store, name, { enumerable: true, get: () => (repo ??= make(db)) });
  }
  return store as typeof store & { [K in keyof typeof repos]: ReturnType<(typeof repos)[K]> };
}
