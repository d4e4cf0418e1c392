import { WebClient } from '@slack/web-api';
import type { Config } from '../config.js';
import type { Log } from '../util/log.js';
import { postMessage } from './post.js';
import type { SeenMessage } from '../features/surface.js';
import type { DigestPoster } from '../digest/delivery.js';

/** How far back a lost post is looked for: a digest is one parent and at most ten replies. */
const LOOKBACK = 50;

/**
 * The digest's own Web API client: it never retries by itself. A rate limit comes back to the run,
 * which waits as asked; a timeout or a 5xx may have posted after all, so the run looks in the channel
 * before it sends again (src/digest/deliver.ts). Blind retries could post a digest twice.
 */
export function digestClient(config: Pick<Config, 'slack'>, log: Log, timeoutMs = 10_000): WebClient {
  return new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    logger: log.slack,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: timeoutMs,
  });
}

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
