import type { SummaryCache } from '../summary/types.js';
import type { DigestsRepo, SubscriptionsRepo } from '../digest/types.js';
import type { EngagementEvent } from '../trending/types.js';

export interface SavedPaper {
  paperId: string;
  /** ISO 8601 instant. */
  savedAt: string;
}

export interface SavesRepo {
  /** true when the paper was not saved before. */
  save(teamId: string, userId: string, paperId: string, at: Date): Promise<boolean>;
  /** true when it was saved and is now removed. */
  remove(teamId: string, userId: string, paperId: string): Promise<boolean>;
  /** Newest first. */
  list(teamId: string, userId: string): Promise<SavedPaper[]>;
  /** How many people in the team saved each paper. */
  countsByPaper(teamId: string): Promise<Map<string, number>>;
}

export interface EngagementRepo {
  record(event: EngagementEvent): Promise<void>;
  /** Events of a team since an instant (all teams when teamId is undefined), oldest first. */
  since(teamId: string | undefined, since: Date): Promise<EngagementEvent[]>;
}

/**
 * Everything paperwire keeps across restarts (src/store/sqlite.ts: one SQLite file, WAL mode, versioned migrations);
 * each concern is a repository of its own so features add tables without touching the others.
 */
export interface Store {
  readonly saves: SavesRepo;
  readonly engagement: EngagementRepo;
  readonly summaries: SummaryCache;
  readonly subscriptions: SubscriptionsRepo;
  readonly digests: DigestsRepo;
  close(): Promise<void>;
}
