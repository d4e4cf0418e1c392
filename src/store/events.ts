import type { Db } from './database.js';
import type { EventLedger } from './store.js';

export function eventLedger(db: Db): EventLedger {
  // Prepared on first use, like every repository added after the first migrations (see papers.ts).
  const prepare = () => ({
    insert: db.prepare<[string, string, string]>('INSERT OR IGNORE INTO slack_events (team_id, event_id, received_at) VALUES (?, ?, ?)'),
    prune: db.prepare<[string]>('DELETE FROM slack_events WHERE received_at < ?'),
  });
  let statements: ReturnType<typeof prepare> | undefined;
  const q = () => (statements ??= prepare());
  return {
    firstDelivery: async (teamId, eventId, at) => q().insert.run(teamId, eventId, at.toISOString()).changes > 0,
    prune: async (before) => q().prune.run(before.toISOString()).changes,
  };
}
