import type { EngagementEvent } from './types.js';

/** Team activity older than this weighs next to nothing in the score (3-day half-life). */
export const ENGAGEMENT_WINDOW_MS = 30 * 86_400_000;

/** Where a team's saves and engagement are kept (the store implements it). */
export interface ActivitySource {
  saves: { countsByPaper(teamId: string): Promise<Map<string, number>> };
  engagement: { since(teamId: string | undefined, since: Date): Promise<EngagementEvent[]> };
}

/** What a team did recently, as trending ranks it; with no team id, the engagement of every team. */
export async function teamActivity(source: ActivitySource, teamId: string, now: Date): Promise<{ saves: Map<string, number>; engagement: EngagementEvent[] }> {
  const [saves, engagement] = await Promise.all([
    source.saves.countsByPaper(teamId),
    source.engagement.since(teamId || undefined, new Date(now.getTime() - ENGAGEMENT_WINDOW_MS)),
  ]);
  return { saves, engagement };
}
