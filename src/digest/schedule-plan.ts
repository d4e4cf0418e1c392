import type { Subscription } from './types.js';
import { localTime } from './local-time.js';

/**
 * When digests are due: pure functions of the subscriptions, what the store has and the clock.
 * Cron only wakes the scheduler; these decide what to post, so catch-up and DST are testable.
 */

const DAY_MS = 86_400_000;

/** The instant a local date and time in a timezone falls on (a time skipped by DST moves forward with the clock). */
export function zonedInstant(date: string, time: string, timezone: string): Date {
  const naive = Date.parse(`${date}T${time}:00Z`);
  const offset = (at: number) => {
    const local = localTime(new Date(at), timezone);
    return Date.parse(`${local.date}T${local.time}:00Z`) - Math.floor(at / 60_000) * 60_000;
  };
  const first = naive - offset(naive);
  return new Date(naive - offset(first));
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function runsOn(subscription: Pick<Subscription, 'cadence'>, date: string): boolean {
  if (subscription.cadence === 'daily') return true;
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

export interface Slot {
  /** The digest's date in the channel's timezone. */
  localDate: string;
  at: Date;
}

/** The latest scheduled slot at or before `now` (within a week), if any. */
export function lastSlot(subscription: Subscription, now: Date): Slot | undefined {
  const today = localTime(now, subscription.timezone).date;
  for (let back = 0; back <= 7; back++) {
    const date = addDays(today, -back);
    if (!runsOn(subscription, date)) continue;
    const at = zonedInstant(date, subscription.time, subscription.timezone);
    if (at.getTime() <= now.getTime()) return { localDate: date, at };
  }
  return undefined;
}

/** The next scheduled slot after `now`. */
export function nextSlot(subscription: Subscription, now: Date): Slot {
  const today = localTime(now, subscription.timezone).date;
  for (let ahead = 0; ; ahead++) {
    const date = addDays(today, ahead);
    if (!runsOn(subscription, date)) continue;
    const at = zonedInstant(date, subscription.time, subscription.timezone);
    if (at.getTime() > now.getTime()) return { localDate: date, at };
  }
}

export interface DueCheck {
  subscription: Subscription;
  slot: Slot;
  /** post: within the catch-up window; missed: too late, skipped. */
  action: 'post' | 'missed';
}

/**
 * The slots that have passed with no digest claimed for them: posted when still within `catchUpMs`
 * of their time, skipped otherwise. Slots before the subscription was made do not count.
 */
export function dueDigests(
  subscriptions: readonly Subscription[],
  claimed: (subscription: Subscription, localDate: string) => boolean,
  now: Date,
  catchUpMs: number,
): DueCheck[] {
  const due: DueCheck[] = [];
  for (const subscription of subscriptions) {
    if (subscription.pausedReason) continue;
    const slot = lastSlot(subscription, now);
    if (!slot || slot.at.getTime() < Date.parse(subscription.createdAt)) continue;
    if (claimed(subscription, slot.localDate)) continue;
    due.push({ subscription, slot, action: now.getTime() - slot.at.getTime() <= catchUpMs ? 'post' : 'missed' });
  }
  return due;
}

/** The cron line node-cron runs in the subscription's timezone. */
export function cronExpression(subscription: Pick<Subscription, 'time' | 'cadence'>): string {
  const [hours, minutes] = subscription.time.split(':').map(Number);
  return `${minutes} ${hours} * * ${subscription.cadence === 'weekdays' ? '1-5' : '*'}`;
}
