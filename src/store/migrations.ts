/**
 * The schema, one version at a time. A migration never changes once released: add a new one.
 * `PRAGMA user_version` records the last version applied.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
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
        id INTEGER PRIMARY KEY,
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
];
