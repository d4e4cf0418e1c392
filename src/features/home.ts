import type { Runtime } from './runtime.js';
import { renderHome, type HomeViewPayload } from '../views/home.js';
import { homeSubscriptions } from './digest.js';
import { savedPapers, trendingItems } from './lists.js';

export function homeView(rt: Runtime, teamId: string, userId: string): HomeViewPayload {
  return renderHome({
    trending: trendingItems(rt, teamId),
    saved: savedPapers(rt, { teamId, userId }).papers,
    subscriptions: homeSubscriptions(rt, teamId),
  });
}
