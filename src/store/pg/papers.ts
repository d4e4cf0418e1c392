import type { IngestRepo, IngestedDay, IngestedPaper, StoreDayResult } from '../../ingest/types.js';
import { mergePaper, onePerArxivId } from '../papers.js';
import type { PgDb, Queryable } from './database.js';

/** Replicas storing a day at once take turns, so the change counter never repeats. */
const STORE_DAY_LOCK = 0x70617066;

/** Ingested papers in PostgreSQL: the same rows as the SQLite repository (src/store/papers.ts). */
export function pgIngestRepo(db: PgDb): IngestRepo {
  const version = async (q: Queryable) => Number((await q.query<{ v: string | null }>('SELECT MAX(changed) AS v FROM ingested_papers')).rows[0]?.v ?? 0);
  const records = (rows: Array<{ record: string }>) => rows.map((r) => JSON.parse(r.record) as IngestedPaper);
  return {
    storeDay: (date, papers, fetchedAt) =>
      db.tx(async (q) => {
        await q.query('SELECT pg_advisory_xact_lock($1)', [STORE_DAY_LOCK]);
        const changed = (await version(q)) + 1;
        const at = fetchedAt.toISOString();
        const result: StoreDayResult = { papers: 0, new: 0, updated: 0 };
        for (const paper of onePerArxivId(papers)) {
          result.papers++;
          const row = (await q.query<{ record: string }>('SELECT record FROM ingested_papers WHERE arxiv_id = $1', [paper.arxivId])).rows[0];
          if (!row) {
            await q.query(
              `INSERT INTO ingested_papers (arxiv_id, paper_id, record, list_date, upvotes, num_comments, first_seen, last_seen, changed)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)`,
              [paper.arxivId, paper.id, JSON.stringify(paper), paper.listDate, paper.upvotes ?? null, paper.numComments ?? null, at, changed],
            );
            result.new++;
            continue;
          }
          const merged = mergePaper(JSON.parse(row.record) as IngestedPaper, paper);
          const record = JSON.stringify(merged);
          if (record === row.record) {
            await q.query('UPDATE ingested_papers SET last_seen = $1 WHERE arxiv_id = $2', [at, paper.arxivId]);
          } else {
            await q.query(
              `UPDATE ingested_papers SET record = $1, list_date = $2, upvotes = $3, num_comments = $4, last_seen = $5, changed = $6 WHERE arxiv_id = $7`,
              [record, merged.listDate, merged.upvotes ?? null, merged.numComments ?? null, at, changed, paper.arxivId],
            );
            result.updated++;
          }
        }
        await q.query(
          `INSERT INTO ingested_days (date, papers, fetched_at) VALUES ($1, $2, $3)
           ON CONFLICT (date) DO UPDATE SET papers = excluded.papers, fetched_at = excluded.fetched_at`,
          [date, result.papers, at],
        );
        return result;
      }),
    all: async () => records((await db.query<{ record: string }>('SELECT record FROM ingested_papers ORDER BY list_date DESC, arxiv_id')).rows),
    changedSince: async (v) =>
      records((await db.query<{ record: string }>('SELECT record FROM ingested_papers WHERE changed > $1 ORDER BY changed, arxiv_id', [v])).rows),
    days: async () =>
      (await db.query<IngestedDay>('SELECT date, papers, fetched_at AS "fetchedAt" FROM ingested_days ORDER BY date')).rows.map((d) => ({
        ...d,
        papers: Number(d.papers),
      })),
    version: () => version(db),
  };
}
