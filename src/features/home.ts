import type { Runtime } from './runtime.js';
import { renderHome, type HomeViewPayload } from '../views/home.js';
import { homeSubscriptions } from './digest.js';
import { savedPapers, trendingItems } from './lists.js';

export async function homeView(rt: Runtime, teamId: string, userId: string): Promise<HomeViewPayload> {
  const [trending, saved, subscriptions] = await Promise.all([trendingItems(rt, teamId), savedPapers(rt, { teamId, userId }), homeSubscriptions(rt, teamId)]);
  return renderHome({ trending, saved: saved.papers, subscriptions });
}
