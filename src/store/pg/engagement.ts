import type { EngagementEvent } from '../../trending/types.js';
import type { EngagementRepo } from '../store.js';
import type { PgDb } from './database.js';

const COLUMNS = 'team_id AS "teamId", paper_id AS "paperId", kind, user_id AS "userId", at';

export function pgEngagementRepo(db: PgDb): EngagementRepo {
  const clean = (e: EngagementEvent): EngagementEvent => (e.userId === null ? { ...e, userId: undefined } : e);
  return {
    record: async (e) =>
      void (await db.query('INSERT INTO engagement (team_id, paper_id, kind, user_id, at) VALUES ($1, $2, $3, $4, $5)', [
        e.teamId,
        e.paperId,
        e.kind,
        e.userId ?? null,
        e.at,
      ])),
    since: async (team, since) =>
      (team === undefined
        ? await db.query<EngagementEvent>(`SELECT ${COLUMNS} FROM engagement WHERE at >= $1 ORDER BY at, id`, [since.toISOString()])
        : await db.query<EngagementEvent>(`SELECT ${COLUMNS} FROM engagement WHERE team_id = $1 AND at >= $2 ORDER BY at, id`, [team, since.toISOString()])
      ).rows.map(clean),
  };
}
