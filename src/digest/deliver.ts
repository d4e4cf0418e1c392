import type { Delivered, DeliveryFailure } from './delivery.js';

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

/** A post that failed for good; the run decides what that means for the channel. */
export class DeliveryError extends Error {
  constructor(readonly failure: DeliveryFailure) {
    super(`the post did not land (${failure.kind}${'detail' in failure ? `: ${failure.detail}` : ''})`);
    this.name = 'DeliveryError';
  }
}

/**
 * Posts a digest message at most once. A rate limit is waited out as asked (nothing was posted);
 * after an uncertain failure the post may have landed, so `find` looks for it before the next try,
 * with backoff. The last failure is thrown as a DeliveryError for the run to handle.
 */
export async function deliver(
  send: () => Promise<Delivered>,
  find: () => Promise<string | undefined>,
  policy: DeliveryPolicy = DEFAULT_POLICY,
): Promise<string> {
  let uncertain = 0;
  let limited = 0;
  for (;;) {
    const result = await send();
    if (result.ok) return result.ts;
    const { failure } = result;
    if (failure.kind === 'rate-limited' && limited < policy.rateLimitRetries) {
      limited++;
      await policy.sleep(Math.max(1, failure.retryAfterSeconds) * 1000);
      continue;
    }
    if (failure.kind !== 'uncertain' || uncertain >= policy.uncertainRetries) throw new DeliveryError(failure);
    await policy.sleep(policy.backoffMs(uncertain++));
    const landed = await find().catch(() => undefined);
    if (landed) return landed;
  }
}
