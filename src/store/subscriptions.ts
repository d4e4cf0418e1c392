import type { Cadence, Subscription, SubscriptionsRepo } from '../digest/types.js';
import type { Db } from './database.js';

export interface SubscriptionRow {
  channel_id: string;
  team_id: string;
  time: string;
  timezone: string;
  cadence: Cadence;
  top_n: number;
  topic: string | null;
  created_by: string;
  created_at: string;
  paused_reason: string | null;
  last_problem: string | null;
}

export function fromSubscriptionRow(row: SubscriptionRow): Subscription {
  return {
    channelId: row.channel_id,
    teamId: row.team_id,
    time: row.time,
    timezone: row.timezone,
    cadence: row.cadence,
    topN: row.top_n,
    ...(row.topic ? { topic: row.topic } : {}),
    createdBy: row.created_by,
    createdAt: row.created_at,
    ...(row.paused_reason ? { pausedReason: row.paused_reason } : {}),
    ...(row.last_problem ? { lastProblem: row.last_problem } : {}),
  };
}

export function subscriptionsRepo(db: Db): SubscriptionsRepo {
  const q = (() => {
    const upsert = db.prepare(`
    INSERT INTO subscriptions (channel_id, team_id, time, timezone, cadence, top_n, topic, created_by, created_at, paused_reason, last_problem)
    VALUES (@channelId, @teamId, @time, @timezone, @cadence, @topN, @topic, @createdBy, @createdAt, NULL, NULL)
    ON CONFLICT (team_id, channel_id) DO UPDATE SET time = excluded.time, timezone = excluded.timezone,
      cadence = excluded.cadence, top_n = excluded.top_n, topic = excluded.topic, created_by = excluded.created_by,
      created_at = excluded.created_at, paused_reason = NULL, last_problem = NULL`);
    const get = db.prepare<[string, string], SubscriptionRow>('SELECT * FROM subscriptions WHERE team_id = ? AND channel_id = ?');
    const remove = db.prepare('DELETE FROM subscriptions WHERE team_id = ? AND channel_id = ?');
    const listAll = db.prepare<[], SubscriptionRow>('SELECT * FROM subscriptions ORDER BY team_id, channel_id');
    const listTeam = db.prepare<[string], SubscriptionRow>('SELECT * FROM subscriptions WHERE team_id = ? ORDER BY channel_id');
    const pause = db.prepare('UPDATE subscriptions SET paused_reason = ? WHERE team_id = ? AND channel_id = ?');
    const problem = db.prepare('UPDATE subscriptions SET last_problem = ? WHERE team_id = ? AND channel_id = ?');
    const pauseTeam = db.prepare('UPDATE subscriptions SET paused_reason = ? WHERE team_id = ? AND paused_reason IS NULL');
    const resumeTeam = db.prepare('UPDATE subscriptions SET paused_reason = NULL WHERE team_id = ? AND paused_reason = ?');
    return { upsert, get, remove, listAll, listTeam, pause, problem, pauseTeam, resumeTeam };
  })();
  return {
    upsert: async (s) => void q.upsert.run({ ...s, topic: s.topic ?? null }),
    get: async (teamId, channelId) => {
      const row = q.get.get(teamId, channelId);
      return row ? fromSubscriptionRow(row) : undefined;
    },
    remove: async (teamId, channelId) => q.remove.run(teamId, channelId).changes > 0,
    list: async (teamId) => (teamId === undefined ? q.listAll.all() : q.listTeam.all(teamId)).map(fromSubscriptionRow),
    pause: async (teamId, channelId, reason) => void q.pause.run(reason, teamId, channelId),
    setProblem: async (teamId, channelId, text) => void q.problem.run(text ?? null, teamId, channelId),
    pauseTeam: async (teamId, reason) => q.pauseTeam.run(reason, teamId).changes,
    resumeTeam: async (teamId, reason) => q.resumeTeam.run(teamId, reason).changes,
  };
}
