import type { EventLedger } from '../store.js';
import type { PgDb } from './database.js';

export function pgEventLedger(db: PgDb): EventLedger {
  return {
    // The primary key decides: of two replicas inserting the same event at once, one gets the row.
    firstDelivery: async (teamId, eventId, at) =>
      (
        await db.query('INSERT INTO slack_events (team_id, event_id, received_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
          teamId,
          eventId,
          at.toISOString(),
        ])
      ).rowCount > 0,
    prune: async (before) => (await db.query('DELETE FROM slack_events WHERE received_at < $1', [before.toISOString()])).rowCount,
  };
}
