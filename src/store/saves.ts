import type { SavesRepo } from './store.js';
import type { Db } from './database.js';

export function savesRepo(db: Db): SavesRepo {
  const insert = db.prepare('INSERT OR IGNORE INTO saves (team_id, user_id, paper_id, saved_at) VALUES (?, ?, ?, ?)');
  const remove = db.prepare('DELETE FROM saves WHERE team_id = ? AND user_id = ? AND paper_id = ?');
  const list = db.prepare<[string, string], { paperId: string; savedAt: string }>(
    'SELECT paper_id AS paperId, saved_at AS savedAt FROM saves WHERE team_id = ? AND user_id = ? ORDER BY saved_at DESC, paper_id',
  );
  const counts = db.prepare<[string], { paperId: string; n: number }>(
    'SELECT paper_id AS paperId, COUNT(*) AS n FROM saves WHERE team_id = ? GROUP BY paper_id',
  );
  return {
    save: async (team, user, paper, at) => insert.run(team, user, paper, at.toISOString()).changes > 0,
    remove: async (team, user, paper) => remove.run(team, user, paper).changes > 0,
    list: async (team, user) => list.all(team, user),
    countsByPaper: async (team) => new Map(counts.all(team).map((r) => [r.paperId, r.n])),
  };
}
