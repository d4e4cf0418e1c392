import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDigestScheduler, type CronSchedule } from '../../src/digest/scheduler.js';
import { cronExpression, dueDigests, lastSlot, nextSlot, zonedInstant } from '../../src/digest/schedule-plan.js';
import { SlackStandIn } from '../helpers/slack-stand-in.js';
import { digestPosts, digestRuntime, poster, subscription, tempDb } from './harness.js';

describe('when digests are due', () => {
  it('keeps 09:00 local across daylight-saving changes', () => {
    expect(zonedInstant('2026-03-27', '09:00', 'Europe/Paris').toISOString()).toBe('2026-03-27T08:00:00.000Z');
    expect(zonedInstant('2026-03-30', '09:00', 'Europe/Paris').toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(zonedInstant('2026-11-02', '09:00', 'America/New_York').toISOString()).toBe('2026-11-02T14:00:00.000Z');
    expect(zonedInstant('2026-10-30', '09:00', 'America/New_York').toISOString()).toBe('2026-10-30T13:00:00.000Z');
    expect(zonedInstant('2026-06-01', '09:00', 'Asia/Kolkata').toISOString()).toBe('2026-06-01T03:30:00.000Z');
    // 02:30 does not exist in Paris on 29 March 2026: it runs when the clock reaches it, an hour on.
    expect(zonedInstant('2026-03-29', '02:30', 'Europe/Paris').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('finds the last and next slots, skipping weekends for weekday digests', () => {
    const sub = subscription({ timezone: 'America/New_York', time: '09:00' });
    const saturday = new Date('2026-11-28T15:00:00Z');
    expect(lastSlot(sub, saturday)).toEqual({ localDate: '2026-11-27', at: new Date('2026-11-27T14:00:00Z') });
    expect(nextSlot(sub, saturday).localDate).toBe('2026-11-30');
    expect(lastSlot({ ...sub, cadence: 'daily' }, saturday)!.localDate).toBe('2026-11-28');
    // Across the US DST end (1 Nov 2026): Friday 30 Oct at 13:00Z, Monday 2 Nov at 14:00Z.
    expect(nextSlot(sub, new Date('2026-10-30T14:00:00Z')).at.toISOString()).toBe('2026-11-02T14:00:00.000Z');
  });

  it('posts a missed digest within the catch-up window and skips it after', () => {
    const subs = [
      subscription({ channelId: 'C1', timezone: 'Europe/Paris' }), // 08:00Z
      subscription({ channelId: 'C2', timezone: 'Asia/Tokyo' }), // 00:00Z
      subscription({ channelId: 'C3', timezone: 'America/Los_Angeles' }), // 17:00Z, not yet
      subscription({ channelId: 'C4', timezone: 'Europe/Paris', pausedReason: 'archived' }),
      subscription({ channelId: 'C5', timezone: 'Europe/Paris', createdAt: '2026-11-23T10:00:00Z' }), // made after today's slot
    ];
    const now = new Date('2026-11-23T11:00:00Z');
    const due = dueDigests(subs, () => false, now, 6 * 3_600_000);
    expect(due.map((d) => [d.subscription.channelId, d.slot.localDate, d.action])).toEqual([
      ['C1', '2026-11-23', 'post'],
      ['C2', '2026-11-23', 'missed'],
      ['C3', '2026-11-20', 'missed'],
    ]);
    expect(dueDigests(subs, (s) => s.channelId === 'C1', now, 6 * 3_600_000).map((d) => d.subscription.channelId)).toEqual(['C2', 'C3']);
  });

  it('writes one cron line per cadence', () => {
    expect(cronExpression({ time: '09:05', cadence: 'weekdays' })).toBe('5 9 * * 1-5');
    expect(cronExpression({ time: '18:30', cadence: 'daily' })).toBe('30 18 * * *');
  });
});

describe('the scheduler', () => {
  let slack: SlackStandIn;
  beforeEach(async () => {
    slack = await new SlackStandIn().start();
  });
  afterEach(() => slack.stop());

  function fakeCron() {
    const tasks: Array<{ expression: string; timezone: string; fire: () => void; destroyed: boolean }> = [];
    const cron: CronSchedule = (expression, task, options) => {
      const entry = { expression, timezone: options.timezone, fire: task, destroyed: false };
      tasks.push(entry);
      return { stop: () => undefined, destroy: () => void (entry.destroyed = true) };
    };
    return { cron, live: () => tasks.filter((t) => !t.destroyed) };
  }

  it('schedules each subscription in its own timezone and posts when its time comes', async () => {
    const clock = { now: new Date('2026-11-23T06:00:00Z') };
    const { rt, store } = await digestRuntime(tempDb(), clock);
    await store.subscriptions.upsert(subscription({ channelId: 'C1', timezone: 'Europe/Paris' }));
    await store.subscriptions.upsert(subscription({ channelId: 'C2', timezone: 'America/New_York', time: '08:30', cadence: 'daily' }));
    const { cron, live } = fakeCron();
    const scheduler = startDigestScheduler(rt, poster(slack, rt), { cron, owner: 'a', catchUpMs: rt.config.catchUpMs });
    await scheduler.check();
    expect(
      live()
        .map((t) => `${t.expression} ${t.timezone}`)
        .sort(),
    ).toEqual(['*/5 * * * * UTC', '0 9 * * 1-5 Europe/Paris', '30 8 * * * America/New_York'].sort());
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);

    clock.now = new Date('2026-11-23T08:00:00Z');
    live()
      .find((t) => t.timezone === 'Europe/Paris')!
      .fire();
    await scheduler.check();
    expect(digestPosts(slack, 'C1').parents).toHaveLength(1);
    expect(digestPosts(slack, 'C2').parents).toHaveLength(0);

    await store.subscriptions.remove('T1', 'C2');
    await scheduler.sync();
    expect(live().some((t) => t.timezone === 'America/New_York')).toBe(false);
    await scheduler.stop();
    expect(live()).toHaveLength(0);
  });

  it('catches up on start within the window, and skips (logging it) beyond', async () => {
    const db = tempDb();
    const clock = { now: new Date('2026-11-23T11:00:00Z') };
    const { rt, store, lines } = await digestRuntime(db, clock);
    await store.subscriptions.upsert(subscription({ channelId: 'C1', timezone: 'Europe/Paris' }));
    await store.subscriptions.upsert(subscription({ channelId: 'C2', timezone: 'Asia/Tokyo' }));
    const scheduler = startDigestScheduler(rt, poster(slack, rt), { cron: fakeCron().cron, owner: 'a', catchUpMs: rt.config.catchUpMs });
    await scheduler.check();
    await scheduler.stop();
    expect(digestPosts(slack, 'C1').parents).toHaveLength(1);
    expect(digestPosts(slack, 'C2').parents).toHaveLength(0);
    expect(lines.some((l) => l.includes('catch-up: posted'))).toBe(true);
    expect(lines.some((l) => l.includes('digest skipped') && l.includes('C2'))).toBe(true);

    // A restart the same day posts nothing more.
    const again = await digestRuntime(db, clock);
    const second = startDigestScheduler(again.rt, poster(slack, again.rt), { cron: fakeCron().cron, owner: 'b', catchUpMs: again.rt.config.catchUpMs });
    await second.check();
    await second.stop();
    expect(digestPosts(slack, 'C1').parents).toHaveLength(1);
  });
});
