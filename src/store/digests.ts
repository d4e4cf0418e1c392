import type { ClaimRequest, ClaimResult, DigestKind, DigestRun, DigestsRepo } from '../digest/types.js';
import type { Db } from './database.js';

interface RunRow {
  id: number;
  team_id: string;
  channel_id: string;
  local_date: string;
  kind: DigestKind;
  hot_topics: string;
  claimed_at: string;
  owner: string;
  lease_until: string;
  parent_attempted: number;
  parent_ts: string | null;
  finished_at: string | null;
}

interface ItemRow {
  position: number;
  paper_id: string;
  score: number;
  why: string;
  reply_attempted: number;
  reply_ts: string | null;
}

/** Digest runs in SQLite. */
export function digestsRepo(db: Db): DigestsRepo {
  const runById = db.prepare<[number], RunRow>('SELECT * FROM digest_runs WHERE id = ?');
  const dailyRun = db.prepare<[string, string, string], RunRow>(
    "SELECT * FROM digest_runs WHERE team_id = ? AND channel_id = ? AND local_date = ? AND kind = 'daily'",
  );
  const lastDaily = db.prepare<[string, string], RunRow>(
    "SELECT * FROM digest_runs WHERE team_id = ? AND channel_id = ? AND kind = 'daily' ORDER BY local_date DESC LIMIT 1",
  );
  const unfinished = db.prepare<[], RunRow>('SELECT * FROM digest_runs WHERE finished_at IS NULL ORDER BY id');
  const items = db.prepare<[number], ItemRow>('SELECT * FROM digest_items WHERE run_id = ? ORDER BY position');
  const insertRun = db.prepare(
    'INSERT INTO digest_runs (team_id, channel_id, local_date, kind, hot_topics, claimed_at, owner, lease_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertItem = db.prepare('INSERT INTO digest_items (run_id, position, paper_id, score, why) VALUES (?, ?, ?, ?, ?)');
  const takeOver = db.prepare('UPDATE digest_runs SET owner = ?, lease_until = ? WHERE id = ?');
  const renew = db.prepare('UPDATE digest_runs SET lease_until = ? WHERE id = ? AND owner = ?');
  const parentAttempted = db.prepare('UPDATE digest_runs SET parent_attempted = ? WHERE id = ?');
  const setParent = db.prepare('UPDATE digest_runs SET parent_ts = ?, parent_attempted = 1 WHERE id = ?');
  const replyAttempted = db.prepare('UPDATE digest_items SET reply_attempted = ? WHERE run_id = ? AND position = ?');
  const setReply = db.prepare('UPDATE digest_items SET reply_ts = ?, reply_attempted = 1 WHERE run_id = ? AND position = ?');
  const finish = db.prepare('UPDATE digest_runs SET finished_at = ? WHERE id = ?');
  const posted = db.prepare<[string, string], { paper_id: string }>(
    'SELECT DISTINCT i.paper_id FROM digest_items i JOIN digest_runs r ON r.id = i.run_id WHERE r.team_id = ? AND r.channel_id = ? AND r.parent_attempted = 1',
  );
  const byReply = db.prepare<[string, string, string], { paper_id: string }>(
    'SELECT i.paper_id FROM digest_items i JOIN digest_runs r ON r.id = i.run_id WHERE r.team_id = ? AND r.channel_id = ? AND i.reply_ts = ?',
  );
  const byParent = db.prepare<[string, string, string], { id: number }>('SELECT id FROM digest_runs WHERE team_id = ? AND channel_id = ? AND parent_ts = ?');

  const toRun = (row: RunRow): DigestRun => ({
    id: row.id,
    teamId: row.team_id,
    channelId: row.channel_id,
    localDate: row.local_date,
    kind: row.kind,
    hotTopics: JSON.parse(row.hot_topics) as string[],
    claimedAt: row.claimed_at,
    parentAttempted: row.parent_attempted === 1,
    ...(row.parent_ts ? { parentTs: row.parent_ts } : {}),
    ...(row.finished_at ? { finishedAt: row.finished_at } : {}),
    items: items.all(row.id).map((i) => ({
      position: i.position,
      paperId: i.paper_id,
      score: i.score,
      why: i.why,
      replyAttempted: i.reply_attempted === 1,
      ...(i.reply_ts ? { replyTs: i.reply_ts } : {}),
    })),
  });

  const continueRun = (existing: RunRow, owner: string, now: Date, leaseMs: number): ClaimResult => {
    if (existing.finished_at) return { status: 'done', run: toRun(existing) };
    if (existing.owner !== owner && existing.lease_until > now.toISOString()) return { status: 'busy', run: toRun(existing) };
    takeOver.run(owner, new Date(now.getTime() + leaseMs).toISOString(), existing.id);
    return { status: 'resume', run: toRun(existing) };
  };

  const claim = db.transaction((request: ClaimRequest): ClaimResult => {
    const nowIso = request.now.toISOString();
    const leaseUntil = new Date(request.now.getTime() + request.leaseMs).toISOString();
    const existing = request.kind === 'daily' ? dailyRun.get(request.teamId, request.channelId, request.localDate) : undefined;
    if (existing) return continueRun(existing, request.owner, request.now, request.leaseMs);
    const id = Number(
      insertRun.run(request.teamId, request.channelId, request.localDate, request.kind, JSON.stringify(request.hotTopics), nowIso, request.owner, leaseUntil)
        .lastInsertRowid,
    );
    request.items.forEach((item, position) => insertItem.run(id, position, item.paperId, item.score, item.why));
    return { status: 'claimed', run: toRun(runById.get(id)!) };
  });

  return {
    // IMMEDIATE takes the write lock before reading, so two processes cannot both see "no run yet".
    claim: async (request) => claim.immediate(request),
    resume: async (runId, owner, now, leaseMs) =>
      db
        .transaction(() => {
          const row = runById.get(runId);
          if (!row) throw new Error(`no digest run ${runId}`);
          return continueRun(row, owner, now, leaseMs);
        })
        .immediate(),
    daily: async (teamId, channelId, localDate) => {
      const row = dailyRun.get(teamId, channelId, localDate);
      return row ? toRun(row) : undefined;
    },
    lastDaily: async (teamId, channelId) => {
      const row = lastDaily.get(teamId, channelId);
      return row ? toRun(row) : undefined;
    },
    unfinished: async () => unfinished.all().map(toRun),
    renew: async (runId, owner, now, leaseMs) => renew.run(new Date(now.getTime() + leaseMs).toISOString(), runId, owner).changes > 0,
    setParentAttempted: async (runId, attempted) => void parentAttempted.run(attempted ? 1 : 0, runId),
    setParent: async (runId, ts) => void setParent.run(ts, runId),
    setReplyAttempted: async (runId, position, attempted) => void replyAttempted.run(attempted ? 1 : 0, runId, position),
    setReply: async (runId, position, ts) => void setReply.run(ts, runId, position),
    finish: async (runId, at) => void finish.run(at.toISOString(), runId),
    postedPaperIds: async (teamId, channelId) => new Set(posted.all(teamId, channelId).map((r) => r.paper_id)),
    paperForMessage: async (teamId, channelId, ts) => byReply.get(teamId, channelId, ts)?.paper_id,
    isDigestMessage: async (teamId, channelId, ts) => byReply.get(teamId, channelId, ts) !== undefined || byParent.get(teamId, channelId, ts) !== undefined,
  };
}
