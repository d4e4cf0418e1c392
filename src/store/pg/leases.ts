import type { LeasesRepo } from '../store.js';
import type { PgDb } from './database.js';

export function pgLeasesRepo(db: PgDb): LeasesRepo {
  return {
    // One statement: of two replicas asking at once, the row lock lets one in; the other sees it held.
    acquire: async (name, owner, now, ms) =>
      (
        await db.query(
          `INSERT INTO leases (name, owner, until) VALUES ($1, $2, $3)
           ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until = excluded.until WHERE leases.owner = $2 OR leases.until < $4`,
          [name, owner, new Date(now.getTime() + ms).toISOString(), now.toISOString()],
        )
      ).rowCount > 0,
  };
}
