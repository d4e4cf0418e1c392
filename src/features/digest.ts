import { runDigest } from '../digest/run.js';
import { settingsView } from './digest-settings.js';
import type { Runtime } from './runtime.js';
import { parseQuery } from '../search/query.js';
import { QueryError } from '../search/types.js';
import { DIGEST_DEFAULTS, type Subscription } from '../digest/types.js';
import { deliveryThroughSurface } from './surface-delivery.js';
import { renderDigestSettings, subscriptionBlocks } from '../views/digest.js';
import { renderNotice } from '../views/notice.js';
import type { DigestHandler, DigestKind } from './routes.js';

/** `/papers digest …`: show, subscribe, unsubscribe, post now. */
export const digestRoutes: Record<DigestKind, DigestHandler> = {
  'digest-show': async (rt, _surface, requester) => {
    const subscription = await rt.store.subscriptions.get(requester.teamId, requester.channelId);
    if (!subscription)
      return renderNotice(
        `This channel has no daily digest. Start one with \`/papers digest on\` (defaults: ${DIGEST_DEFAULTS.time} in your timezone, ${DIGEST_DEFAULTS.cadence}, top ${DIGEST_DEFAULTS.topN}).`,
      );
    return renderDigestSettings('Here is this channel’s paper digest.', await settingsView(rt, subscription));
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
      timezone = await rt.digest.userTimezone(requester.userId, requester.teamId).catch(() => undefined);
      if (!timezone) {
        timezone = 'UTC';
        note = ' I could not read your timezone from Slack, so it runs on UTC: add `tz Area/City` to change it.';
      }
    }
    const subscription: Subscription = {
      channelId: requester.channelId,
      teamId: requester.teamId,
      time: settings.time ?? DIGEST_DEFAULTS.time,
      timezone,
      cadence: settings.cadence ?? DIGEST_DEFAULTS.cadence,
      topN: settings.topN ?? DIGEST_DEFAULTS.topN,
      ...(settings.topic ? { topic: settings.topic } : {}),
      createdBy: requester.userId,
      createdAt: rt.now().toISOString(),
    };
    await rt.store.subscriptions.upsert(subscription);
    await rt.digest.scheduler?.sync();
    rt.log.info('digest subscribed', { channel: subscription.channelId, time: subscription.time, timezone, cadence: subscription.cadence });
    return renderDigestSettings(`✅ Subscribed.${note}`, await settingsView(rt, subscription));
  },

  'digest-off': async (rt, _surface, requester) => {
    const removed = await rt.store.subscriptions.remove(requester.teamId, requester.channelId);
    await rt.digest.scheduler?.sync();
    return renderNotice(removed ? 'Daily digest turned off for this channel.' : 'This channel had no daily digest; nothing to turn off.');
  },

  'digest-now': async (rt, surface, requester) => {
    const delivery = rt.digest.delivery ?? deliveryThroughSurface(surface);
    const outcome = await runDigest(rt, delivery, {
      teamId: requester.teamId,
      channelId: requester.channelId,
      reason: 'now',
      now: rt.now(),
      owner: rt.digest.owner,
    });
    return renderNotice(outcome.note);
  },
};

/** The App Home's subscriptions section. */
export async function homeSubscriptions(rt: Runtime, teamId: string) {
  const subscriptions = await rt.store.subscriptions.list(teamId);
  return subscriptionBlocks(await Promise.all(subscriptions.map((s) => settingsView(rt, s))));
}
