import type { WebClient } from '@slack/web-api';
import type { Log } from '../log.js';
import { postMessage } from '../slack/post.js';
import type { SeenMessage } from '../slack/handlers/surface.js';
import type { DigestPoster } from './poster.js';

/** How far back a lost post is looked for: a digest is one parent and at most ten replies. */
const LOOKBACK = 50;

export function slackDigestPoster(client: WebClient, log: Log): DigestPoster {
  return {
    post: (channel, message, threadTs) => postMessage(client, log, { channel, message, threadTs }),
    async find(channel, threadTs, match) {
      const result = threadTs
        ? await client.conversations.replies({ channel, ts: threadTs, limit: LOOKBACK, include_all_metadata: true })
        : await client.conversations.history({ channel, limit: LOOKBACK, include_all_metadata: true });
      const messages = (result.messages ?? []) as Array<SeenMessage & { ts?: string }>;
      return messages.find((m) => m.ts && match(m))?.ts;
    },
    async notify(userId, message) {
      await postMessage(client, log, { channel: userId, message });
    },
  };
}
