import type { Message } from '../views/message.js';
import type { SeenMessage } from '../features/surface.js';
import { SlackPostError, UNCERTAIN_CODES } from '../slack/post.js';
import type { DigestPoster } from './delivery.js';

export interface DeliveryPolicy {
  /** Tries after a timeout or a 5xx before the failure is reported. */
  uncertainRetries: number;
  /** Rate-limit waits before giving up. */
  rateLimitRetries: number;
  /** Backoff after the n-th uncertain failure (0-based). */
  backoffMs(attempt: number): number;
  sleep(ms: number): Promise<void>;
}

export const DEFAULT_POLICY: DeliveryPolicy = {
  uncertainRetries: 3,
  rateLimitRetries: 5,
  backoffMs: (attempt) => 1000 * 2 ** attempt,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Posts a digest message at most once. A rate limit is waited out as Slack asks (Slack did not post
 * it); after a timeout or a 5xx, Slack may have posted it, so the channel is checked for it (`isIt`)
 * before the next try, with backoff. The last failure is thrown for the run to report.
 */
export async function deliver(
  poster: DigestPoster,
  post: { channel: string; message: Message; threadTs?: string; isIt: (m: SeenMessage) => boolean },
  policy: DeliveryPolicy = DEFAULT_POLICY,
): Promise<string> {
  let uncertain = 0;
  let limited = 0;
  for (;;) {
    try {
      return await poster.post(post.channel, post.message, post.threadTs);
    } catch (error) {
      if (!(error instanceof SlackPostError)) throw error;
      if (error.code === 'ratelimited' && limited < policy.rateLimitRetries) {
        limited++;
        await policy.sleep(Math.max(1, error.retryAfterSeconds ?? 30) * 1000);
        continue;
      }
      if (!UNCERTAIN_CODES.has(error.code) || uncertain >= policy.uncertainRetries) throw error;
      await policy.sleep(policy.backoffMs(uncertain++));
      const landed = await poster.find(post.channel, post.threadTs, post.isIt).catch(() => undefined);
      if (landed) return landed;
    }
  }
}
