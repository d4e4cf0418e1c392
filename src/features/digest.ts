import { randomUUID } from 'node:crypto';
import type { DigestPoster } from '../digest/delivery.js';
import { runDigest } from '../digest/run.js';
import { settingsView } from './digest-settings.js';
import type { Runtime } from '../app/runtime.js';
import { parseQuery } from '../search/query.js';
import { QueryError } from '../search/types.js';
import type { Subscription } from '../store/subscriptions.js';
import { renderDigestSettings, subscriptionBlocks } from '../views/digest.js';
import { renderNotice } from '../views/notice.js';
import type { DigestHandler, DigestKind } from './routes.js';
import type { Surface } from './surface.js';

/** `/papers digest …`: show, subscribe, unsubscribe, post now. */
export const digestRoutes: Record<DigestKind, DigestHandler> = {
  'digest-show': async (rt, _surface, requester) => {
    const subscription = rt.store.subscriptions.get(requester.channelId);
    if (!subscription)
      return renderNotice('This channel has no daily digest. Start one with `/papers digest on` (defaults: 09:00 in your timezone, weekdays, top 5).');
    return renderDigestSettings('Here is this channel’s paper digest.', settingsView(rt, subscription));
  },

  'digest-on': async (rt, _surface, requester, request) => {
    if (request.kind !== 'digest-on') throw new Error('digest-on handler got another request');
    const { settings } = request;
    if (settings.topic) {
      try {
        parseQuery(settings.topic);
      } catch (error) {
        if (error instanceof QueryError) return renderNotice(`The topic “${settings.topic}” is not a query I can run: ${error.message}`, error.hint);
        throw error;
      }
    }
    let timezone = settings.timezone;
    let note = '';
    if (!timezone) {
      timezone = await rt.digest?.userTimezone(requester.userId).catch(() => undefined);
      if (!timezone) {
        timezone = 'UTC';
        note = ' I could not read your timezone from Slack, so it runs on UTC: add `tz Area/City` to change it.';
      }
    }
    const subscription: Subscription = {
      channelId: requester.channelId,
      teamId: requester.teamId,
      time: settings.time ?? '09:00',
      timezone,
      cadence: settings.cadence ?? 'weekdays',
      topN: settings.topN ?? 5,
      ...(settings.topic ? { topic: settings.topic } : {}),
      createdBy: requester.userId,
      createdAt: rt.now().toISOString(),
    };
    rt.store.subscriptions.upsert(subscription);
    rt.digest?.scheduler?.sync();
    rt.log.info('digest subscribed', { channel: subscription.channelId, time: subscription.time, timezone, cadence: subscription.cadence });
    return renderDigestSettings(`✅ Subscribed.${note}`, settingsView(rt, subscription));
  },

  'digest-off': async (rt, _surface, requester) => {
    const removed = rt.store.subscriptions.remove(requester.channelId);
    rt.digest?.scheduler?.sync();
    return renderNotice(removed ? 'Daily digest turned off for this channel.' : 'This channel had no daily digest; nothing to turn off.');
  },

  'digest-now': async (rt, surface, requester) => {
    const poster = rt.digest?.poster ?? surfacePoster(surface);
    const outcome = await runDigest(rt, poster, { channelId: requester.channelId, reason: 'now', now: rt.now(), owner: rt.digest?.owner ?? randomUUID() });
    return renderNotice(outcome.note);
  },
};

/** The shell has no Slack to look back in: it posts through its surface and finds nothing. */
function surfacePoster(surface: Surface): DigestPoster {
  return {
    post: (channel, message, threadTs) => surface.post(channel, message, threadTs),
    find: async () => undefined,
    notify: (_user, message) => surface.respond(message),
  };
}

/** The App Home's subscriptions section. */
export function homeSubscriptions(rt: Runtime, teamId: string) {
  return subscriptionBlocks(rt.store.subscriptions.list(teamId).map((s) => settingsView(rt, s)));
}
