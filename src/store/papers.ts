import type { IngestRepo, IngestedDay, IngestedPaper, StoreDayResult } from '../ingest/types.js';
import type { Db } from './database.js';

interface Row {
  record: string;
}

/**
 * Ingested papers in SQLite (tables of migration 3): one row per arXiv id, the paper as JSON beside
 * the columns a query needs. A day is written in one transaction; `changed` counts changes so
 * version() is one index lookup.
 */
export function ingestRepo(db: Db): IngestRepo {
  // Prepared on first use: a database opened with an older list of migrations has no such tables.
  let statements: ReturnType<typeof prepare> | undefined;
  const prepare = () => ({
    current: db.prepare<[string], Row>('SELECT record FROM ingested_papers WHERE arxiv_id = ?'),
    insert: db.prepare(
      `INSERT INTO ingested_papers (arxiv_id, paper_id, record, list_date, upvotes, num_comments, first_seen, last_seen, changed)
     VALUES (@arxivId, @paperId, @record, @listDate, @upvotes, @numComments, @seen, @seen, @changed)`,
    ),
    update: db.prepare(
      `UPDATE ingested_papers SET record = @record, list_date = @listDate, upvotes = @upvotes, num_comments = @numComments,
       last_seen = @seen, changed = @changed WHERE arxiv_id = @arxivId`,
    ),
    seen: db.prepare('UPDATE ingested_papers SET last_seen = ? WHERE arxiv_id = ?'),
    storeDayRow: db.prepare(
      `INSERT INTO ingested_days (date, papers, fetched_at) VALUES (?, ?, ?)
     ON CONFLICT (date) DO UPDATE SET papers = excluded.papers, fetched_at = excluded.fetched_at`,
    ),
    maxChanged: db.prepare<[], { v: number | null }>('SELECT MAX(changed) AS v FROM ingested_papers'),
    all: db.prepare<[], Row>('SELECT record FROM ingested_papers ORDER BY list_date DESC, arxiv_id'),
    since: db.prepare<[number], Row>('SELECT record FROM ingested_papers WHERE changed > ? ORDER BY changed, arxiv_id'),
    days: db.prepare<[], IngestedDay>('SELECT date, papers, fetched_at AS fetchedAt FROM ingested_days ORDER BY date'),
  });
  const q = () => (statements ??= prepare());

  const version = () => q().maxChanged.get()?.v ?? 0;

  const storeDay = db.transaction((date: string, papers: readonly IngestedPaper[], fetchedAt: Date): StoreDayResult => {
    const changed = version() + 1;
    const at = fetchedAt.toISOString();
    const result: StoreDayResult = { papers: 0, new: 0, updated: 0 };
    for (const paper of onePerArxivId(papers)) {
      result.papers++;
      const row = q().current.get(paper.arxivId);
      if (!row) {
        q().insert.run(columns(paper, at, changed));
        result.new++;
        continue;
      }
      const merged = mergePaper(JSON.parse(row.record) as IngestedPaper, paper);
      const record = JSON.stringify(merged);
      if (record === row.record) {
        q().seen.run(at, paper.arxivId);
      } else {
        q().update.run(columns(merged, at, changed, record));
        result.updated++;
      }
    }
    q().storeDayRow.run(date, result.papers, at);
    return result;
  });

  return {
    storeDay: async (date, papers, fetchedAt) => storeDay.immediate(date, papers, fetchedAt),
    all: async () => q().all.all().map(parse),
    changedSince: async (v) => q().since.all(v).map(parse),
    days: async () => q().days.all(),
    version: async () => version(),
  };
}

/** A day's list with each arXiv id once (an id listed twice is merged). */
export function onePerArxivId(papers: readonly IngestedPaper[]): IngestedPaper[] {
  const byId = new Map<string, IngestedPaper>();
  for (const paper of papers) byId.set(paper.arxivId, byId.has(paper.arxivId) ? mergePaper(byId.get(paper.arxivId)!, paper) : paper);
  return [...byId.values()];
}

/**
 * The paper as known before, brought up to date: what the API says now wins (upvotes, comments,
 * stars…), a field it no longer sends is kept, and the list days add up.
 */
export function mergePaper(before: IngestedPaper, now: IngestedPaper): IngestedPaper {
  const listDates = [...new Set([...(before.listDates ?? []), ...now.listDates])].sort();
  return { ...before, ...now, listDates, listDate: listDates[listDates.length - 1]! };
}

function columns(paper: IngestedPaper, seen: string, changed: number, record = JSON.stringify(paper)) {
  return {
    arxivId: paper.arxivId,
    paperId: paper.id,
    record,
    listDate: paper.listDate,
    upvotes: paper.upvotes ?? null,
    numComments: paper.numComments ?? null,
    seen,
    changed,
  };
}

function parse(row: Row): IngestedPaper {
  return JSON.parse(row.record) as IngestedPaper;
}
