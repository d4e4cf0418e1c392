import type { Runtime } from './runtime.js';
import type { DigestSettingsView } from '../views/digest.js';
import type { Subscription } from '../digest/types.js';
import { localTime } from '../digest/local-time.js';
import { nextSlot } from '../digest/schedule-plan.js';

/** "Tue 24 Nov, 09:00" for an instant in a timezone. */
export function shortLocal(instant: Date, timezone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, weekday: 'short', day: 'numeric', month: 'short' }).format(instant);
  return `${day.replace(',', '')}, ${localTime(instant, timezone).time}`;
}

/** A subscription as `/papers digest` and the App Home show it. */
export async function settingsView(rt: Runtime, subscription: Subscription): Promise<DigestSettingsView> {
  const last = await rt.store.digests.lastDaily(subscription.teamId, subscription.channelId);
  return {
    channelId: subscription.channelId,
    time: subscription.time,
    timezone: subscription.timezone,
    cadence: subscription.cadence,
    topN: subscription.topN,
    ...(subscription.topic ? { topic: subscription.topic } : {}),
    nextRun: shortLocal(nextSlot(subscription, rt.now()).at, subscription.timezone),
    ...(last?.parentTs ? { lastPosted: last.localDate } : {}),
    ...(subscription.pausedReason ? { pausedReason: subscription.pausedReason } : {}),
    ...(subscription.lastProblem ? { lastProblem: subscription.lastProblem } : {}),
  };
}
