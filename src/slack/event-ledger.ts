import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Runtime } from '../features/runtime.js';
import { teamOf } from './team.js';

/** Slack stops retrying an event after a few minutes; a day of ledger is plenty. */
export const LEDGER_KEEP_MS = 24 * 3_600_000;

/**
 * A global middleware: an Events API delivery (HTTP, or Socket Mode) goes on to the listeners only the
 * first time its `event_id` is seen in this workspace, by any replica. Slack's retries (X-Slack-Retry-Num
 * over HTTP, retry_attempt in Socket Mode), and the same event arriving at two replicas, are acknowledged
 * and dropped. When the store does not answer, the event is handled anyway: an answer that might come
 * twice beats none.
 */
export function eventLedger(rt: Runtime): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, context }) => {
    const b = body as { type?: string; event_id?: string };
    if (b.type !== 'event_callback' || !b.event_id) return next();
    const team = teamOf(body) || (context.teamId ?? '') || (context.enterpriseId ?? '');
    let first = true;
    try {
      first = await rt.store.events.firstDelivery(team, b.event_id, rt.now());
    } catch (error) {
      rt.log.warn('the event ledger is unavailable; handling the event without it', { event: b.event_id, reason: (error as Error).message });
    }
    if (!first) {
      rt.log.info('a Slack event already handled was delivered again; ignored', { event: b.event_id, retry: context.retryNum, reason: context.retryReason });
      return;
    }
    await next();
  };
}

/** Forgets old ledger entries every hour (each replica does it; deleting twice is harmless). */
export function pruneLedgerEvery(rt: Runtime, everyMs = 3_600_000): () => void {
  const timer = setInterval(() => {
    rt.store.events
      .prune(new Date(rt.now().getTime() - LEDGER_KEEP_MS))
      .catch((error: unknown) => rt.log.warn('could not prune the event ledger', { reason: (error as Error).message }));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
