/** The digest's records and the store ports it needs; src/store/ implements them (asynchronously: the store may be a server). */

export type Cadence = 'weekdays' | 'daily';

/** A channel's daily digest: when (local time in its timezone), how many papers, about what. */
export interface Subscription {
  channelId: string;
  teamId: string;
  /** HH:MM, 24-hour, in `timezone`. */
  time: string;
  /** IANA name, e.g. Europe/Paris. */
  timezone: string;
  cadence: Cadence;
  topN: number;
  /** A search query the papers must match. */
  topic?: string;
  createdBy: string;
  createdAt: string;
  /** Set when Slack said the channel is gone or archived: no digest is posted until re-subscribed. */
  pausedReason?: string;
  /** The last thing that went wrong posting here (e.g. the bot is not in the channel), shown by `/papers digest`. */
  lastProblem?: string;
}

/** A new subscription's settings, and the settings of a channel with none (`paperwire digest --channel …`). */
export const DIGEST_DEFAULTS = { time: '09:00', cadence: 'weekdays', topN: 5 } as const satisfies Pick<Subscription, 'time' | 'cadence' | 'topN'>;

export function defaultSubscription(teamId: string, channelId: string, now: Date): Subscription {
  return { channelId, teamId, timezone: 'UTC', ...DIGEST_DEFAULTS, createdBy: '', createdAt: now.toISOString() };
}

/**
 * Subscriptions are keyed by workspace and channel: a channel shared between workspaces has one id in
 * all of them, and each workspace's digest there is its own.
 */
export interface SubscriptionsRepo {
  /** Creates or replaces the channel's subscription (and clears any pause or problem). */
  upsert(subscription: Subscription): Promise<void>;
  get(teamId: string, channelId: string): Promise<Subscription | undefined>;
  remove(teamId: string, channelId: string): Promise<boolean>;
  /** Every subscription (of one team when given), by team and channel. */
  list(teamId?: string): Promise<Subscription[]>;
  pause(teamId: string, channelId: string, reason: string): Promise<void>;
  setProblem(teamId: string, channelId: string, problem: string | undefined): Promise<void>;
  /** Pauses every subscription of a workspace not paused yet (the app was uninstalled there); returns how many. */
  pauseTeam(teamId: string, reason: string): Promise<number>;
  /** Lifts the pauses of a workspace that were made for exactly this reason (the app is installed again); returns how many. */
  resumeTeam(teamId: string, reason: string): Promise<number>;
}

export type DigestKind = 'daily' | 'preview';

export interface DigestItemRecord {
  position: number;
  paperId: string;
  score: number;
  why: string;
  /** A reply was sent (or may have been: the process can die before Slack's answer is recorded). */
  replyAttempted: boolean;
  replyTs?: string;
}

/** One digest in one channel: what it holds, and how far posting got. */
export interface DigestRun {
  id: number;
  teamId: string;
  channelId: string;
  /** YYYY-MM-DD in the channel's timezone. */
  localDate: string;
  kind: DigestKind;
  hotTopics: string[];
  claimedAt: string;
  parentAttempted: boolean;
  parentTs?: string;
  finishedAt?: string;
  items: DigestItemRecord[];
}

export interface ClaimRequest {
  teamId: string;
  channelId: string;
  localDate: string;
  kind: DigestKind;
  hotTopics: string[];
  items: Array<{ paperId: string; score: number; why: string }>;
  /** Who is posting (one id per process); a run is worked on by one owner at a time. */
  owner: string;
  now: Date;
  /** How long the owner may work before another process may take the run over. */
  leaseMs: number;
}

export type ClaimResult =
  /** A new run: post it. */
  | { status: 'claimed'; run: DigestRun }
  /** The day's run was started before and not finished (a crash, a Slack failure): finish it. */
  | { status: 'resume'; run: DigestRun }
  /** The day's digest is already complete here. */
  | { status: 'done'; run: DigestRun }
  /** Another process is posting it right now. */
  | { status: 'busy'; run: DigestRun };

export interface DigestsRepo {
  /** In one transaction: a new run, or the day's existing one and whether this owner may continue it. */
  claim(request: ClaimRequest): Promise<ClaimResult>;
  /** Takes over an unfinished run (after a crash) unless its owner's lease is still running. */
  resume(runId: number, owner: string, now: Date, leaseMs: number): Promise<ClaimResult>;
  daily(teamId: string, channelId: string, localDate: string): Promise<DigestRun | undefined>;
  /** The newest daily run of a channel. */
  lastDaily(teamId: string, channelId: string): Promise<DigestRun | undefined>;
  /** Unfinished runs, oldest first (resumed on start-up). */
  unfinished(): Promise<DigestRun[]>;
  /** Keeps the run this owner's for another lease; false when another process has taken it over. */
  renew(runId: number, owner: string, now: Date, leaseMs: number): Promise<boolean>;
  /** Set before a post is sent; cleared when Slack refused it, so a refused post never counts as sent. */
  setParentAttempted(runId: number, attempted: boolean): Promise<void>;
  setParent(runId: number, ts: string): Promise<void>;
  setReplyAttempted(runId: number, position: number, attempted: boolean): Promise<void>;
  setReply(runId: number, position: number, ts: string): Promise<void>;
  finish(runId: number, at: Date): Promise<void>;
  /** Papers ever posted (or being posted) to a channel: never again. */
  postedPaperIds(teamId: string, channelId: string): Promise<Set<string>>;
  /** The paper a digest message in a channel is about: a reply's paper, or undefined for a parent. */
  paperForMessage(teamId: string, channelId: string, ts: string): Promise<string | undefined>;
  /** Whether a message is one of our digest parents or replies. */
  isDigestMessage(teamId: string, channelId: string, ts: string): Promise<boolean>;
}
