import type { Paper } from '../corpus/types.js';
import type { Runtime } from './runtime.js';
import type { EngagementKind } from '../trending/types.js';

/** Who did something with a paper, for the trending score. */
export interface Actor {
  userId: string;
  teamId: string;
}

export async function recordEngagement(rt: Runtime, actor: Actor, paper: Paper, kind: EngagementKind): Promise<void> {
  try {
    await rt.store.engagement.record({ teamId: actor.teamId, userId: actor.userId, paperId: paper.id, kind, at: rt.now().toISOString() });
  } catch (error) {
    // Losing one trending signal must not cost the person their answer.
    rt.log.error('could not record engagement', { error, kind, paperId: paper.id });
  }
}
