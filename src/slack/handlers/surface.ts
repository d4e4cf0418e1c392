import type { Message } from '../post.js';

export type { Message };

/** Who asked, and where. */
export interface Requester {
  userId: string;
  teamId: string;
  channelId: string;
}

/**
 * Where a handler's answers go. Bolt listeners implement it with `respond` and the Web API; the local
 * shell implements it by printing. Handlers never see which.
 */
export interface Surface {
  /** A private reply to the person who asked; `replaceOriginal` updates the message their button was on. */
  respond(message: Message, options?: { replaceOriginal?: boolean }): Promise<void>;
  /** A message everyone in the channel (or thread) sees; returns its ts. */
  post(channel: string, message: Message, threadTs?: string): Promise<string>;
}
