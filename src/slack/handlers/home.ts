import type { KnownBlock } from '@slack/types';
import type { Runtime } from '../../runtime.js';
import { renderHome, type HomeViewPayload } from '../blocks/home.js';
import { savedPapers, trendingItems } from './lists.js';

/**
 * Supplies this workspace's digest subscriptions, rendered, for the App Home. The digest feature sets
 * it (see src/slack/handlers/digest.ts); until then the Home shows no subscriptions section.
 */
export type HomeSubscriptions = (rt: Runtime, teamId: string) => KnownBlock[];
export const homeSections: { subscriptions?: HomeSubscriptions } = {};

export function homeView(rt: Runtime, teamId: string, userId: string): HomeViewPayload {
  return renderHome({
    trending: trendingItems(rt, teamId),
    saved: savedPapers(rt, { teamId, userId }).papers,
    subscriptions: homeSections.subscriptions?.(rt, teamId) ?? [],
  });
}
