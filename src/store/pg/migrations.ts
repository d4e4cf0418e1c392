import type { Migration } from '../migrations.js';

/**
 * The PostgreSQL schema, version for version the same tables as src/store/migrations.ts (SQLite).
 * Instants are ISO 8601 text in both, so both stores compare and return them alike. The table
 * schema_migrations records what was applied; a migration never changes once released.
 */
export const pgMigrations: Migration[] = [
  {
    version: 1,
    name: 'saves, engagement and the summary cache',
    sql: `
      CREATE TABLE saves (
        team_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        paper_id TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (team_id, user_id, paper_id)
      );
      CREATE TABLE engagement (
        id BIGSERIAL PRIMARY KEY,
        team_id TEXT NOT NULL,
        paper_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('save', 'summary', 'share', 'reaction')),
        user_id TEXT,
        at TEXT NOT NULL
      );
      CREATE INDEX engagement_by_time ON engagement (at);
      CREATE TABLE summaries (
        paper_id TEXT NOT NULL,
        model TEXT NOT NULL,
        summary TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (paper_id, model)
      );
    `,
  },
  {
    version: 2,
    name: 'digest subscriptions and runs',
    sql: `
      CREATE TABLE subscriptions (
        channel_id TEXT PRIMARY KEY,
        team_id TEXT NOT NULL,
        time TEXT NOT NULL,
        timezone TEXT NOT NULL,
        cadence TEXT NOT NULL CHECK (cadence IN ('weekdays', 'daily')),
        top_n INTEGER NOT NULL CHECK (top_n BETWEEN 1 AND 10),
        topic TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        paused_reason TEXT,
        last_problem TEXT
      );
      CREATE TABLE digest_runs (
        id BIGSERIAL PRIMARY KEY,
        channel_id TEXT NOT NULL,
        local_date TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('daily', 'preview')),
        hot_topics TEXT NOT NULL,
        claimed_at TEXT NOT NULL,
        owner TEXT NOT NULL,
        lease_until TEXT NOT NULL,
        parent_attempted BOOLEAN NOT NULL DEFAULT false,
        parent_ts TEXT,
        finished_at TEXT
      );
      -- The claim: one daily digest per channel and local date, whichever replica inserts first.
      CREATE UNIQUE INDEX one_daily_digest ON digest_runs (channel_id, local_date) WHERE kind = 'daily';
      CREATE INDEX digest_runs_unfinished ON digest_runs (id) WHERE finished_at IS NULL;
      CREATE TABLE digest_items (
        run_id BIGINT NOT NULL REFERENCES digest_runs (id),
        position INTEGER NOT NULL,
        paper_id TEXT NOT NULL,
        score DOUBLE PRECISION NOT NULL,
        why TEXT NOT NULL,
        reply_attempted BOOLEAN NOT NULL DEFAULT false,
        reply_ts TEXT,
        PRIMARY KEY (run_id, position)
      );
      CREATE INDEX digest_items_by_paper ON digest_items (paper_id);
      CREATE INDEX digest_items_by_reply ON digest_items (reply_ts);
    `,
  },
  {
    version: 3,
    name: 'papers ingested from the daily papers API, and the days fetched',
    sql: `
      CREATE TABLE ingested_papers (
        arxiv_id TEXT PRIMARY KEY,
        paper_id TEXT NOT NULL,
        record TEXT NOT NULL,
        list_date TEXT NOT NULL,
        upvotes INTEGER,
        num_comments INTEGER,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        changed BIGINT NOT NULL
      );
      CREATE INDEX ingested_papers_by_change ON ingested_papers (changed);
      CREATE INDEX ingested_papers_by_list_date ON ingested_papers (list_date);
      CREATE TABLE ingested_days (
        date TEXT PRIMARY KEY,
        papers INTEGER NOT NULL,
        fetched_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'the Slack event ledger and OAuth installations',
    sql: `
      CREATE TABLE slack_events (
        team_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (team_id, event_id)
      );
      CREATE INDEX slack_events_by_time ON slack_events (received_at);
      CREATE TABLE installations (
        install_key TEXT PRIMARY KEY,
        team_id TEXT,
        enterprise_id TEXT,
        sealed TEXT NOT NULL,
        installed_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'leases: work one process does at a time',
    sql: `
      CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        until TEXT NOT NULL
      );
      `,
  },
  {
    version: 6,
    name: 'digest subscriptions and runs keyed by team as well as channel',
    sql: `
      ALTER TABLE subscriptions DROP CONSTRAINT subscriptions_pkey;
      ALTER TABLE subscriptions ADD PRIMARY KEY (team_id, channel_id);
      ALTER TABLE digest_runs ADD COLUMN team_id TEXT NOT NULL DEFAULT '';
      UPDATE digest_runs r SET team_id = s.team_id FROM subscriptions s WHERE s.channel_id = r.channel_id;
      DROP INDEX one_daily_digest;
      CREATE UNIQUE INDEX one_daily_digest_per_team ON digest_runs (team_id, channel_id, local_date) WHERE kind = 'daily';
    `,
  },
];
