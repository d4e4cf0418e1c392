import type { Paper } from '../corpus/types.js';
import { teamActivity } from '../trending/activity.js';
import { rankTrending } from '../trending/score.js';
import type { Runtime } from './runtime.js';
import { similar } from '../search/similar.js';
import type { SearchHit } from '../search/types.js';
import { renderSaved, renderSimilar, renderTrending, LIST_SIZE, type TrendingItem } from '../views/lists.js';
import type { Message } from '../views/message.js';
import type { Requester } from './surface.js';

/** The papers trending now for a team (src/trending/score.ts). */
export async function trendingItems(rt: Runtime, teamId: string, limit = LIST_SIZE): Promise<TrendingItem[]> {
  const now = rt.now();
  const activity = await teamActivity(rt.store, teamId, now);
  return rankTrending(
    {
      papers: rt.library().papers,
      ...activity,
      now,
    },
    { limit },
  );
}

export async function trendingMessage(rt: Runtime, requester: Requester): Promise<Message> {
  return renderTrending(await trendingItems(rt, requester.teamId));
}

/** The requester's saved papers that are still in the library, newest first, and how many are gone. */
export async function savedPapers(rt: Runtime, requester: Pick<Requester, 'teamId' | 'userId'>): Promise<{ papers: Paper[]; gone: number }> {
  const library = rt.library();
  const papers: Paper[] = [];
  let gone = 0;
  for (const saved of await rt.store.saves.list(requester.teamId, requester.userId)) {
    const paper = library.byId.get(saved.paperId);
    if (paper) papers.push(paper);
    else gone++;
  }
  return { papers, gone };
}

export async function savedMessage(rt: Runtime, requester: Requester): Promise<Message> {
  const { papers, gone } = await savedPapers(rt, requester);
  return renderSaved(papers, gone);
}

/** Papers like this one (src/search/similar.ts), itself left out. */
export function similarPapers(rt: Runtime, paper: Paper, limit = LIST_SIZE): SearchHit[] {
  return similar(rt.library().index, paper.id, limit);
}

export function similarMessage(rt: Runtime, paper: Paper): Message {
  return renderSimilar(paper, similarPapers(rt, paper));
}
