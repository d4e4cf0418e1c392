import type { KnownBlock } from '@slack/types';
import type { Paper } from '../corpus/types.js';
import type { SearchHit } from '../search/types.js';
import { context, divider, header, section } from './elements.js';
import { message, type Message } from './message.js';
import { fitLiteral } from './mrkdwn.js';
import { paperResult } from './paper.js';

/** A trending paper as the renderers need it: the paper and one line on why it is there. */
export interface TrendingItem {
  paper: Paper;
  why: string;
}

export const LIST_SIZE = 5;

export function renderTrending(items: readonly TrendingItem[]): Message {
  if (items.length === 0)
    return message('Nothing is trending yet.', [section('Nothing is trending yet: the library has no papers with upvotes or team activity.')]);
  const blocks: KnownBlock[] = [header('Trending now')];
  items.slice(0, LIST_SIZE).forEach((item, i) => {
    blocks.push(divider(), ...paperResult(item.paper, { rank: i + 1, why: item.why, buttons: { kinds: ['summary', 'share', 'save', 'more'], n: i } }));
  });
  return message(
    `Trending now:\n${items
      .slice(0, LIST_SIZE)
      .map((t, i) => `${i + 1}. ${t.paper.title}`)
      .join('\n')}`,
    blocks,
  );
}

/** Your saved papers, newest first, each with Remove. `gone` counts saves whose paper left the library. */
export function renderSaved(papers: readonly Paper[], gone: number, max = 10): Message {
  const goneNote = gone > 0 ? `${gone} saved paper${gone === 1 ? ' is' : 's are'} no longer in the library.` : '';
  if (papers.length === 0) {
    return message('You have no saved papers.', [section(`You have no saved papers yet: press *Save* on a search result.${goneNote ? ` ${goneNote}` : ''}`)]);
  }
  const shown = papers.slice(0, max);
  const blocks: KnownBlock[] = [header(`Your saved papers (${papers.length})`)];
  shown.forEach((paper, i) => blocks.push(divider(), ...paperResult(paper, { rank: i + 1, buttons: { kinds: ['summary', 'share', 'more', 'remove'], n: i } })));
  const more = papers.length > shown.length ? `and ${papers.length - shown.length} more · ` : '';
  blocks.push(context(`${more}${goneNote || 'Remove takes a paper off this list.'}`));
  return message(`Your saved papers:\n${shown.map((p, i) => `${i + 1}. ${p.title}`).join('\n')}`, blocks);
}

export function renderSimilar(paper: Paper, hits: readonly SearchHit[]): Message {
  const head = `Papers like “${fitLiteral(paper.title, 200)}”`;
  if (hits.length === 0) return message(`No papers like "${paper.title}" found.`, [section(`${head}: none found in the library.`)]);
  const blocks: KnownBlock[] = [section(`*${head}*`)];
  hits.slice(0, LIST_SIZE).forEach((hit, i) => {
    blocks.push(divider(), ...paperResult(hit.paper, { rank: i + 1, snippet: hit.snippet, buttons: { kinds: ['summary', 'share', 'save', 'more'], n: i } }));
  });
  return message(
    `Papers like "${paper.title}":\n${hits
      .slice(0, LIST_SIZE)
      .map((h, i) => `${i + 1}. ${h.paper.title}`)
      .join('\n')}`,
    blocks,
  );
}
