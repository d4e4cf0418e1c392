import type { Runtime } from './runtime.js';

export interface Reaction {
  teamId: string;
  userId: string;
  channelId: string;
  /** The ts of the message reacted to. */
  ts: string;
}

/**
 * A reaction on a digest reply counts towards that paper's trending score. Reactions elsewhere (and
 * on the digest parent, which is about several papers) are not ours to count.
 */
export async function handleReaction(rt: Runtime, reaction: Reaction): Promise<boolean> {
  const paperId = await rt.store.digests.paperForMessage(reaction.teamId, reaction.channelId, reaction.ts);
  if (!paperId) return false;
  await rt.store.engagement.record({ teamId: reaction.teamId, userId: reaction.userId, paperId, kind: 'reaction', at: rt.now().toISOString() });
  return true;
}
