import type { Summary, SummaryCache } from '../../summary/types.js';
import type { PgDb } from './database.js';

export function pgSummaryCache(db: PgDb): SummaryCache {
  return {
    async get(paperId, model) {
      const row = (await db.query<{ summary: string }>('SELECT summary FROM summaries WHERE paper_id = $1 AND model = $2', [paperId, model])).rows[0];
      if (!row) return undefined;
      try {
        return JSON.parse(row.summary) as Summary;
      } catch {
        return undefined;
      }
    },
    set: async (paperId, model, summary) =>
      void (await db.query(
        `INSERT INTO summaries (paper_id, model, summary, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (paper_id, model) DO UPDATE SET summary = excluded.summary, created_at = excluded.created_at`,
        [paperId, model, JSON.stringify(summary), new Date().toISOString()],
      )),
  };
}
