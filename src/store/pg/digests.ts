import type { ClaimRequest, ClaimResult, DigestKind, DigestRun, DigestsRepo } from '../../digest/types.js';
import type { PgDb, Queryable } from './database.js';

interface RunRow {
  id: string;
  team_id: string;
  channel_id: string;
  local_date: string;
  kind: DigestKind;
  hot_topics: string;
  claimed_at: string;
  owner: string;
  lease_until: string;
  parent_attempted: boolean;
  parent_ts: string | null;
  finished_at: string | null;
}

interface ItemRow {
  run_id: string;
  position: number;
  paper_id: string;
  score: number;
  why: string;
  reply_attempted: boolean;
  reply_ts: string | null;
}

/**
 * Digest runs on PostgreSQL, shared by every replica. A claim inserts the day's run with
 * `ON CONFLICT DO NOTHING` on the unique (channel, local date) index, so of several replicas ticking
 * at once exactly one creates it; the others lock the existing row (`FOR UPDATE`) and see it busy,
 * done, or free to take over once its owner's lease has run out.
 */
export function pgDigestsRepo(db: PgDb): DigestsRepo {
  const withItems = async (q: Queryable, rows: RunRow[]): Promise<DigestRun[]> => {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const items = (await q.query<ItemRow>('SELECT * FROM digest_items WHERE run_id = ANY($1::bigint[]) ORDER BY run_id, position', [ids])).rows;
    return rows.map((row) => ({
      id: Number(row.id),
      teamId: row.team_id,
      channelId: row.channel_id,
      localDate: row.local_date,
      kind: row.kind,
      hotTopics: JSON.parse(row.hot_topics) as string[],
      claimedAt: row.claimed_at,
      parentAttempted: row.parent_attempted,
      ...(row.parent_ts ? { parentTs: row.parent_ts } : {}),
      ...(row.finished_at ? { finishedAt: row.finished_at } : {}),
      items: items
        .filter((i) => i.run_id === row.id)
        .map((i) => ({
          position: i.position,
          paperId: i.paper_id,
          score: i.score,
          why: i.why,
          replyAttempted: i.reply_attempted,
          ...(i.reply_ts ? { replyTs: i.reply_ts } : {}),
        })),
    }));
  };
  const one = async (q: Queryable, sql: string, values: unknown[]): Promise<DigestRun | undefined> =>
    (await withItems(q, (await q.query<RunRow>(sql, values)).rows))[0];

  const continueRun = async (q: Queryable, existing: RunRow, owner: string, now: Date, leaseMs: number): Promise<ClaimResult> => {
    const run = (await withItems(q, [existing]))[0]!;
    if (existing.finished_at) return { status: 'done', run };
    if (existing.owner !== owner && existing.lease_until > now.toISOString()) return { status: 'busy', run };
    await q.query('UPDATE digest_runs SET owner = $1, lease_until = $2 WHERE id = $3', [owner, new Date(now.getTime() + leaseMs).toISOString(), existing.id]);
    return { status: 'resume', run };
  };

  const claim = (request: ClaimRequest): Promise<ClaimResult> =>
    db.tx(async (q) => {
      const leaseUntil = new Date(request.now.getTime() + request.leaseMs).toISOString();
      const inserted = await q.query<RunRow>(
        `INSERT INTO digest_runs (team_id, channel_id, local_date, kind, hot_topics, claimed_at, owner, lease_until) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (team_id, channel_id, local_date) WHERE kind = 'daily' DO NOTHING RETURNING *`,
        [
          request.teamId,
          request.channelId,
          request.localDate,
          request.kind,
          JSON.stringify(request.hotTopics),
          request.now.toISOString(),
          request.owner,
          leaseUntil,
        ],
      );
      const row = inserted.rows[0];
      if (!row) {
        const existing = (
          await q.query<RunRow>("SELECT * FROM digest_runs WHERE team_id = $1 AND channel_id = $2 AND local_date = $3 AND kind = 'daily' FOR UPDATE", [
            request.teamId,
            request.channelId,
            request.localDate,
          ])
        ).rows[0];
        if (!existing) throw new Error(`digest run for ${request.channelId} on ${request.localDate} vanished during its claim`);
        return continueRun(q, existing, request.owner, request.now, request.leaseMs);
      }
      if (request.items.length > 0) {
        await q.query(
          `INSERT INTO digest_items (run_id, position, paper_id, score, why)
           SELECT $1, p - 1, paper_id, score, why FROM unnest($2::text[], $3::float8[], $4::text[]) WITH ORDINALITY AS t(paper_id, score, why, p)`,
          [row.id, request.items.map((i) => i.paperId), request.items.map((i) => i.score), request.items.map((i) => i.why)],
        );
      }
      return { status: 'claimed', run: (await withItems(q, [row]))[0]! };
    });

  return {
    claim,
    resume: (runId, owner, now, leaseMs) =>
      db.tx(async (q) => {
        const row = (await q.query<RunRow>('SELECT * FROM digest_runs WHERE id = $1 FOR UPDATE', [runId])).rows[0];
        if (!row) throw new Error(`no digest run ${runId}`);
        return continueRun(q, row, owner, now, leaseMs);
      }),
    daily: (teamId, channelId, localDate) =>
      one(db, "SELECT * FROM digest_runs WHERE team_id = $1 AND channel_id = $2 AND local_date = $3 AND kind = 'daily'", [teamId, channelId, localDate]),
    lastDaily: (teamId, channelId) =>
      one(db, "SELECT * FROM digest_runs WHERE team_id = $1 AND channel_id = $2 AND kind = 'daily' ORDER BY local_date DESC LIMIT 1", [teamId, channelId]),
    unfinished: async () => withItems(db, (await db.query<RunRow>('SELECT * FROM digest_runs WHERE finished_at IS NULL ORDER BY id')).rows),
    renew: async (runId, owner, now, leaseMs) =>
      (await db.query('UPDATE digest_runs SET lease_until = $1 WHERE id = $2 AND owner = $3', [new Date(now.getTime() + leaseMs).toISOString(), runId, owner]))
        .rowCount > 0,
    setParentAttempted: async (runId, attempted) => void (await db.query('UPDATE digest_runs SET parent_attempted = $1 WHERE id = $2', [attempted, runId])),
    setParent: async (runId, ts) => void (await db.query('UPDATE digest_runs SET parent_ts = $1, parent_attempted = true WHERE id = $2', [ts, runId])),
    setReplyAttempted: async (runId, position, attempted) =>
      void (await db.query('UPDATE digest_items SET reply_attempted = $1 WHERE run_id = $2 AND position = $3', [attempted, runId, position])),
    setReply: async (runId, position, ts) =>
      void (await db.query('UPDATE digest_items SET reply_ts = $1, reply_attempted = true WHERE run_id = $2 AND position = $3', [ts, runId, position])),
    finish: async (runId, at) => void (await db.query('UPDATE digest_runs SET finished_at = $1 WHERE id = $2', [at.toISOString(), runId])),
    postedPaperIds: async (teamId, channelId) =>
      new Set(
        (
          await db.query<{ paper_id: string }>(
            'SELECT DISTINCT i.paper_id FROM digest_items i JOIN digest_runs r ON r.id = i.run_id WHERE r.team_id = $1 AND r.channel_id = $2 AND r.parent_attempted',
            [teamId, channelId],
          )
        ).rows.map((r) => r.paper_id),
      ),
    paperForMessage: async (teamId, channelId, ts) =>
      (
        await db.query<{ paper_id: string }>(
          'SELECT i.paper_id FROM digest_items i JOIN digest_runs r ON r.id = i.run_id WHERE r.team_id = $1 AND r.channel_id = $2 AND i.reply_ts = $3 LIMIT 1',
          [teamId, channelId, ts],
        )
      ).rows[0]?.paper_id,
    isDigestMessage: async (teamId, channelId, ts) =>
      (
        await db.query(
          `SELECT 1 FROM digest_items i JOIN digest_runs r ON r.id = i.run_id WHERE r.team_id = $1 AND r.channel_id = $2 AND i.reply_ts = $3
           UNION ALL SELECT 1 FROM digest_runs WHERE team_id = $1 AND channel_id = $2 AND parent_ts = $3 LIMIT 1`,
          [teamId, channelId, ts],
        )
      ).rowCount > 0,
  };
}
