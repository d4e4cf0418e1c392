import type { IngestRepo } from '../ingest/types.js';
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

/** Slack events already acted on, so a retried delivery (or one seen by another replica) is not answered twice. */
export interface EventLedger {
  /** true for the first delivery of this event in this workspace (recorded atomically); false for every later one. */
  firstDelivery(teamId: string, eventId: string, at: Date): Promise<boolean>;
  /** Forgets events received before `before` (Slack stops retrying after minutes); returns how many. */
  prune(before: Date): Promise<number>;
}

/** One Slack installation (OAuth), sealed: the store never sees a token in plain text. */
/** Work only one process should do at a time (fetching fresh papers): held until `until`, renewed by its holder. */
export interface LeasesRepo {
  /** true when `owner` holds `name` until now + ms (it was free, expired, or already its own). */
  acquire(name: string, owner: string, now: Date, ms: number): Promise<boolean>;
}

export interface StoredInstallation {
  /** `T…` for a workspace install, `E…` for an org-wide one. */
  key: string;
  teamId?: string;
  enterpriseId?: string;
  /** The whole installation, sealed with AES-256-GCM by the Slack side (src/slack/installations.ts, src/util/seal.ts). */
  sealed: string;
  installedAt: string;
}

export interface InstallationsRepo {
  save(installation: StoredInstallation): Promise<void>;
  get(key: string): Promise<StoredInstallation | undefined>;
  /** true when there was one. */
  remove(key: string): Promise<boolean>;
}

/**
 * Everything paperwire keeps across restarts, in SQLite (src/store/sqlite.ts: one file, WAL mode) or
 * PostgreSQL (src/store/postgres.ts: shared by every replica), each with versioned migrations. Each
 * concern is a repository of its own, one file per backend (src/store/<name>.ts, src/store/pg/<name>.ts),
 * so a feature adds its tables without touching the others; tests/store/contract.test.ts holds both to one contract.
 */
export interface Store {
  /** `sqlite` or `postgres`. */
  readonly kind: 'sqlite' | 'postgres';
  readonly saves: SavesRepo;
  readonly engagement: EngagementRepo;
  readonly summaries: SummaryCache;
  readonly subscriptions: SubscriptionsRepo;
  readonly digests: DigestsRepo;
  /** Papers from the daily papers API (async: the PostgreSQL store answers the same interface). */
  readonly ingested: IngestRepo;
  readonly events: EventLedger;
  readonly leases: LeasesRepo;
  readonly installations: InstallationsRepo;
  /** Resolves when the database answers a trivial query; rejects with a StoreUnavailable otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
