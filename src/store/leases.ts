import type { Db } from './database.js';
import type { LeasesRepo } from './store.js';

export function leasesRepo(db: Db): LeasesRepo {
  // Prepared on first use (see papers.ts).
  const prepare = () =>
    db.prepare<{ name: string; owner: string; until: string; now: string }>(
      `INSERT INTO leases (name, owner, until) VALUES (@name, @owner, @until)
       ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until = excluded.until WHERE leases.owner = @owner OR leases.until < @now`,
    );
  let upsert: ReturnType<typeof prepare> | undefined;
  return {
    acquire: async (name, owner, now, ms) =>
      (upsert ??= prepare()).run({ name, owner, until: new Date(now.getTime() + ms).toISOString(), now: now.toISOString() }).changes > 0,
  };
}
