import type { App } from '@slack/bolt';
import type { Runtime } from '../../features/runtime.js';
import { forgetWorkspace } from '../installations.js';
import { teamOf } from '../team.js';
import type { SlackUsage } from './usage.js';

/** The app leaving a workspace: its installation (tokens) is deleted and its digests paused. */
export const installUsage: Partial<SlackUsage> = {
  events: ['app_uninstalled', 'tokens_revoked'],
};

export function registerInstall(app: App, rt: Runtime): void {
  // Bolt delivers these two without authorizing them first: the workspace's token no longer works.
  app.event('app_uninstalled', async ({ body }) => {
    const teamId = teamOf(body);
    if (teamId) await forgetWorkspace(rt.store, teamId, rt.log, 'paperwire was uninstalled from a workspace');
  });
  app.event('tokens_revoked', async ({ event, body }) => {
    // Only the bot's token matters: paperwire asks for no user tokens.
    const teamId = teamOf(body);
    if (teamId && (event.tokens.bot ?? []).length > 0) await forgetWorkspace(rt.store, teamId, rt.log, "a workspace revoked paperwire's token");
  });
}
