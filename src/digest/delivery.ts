import type { Paper } from '../corpus/types.js';
import type { Summary } from '../summary/types.js';

/** What the parent message of a digest shows. */
export interface DigestParent {
  runId: number;
  /** The workspace it is posted in (its token posts it). */
  teamId: string;
  channelId: string;
  /** "Monday 23 November 2026", in the channel's timezone. */
  dateLabel: string;
  hotTopics: readonly string[];
  entries: ReadonlyArray<{ paper: Paper; tldr: string; why: string }>;
  requested: number;
  topic?: string;
  preview: boolean;
}

/** One paper of a digest, as a reply in the parent's thread. */
export interface DigestReply {
  runId: number;
  teamId: string;
  channelId: string;
  position: number;
  paper: Paper;
  summary: Summary;
}

/** Why a post did not land, in the digest's terms (the adapter maps its platform's errors to these). */
export type DeliveryFailure =
  /** Nothing was posted; try again after `retryAfterSeconds`. */
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  /** A timeout or a server error: the post may have landed, so look before sending again. */
  | { kind: 'uncertain'; detail: string }
  /** The app's credentials for this workspace no longer work (uninstalled, revoked): nothing is posted there until it is reinstalled. */
  | { kind: 'auth-revoked'; detail: string }
  | { kind: 'channel-gone'; reason: 'archived' | 'not-found' }
  | { kind: 'not-in-channel' }
  | { kind: 'other'; detail: string };

export type Delivered = { ok: true; ts: string } | { ok: false; failure: DeliveryFailure };

/** Something to tell the person who subscribed a channel. */
export type SubscriberNotice = { kind: 'not-in-channel'; channelId: string };

/**
 * Where digests go. src/slack/digest-delivery.ts implements it with the Web API; the shell with its
 * terminal. Posting returns a failure rather than throwing one; a throw means something unexpected.
 */
export interface DigestDelivery {
  postParent(parent: DigestParent): Promise<Delivered>;
  postReply(parentTs: string, reply: DigestReply): Promise<Delivered>;
  /** A parent of this run already in the channel (sent before a crash, never recorded). */
  findParent(teamId: string, channelId: string, runId: number): Promise<string | undefined>;
  /** A reply at this position already in the parent's thread. */
  findReply(teamId: string, channelId: string, parentTs: string, position: number): Promise<string | undefined>;
  tellSubscriber(teamId: string, userId: string, notice: SubscriberNotice): Promise<void>;
}
