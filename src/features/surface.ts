import type { Message } from '../views/message.js';

export type { Message };

/** A post the platform refused for a reason a person can act on; `userMessage` says what to do. */
export class PostRefused extends Error {
  constructor(
    readonly reason: string,
    readonly userMessage: string,
  ) {
    super(`the message was refused: ${reason}`);
    this.name = 'PostRefused';
  }
}

/** Who asked, and where. */
export interface Requester {
  userId: string;
  teamId: string;
  channelId: string;
}

/** A message as read back from Slack: what it says and what our cards put in it. */
export interface SeenMessage {
  text?: string;
  blocks?: Array<{ block_id?: string }>;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/**
 * Where a handler's answers go. Bolt listeners implement it with `respond` and the Web API; the local
 * shell implements it by printing. Handlers never see which.
 */
export interface Surface {
  /** A private reply to the person who asked; `replaceOriginal` updates the message their button was on. */
  respond(message: Message, options?: { replaceOriginal?: boolean }): Promise<void>;
  /** A message everyone in the channel (or thread) sees; returns its ts, or throws PostRefused. */
  post(channel: string, message: Message, threadTs?: string): Promise<string>;
  /** The message that starts a thread, to learn which paper the thread is about. */
  threadParent(channel: string, threadTs: string): Promise<SeenMessage | undefined>;
}
