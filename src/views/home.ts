import type { KnownBlock } from '@slack/types';
import type { Paper } from '../corpus/types.js';
import { context, divider, header, section } from './elements.js';
import { LIMITS } from './limits.js';
import { fitLiteral } from './mrkdwn.js';
import { metaLine, paperActions, paperLinks, titleLink } from './paper.js';
import type { TrendingItem } from './lists.js';

export interface HomeInput {
  trending: readonly TrendingItem[];
  saved: readonly Paper[];
  /**
   * This workspace's digest subscriptions, already rendered by the digest renderer
   * (src/views/digest.ts). Empty until the digest feature supplies them.
   */
  subscriptions: readonly KnownBlock[];
}

const TRENDING = 5;
const SAVED = 10;

/** The App Home: trending now, your saved papers, the digest subscriptions; always within 100 blocks. */
export interface HomeViewPayload {
  type: 'home';
  blocks: KnownBlock[];
}

export function renderHome(input: HomeInput): HomeViewPayload {
  const blocks: KnownBlock[] = [header('Trending now')];
  if (input.trending.length === 0) blocks.push(section('Nothing is trending yet.'));
  input.trending.slice(0, TRENDING).forEach((item, i) => {
    blocks.push(
      section(`${i + 1}. ${titleLink(item.paper)}\n_${fitLiteral(item.why, 300)}_`),
      context(`${metaLine(item.paper)} · ${paperLinks(item.paper)}`.replace(/^ · /, '')),
      paperActions(item.paper, { kinds: ['summary', 'save'], n: i }),
    );
  });

  blocks.push(divider(), header('Your saved papers'));
  if (input.saved.length === 0) blocks.push(section('None yet: press *Save* on a `/papers` result.'));
  input.saved.slice(0, SAVED).forEach((paper, i) => {
    blocks.push(section(`• ${titleLink(paper)}`), paperActions(paper, { kinds: ['summary', 'remove'], n: TRENDING + i }));
  });
  if (input.saved.length > SAVED) blocks.push(context(`and ${input.saved.length - SAVED} more: \`/papers saved\``));

  if (input.subscriptions.length > 0) {
    const room = LIMITS.viewBlocks - blocks.length - 2;
    blocks.push(divider(), ...input.subscriptions.slice(0, Math.max(0, room)));
  }
  return { type: 'home', blocks: blocks.slice(0, LIMITS.viewBlocks) };
}
