import type { EngagementEvent } from '../trending/types.js';
import type { EngagementRepo } from './store.js';
import type { Db } from './database.js';

export function engagementRepo(db: Db): EngagementRepo {
  const insert = db.prepare('INSERT INTO engagement (team_id, paper_id, kind, user_id, at) VALUES (@teamId, @paperId, @kind, @userId, @at)');
  const columns = 'team_id AS teamId, paper_id AS paperId, kind, user_id AS userId, at';
  const sinceTeam = db.prepare<[string, string], EngagementEvent>(`SELECT ${columns} FROM engagement WHERE team_id = ? AND at >= ? ORDER BY at, id`);
  const sinceAll = db.prepare<[string], EngagementEvent>(`SELECT ${columns} FROM engagement WHERE at >= ? ORDER BY at, id`);
  const clean = (e: EngagementEvent): EngagementEvent => (e.userId === null ? { ...e, userId: undefined } : e);
  return {
    record: async (event) => void insert.run({ ...event, userId: event.userId ?? null }),
    since: async (team, since) => (team === undefined ? sinceAll.all(since.toISOString()) : sinceTeam.all(team, since.toISOString())).map(clean),
  };
}
