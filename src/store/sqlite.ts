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

/** Opens (creating and migrating) the SQLite store at `path`, or `:memory:` for a throwaway one. */
export function openStore(path: string, options: { migrations?: Migration[] } = {}): Store & { db: Db } {
  const db = openDatabase(path);
  migrate(db, options.migrations ?? migrations, path);
  return {
    kind: 'sqlite',
    db,
    saves: savesRepo(db),
    engagement: engagementRepo(db),
    summaries: summaryCache(db),
    subscriptions: subscriptionsRepo(db),
    digests: digestsRepo(db),
    ingested: ingestRepo(db),
    events: eventLedger(db),
    leases: leasesRepo(db),
    installations: installationsRepo(db),
    ping: async () => void db.prepare('SELECT 1').get(),
    close: async () => void db.close(),
  };
}
