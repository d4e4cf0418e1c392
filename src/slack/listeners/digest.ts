import type { App } from '@slack/bolt';
import type { Runtime } from '../../features/runtime.js';
import { handleReaction } from '../../features/reaction.js';
import { teamOf } from '../team.js';
import type { SlackUsage } from './usage.js';

/** The Slack side of the daily digest: posting and finding its messages, subscribers' timezones, reactions. */
export const digestUsage: Partial<SlackUsage> = {
  events: ['reaction_added'],
  methods: ['chat.postMessage', 'conversations.history', 'conversations.replies', 'users.info'],
};

export function registerDigest(app: App, rt: Runtime): void {
  app.event('reaction_added', async ({ event, body }) => {
    if (event.item.type !== 'message') return;
    try {
      await handleReaction(rt, { teamId: teamOf(body), userId: event.user, channelId: event.item.channel, ts: event.item.ts });
    } catch (error) {
      rt.log.error('could not record a reaction', { error });
    }
  });
}
