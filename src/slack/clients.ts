import { WebClient } from '@slack/web-api';
import type { Config } from '../config.js';
import type { Log } from '../util/log.js';
import { slackLogger } from './logger.js';

/**
 * Web API clients that never retry by themselves, one per token (a workspace's, in OAuth mode): what
 * posts with them looks before it sends again (src/slack/keyed-post.ts, src/digest/deliver.ts).
 */
export function noRetryClients(config: Pick<Config, 'slack'>, log: Log, timeoutMs = 10_000): (token: string | undefined) => WebClient {
  const clients = new Map<string, WebClient>();
  return (token) => {
    const key = token ?? '';
    let client = clients.get(key);
    if (!client) {
      client = new WebClient(token, {
        slackApiUrl: config.slack.apiUrl,
        logger: slackLogger(log),
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        timeout: timeoutMs,
      });
      // A few hundred workspaces at most; a reinstall's new token replaces the old entry in time.
      if (clients.size > 1000) clients.clear();
      clients.set(key, client);
    }
    return client;
  };
}
