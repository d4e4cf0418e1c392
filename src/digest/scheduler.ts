import { randomUUID } from 'node:crypto';
import nodeCron from 'node-cron';
import type { DigestDelivery } from './delivery.js';
import { type DigestContext, resumeDigest, runDigest } from './run.js';
import { cronExpression, dueDigests, lastSlot } from './schedule-plan.js';

/** node-cron's schedule, injectable so tests can fire a schedule by hand. */
export type CronSchedule = (expression: string, task: () => void, options: { timezone: string; name: string }) => { stop(): unknown; destroy(): unknown };

/** How often unfinished runs and missed slots are checked, besides each subscription's own schedule. */
const SAFETY_CHECK = '*/5 * * * *';
/** Unfinished runs older than this are left alone: yesterday's digest posted today helps no one. */
const RESUME_WINDOW_MS = 24 * 3_600_000;
/** A workspace whose token was refused is tried again after this long (it may have been reinstalled). */
const HALT_MS = 3_600_000;

export interface DigestScheduler {
  /** Starts the schedules and a first check; until then `sync` and `check` do nothing. */
  start(): void;
  /** Re-reads the subscriptions: one cron schedule per subscription, in its timezone (other replicas' changes are picked up at each check). */
  sync(): Promise<void>;
  /** Posts what is due, resumes unfinished runs; one check at a time. */
  check(): Promise<void>;
  /** Stops the schedules and waits for a digest being posted to finish its current run. */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  cron?: CronSchedule;
  owner?: string;
  /** How late a missed digest may still be posted (PAPERWIRE_CATCHUP_HOURS). */
  catchUpMs: number;
}

export function startDigestScheduler(rt: DigestContext, delivery: DigestDelivery, options: SchedulerOptions): DigestScheduler {
  const scheduler = createDigestScheduler(rt, delivery, options);
  scheduler.start();
  return scheduler;
}

export function createDigestScheduler(rt: DigestContext, delivery: DigestDelivery, options: SchedulerOptions): DigestScheduler {
  const schedule: CronSchedule = options.cron ?? ((expression, task, opts) => nodeCron.schedule(expression, task, opts));
  const owner = options.owner ?? randomUUID();
  const { log, store } = rt;
  const tasks = new Map<string, { key: string; task: ReturnType<CronSchedule> }>();
  const reportedMissed = new Set<string>();
  /** Workspaces whose token Slack refused: nothing more is posted there by this process until the hour is up. */
  const halted = new Map<string, number>();
  const isHalted = (teamId: string) => (halted.get(teamId) ?? 0) > Date.now();
  const halt = (teamId: string) => halted.set(teamId, Date.now() + HALT_MS);
  let started = false;
  let stopped = false;
  let safety: ReturnType<CronSchedule> | undefined;
  let chain: Promise<void> = Promise.resolve();

  const check = (): Promise<void> => {
    chain = chain.then(runCheck).catch((error: unknown) => log.error('digest check failed', { error }));
    return chain;
  };

  async function runCheck(): Promise<void> {
    if (stopped || !started) return;
    await sync();
    const now = rt.now();
    for (const run of await store.digests.unfinished()) {
      if (now.getTime() - Date.parse(run.claimedAt) > RESUME_WINDOW_MS || isHalted(run.teamId) || stopped) continue;
      const outcome = await resumeDigest(rt, delivery, run.id, owner);
      if (outcome.status === 'stopped') halt(run.teamId);
    }
    const subscriptions = (await store.subscriptions.list()).filter((s) => !isHalted(s.teamId));
    const claimed = new Set<string>();
    for (const s of subscriptions) {
      const slot = lastSlot(s, now);
      if (slot && (await store.digests.daily(s.teamId, s.channelId, slot.localDate))) claimed.add(`${s.teamId} ${s.channelId} ${slot.localDate}`);
    }
    const due = dueDigests(subscriptions, (s, date) => claimed.has(`${s.teamId} ${s.channelId} ${date}`), now, options.catchUpMs);
    for (const { subscription, slot, action } of due) {
      if (stopped) return;
      if (isHalted(subscription.teamId)) continue;
      const key = `${subscription.teamId}:${subscription.channelId}:${slot.localDate}`;
      if (action === 'missed') {
        if (!reportedMissed.has(key))
          log.warn('digest skipped: its time passed while paperwire was down, beyond the catch-up window', {
            channel: subscription.channelId,
            date: slot.localDate,
            scheduledAt: slot.at.toISOString(),
          });
        reportedMissed.add(key);
        continue;
      }
      const late = now.getTime() - slot.at.getTime() > 60_000;
      const outcome = await runDigest(rt, delivery, { teamId: subscription.teamId, channelId: subscription.channelId, reason: 'scheduled', now, owner });
      log.info(`digest ${late ? 'catch-up' : 'run'}: ${outcome.status}`, {
        team: subscription.teamId,
        channel: subscription.channelId,
        date: slot.localDate,
        note: outcome.note,
      });
      if (outcome.status === 'stopped') {
        halt(subscription.teamId);
        log.error("digests stopped in this workspace: Slack no longer accepts the app's token there; reinstall the app (tried again in an hour)", {
          team: subscription.teamId,
        });
      }
    }
  }

  async function sync(): Promise<void> {
    if (stopped || !started) return;
    let subscriptions;
    try {
      subscriptions = await store.subscriptions.list();
    } catch (error) {
      log.warn('digest schedules not refreshed: the store did not answer; the next check tries again', { error });
      return;
    }
    if (stopped) return;
    const wanted = new Map(subscriptions.filter((s) => !s.pausedReason).map((s) => [`${s.teamId} ${s.channelId}`, s]));
    for (const [id, entry] of tasks) {
      const subscription = wanted.get(id);
      if (!subscription || entry.key !== `${cronExpression(subscription)} ${subscription.timezone}`) {
        entry.task.destroy();
        tasks.delete(id);
      }
    }
    for (const [id, subscription] of wanted) {
      if (tasks.has(id)) continue;
      const expression = cronExpression(subscription);
      tasks.set(id, {
        key: `${expression} ${subscription.timezone}`,
        task: schedule(expression, () => void check(), { timezone: subscription.timezone, name: `digest ${id}` }),
      });
    }
  }

  return {
    start() {
      if (started || stopped) return;
      started = true;
      safety = schedule(SAFETY_CHECK, () => void check(), { timezone: 'UTC', name: 'digest safety check' });
      void check();
    },
    sync,
    check,
    async stop() {
      stopped = true;
      safety?.destroy();
      for (const { task } of tasks.values()) task.destroy();
      tasks.clear();
      await chain;
    },
  };
}
