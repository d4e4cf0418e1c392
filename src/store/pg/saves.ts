import type { SavesRepo } from '../store.js';
import type { PgDb } from './database.js';

export function pgSavesRepo(db: PgDb): SavesRepo {
  return {
    save: async (team, user, paper, at) =>
      (
        await db.query('INSERT INTO saves (team_id, user_id, paper_id, saved_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
          team,
          user,
          paper,
          at.toISOString(),
        ])
      ).rowCount > 0,
    remove: async (team, user, paper) =>
      (await db.query('DELETE FROM saves WHERE team_id = $1 AND user_id = $2 AND paper_id = $3', [team, user, paper])).rowCount > 0,
    list: async (team, user) =>
      (
        await db.query<{ paperId: string; savedAt: string }>(
          'SELECT paper_id AS "paperId", saved_at AS "savedAt" FROM saves WHERE team_id = $1 AND user_id = $2 ORDER BY saved_at DESC, paper_id',
          [team, user],
        )
      ).rows,
    countsByPaper: async (team) =>
      new Map(
        (await db.query<{ paper_id: string; n: string }>('SELECT paper_id, COUNT(*) AS n FROM saves WHERE team_id = $1 GROUP BY paper_id', [team])).rows.map(
          (r) => [r.paper_id, Number(r.n)],
        ),
      ),
  };
}
