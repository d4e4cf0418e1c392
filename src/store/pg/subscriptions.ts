import type { SubscriptionsRepo } from '../../digest/types.js';
import { fromSubscriptionRow, type SubscriptionRow } from '../subscriptions.js';
import type { PgDb } from './database.js';

export function pgSubscriptionsRepo(db: PgDb): SubscriptionsRepo {
  return {
    upsert: async (s) =>
      void (await db.query(
        `INSERT INTO subscriptions (channel_id, team_id, time, timezone, cadence, top_n, topic, created_by, created_at, paused_reason, last_problem)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL, NULL)
         ON CONFLICT (team_id, channel_id) DO UPDATE SET time = excluded.time, timezone = excluded.timezone,
           cadence = excluded.cadence, top_n = excluded.top_n, topic = excluded.topic, created_by = excluded.created_by,
           created_at = excluded.created_at, paused_reason = NULL, last_problem = NULL`,
        [s.channelId, s.teamId, s.time, s.timezone, s.cadence, s.topN, s.topic ?? null, s.createdBy, s.createdAt],
      )),
    get: async (teamId, channelId) => {
      const row = (await db.query<SubscriptionRow>('SELECT * FROM subscriptions WHERE team_id = $1 AND channel_id = $2', [teamId, channelId])).rows[0];
      return row ? fromSubscriptionRow(row) : undefined;
    },
    remove: async (teamId, channelId) => (await db.query('DELETE FROM subscriptions WHERE team_id = $1 AND channel_id = $2', [teamId, channelId])).rowCount > 0,
    list: async (teamId) =>
      (teamId === undefined
        ? await db.query<SubscriptionRow>('SELECT * FROM subscriptions ORDER BY team_id, channel_id')
        : await db.query<SubscriptionRow>('SELECT * FROM subscriptions WHERE team_id = $1 ORDER BY channel_id', [teamId])
      ).rows.map(fromSubscriptionRow),
    pause: async (teamId, channelId, reason) =>
      void (await db.query('UPDATE subscriptions SET paused_reason = $1 WHERE team_id = $2 AND channel_id = $3', [reason, teamId, channelId])),
    setProblem: async (teamId, channelId, text) =>
      void (await db.query('UPDATE subscriptions SET last_problem = $1 WHERE team_id = $2 AND channel_id = $3', [text ?? null, teamId, channelId])),
    pauseTeam: async (teamId, reason) =>
      (await db.query('UPDATE subscriptions SET paused_reason = $1 WHERE team_id = $2 AND paused_reason IS NULL', [reason, teamId])).rowCount,
    resumeTeam: async (teamId, reason) =>
      (await db.query('UPDATE subscriptions SET paused_reason = NULL WHERE team_id = $1 AND paused_reason = $2', [teamId, reason])).rowCount,
  };
}
