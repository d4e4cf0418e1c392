import type { Summary, SummaryCache } from '../summary/types.js';
import type { Db } from './database.js';

export function summaryCache(db: Db): SummaryCache {
  const get = db.prepare<[string, string], { summary: string }>('SELECT summary FROM summaries WHERE paper_id = ? AND model = ?');
  const set = db.prepare('INSERT OR REPLACE INTO summaries (paper_id, model, summary, created_at) VALUES (?, ?, ?, ?)');
  return {
    async get(paperId, model) {
      const row = get.get(paperId, model);
      if (!row) return undefined;
      try {
        return JSON.parse(row.summary) as Summary;
      } catch {
        return undefined;
      }
    },
    set: async (paperId, model, summary) => void set.run(paperId, model, JSON.stringify(summary), new Date().toISOString()),
  };
}
