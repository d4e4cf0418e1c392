import type { Db } from './database.js';
import type { EventLedger } from './store.js';

export function eventLedger(db: Db): EventLedger {
  const insert = db.prepare('INSERT OR IGNORE INTO slack_events (team_id, event_id, received_at) VALUES (?, ?, ?)');
  const prune = db.prepare('DELETE FROM slack_events WHERE received_at < ?');
  return {
    firstDelivery: async (teamId, eventId, at) => insert.run(teamId, eventId, at.toISOString()).changes > 0,
    prune: async (before) => prune.run(before.toISOString()).changes,
  };
}
