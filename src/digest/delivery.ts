import type { Message } from '../views/message.js';
import type { SeenMessage } from '../features/surface.js';

/** What a digest run needs from Slack; src/digest/slack-poster.ts implements it with the Web API. */
export interface DigestPoster {
  /** Posts to a channel (a thread when threadTs is given) and returns the ts; throws SlackPostError on a refusal. */
  post(channel: string, message: Message, threadTs?: string): Promise<string>;
  /** The ts of a recent message in the channel (or thread) that `match` recognises, if any. */
  find(channel: string, threadTs: string | undefined, match: (message: SeenMessage) => boolean): Promise<string | undefined>;
  /** A direct message to a person (to tell a subscriber what to fix). */
  notify(userId: string, message: Message): Promise<void>;
}
