import type { KnownBlock } from '@slack/types';
import type { SearchHit } from '../search/types.js';
import { actionId, pageValue } from './actions.js';
import { actions, button, context, divider, section } from './elements.js';
import { LIMITS } from './limits.js';
import { fitLiteral } from './mrkdwn.js';
import { message, type Message } from './message.js';
import { paperResult } from './paper.js';

export interface SearchPage {
  query: string;
  hits: SearchHit[];
  total: number;
  offset: number;
  /** The query with its misspelt words corrected, offered as a button that runs it. */
  didYouMean?: string;
}

const QUERY_CHARS = 200;

export function renderSearchResults(page: SearchPage): Message {
  const { query, hits, total, offset } = page;
  const from = offset + 1;
  const to = offset + hits.length;
  const blocks: KnownBlock[] = [
    section(
      `*${total.toLocaleString('en-US')}* result${total === 1 ? '' : 's'} for “${fitLiteral(query, QUERY_CHARS)}”${total > hits.length ? ` · showing ${from}–${to}` : ''}`,
    ),
    ...(offset === 0 ? didYouMeanBlocks(page.didYouMean) : []),
  ];
  hits.forEach((hit, i) => {
    blocks.push(
      divider(),
      ...paperResult(hit.paper, { rank: offset + i + 1, snippet: hit.snippet, buttons: { kinds: ['summary', 'share', 'save', 'more'], n: i } }),
    );
  });
  const next = pageValue({ query, offset: to });
  if (to < total && next.length <= LIMITS.buttonValue) {
    blocks.push(divider(), actions([button({ label: `Next ${Math.min(5, total - to)}`, actionId: actionId('next', 0), value: next })], 'search:next'));
  }
  blocks.push(context(`${from}–${to} of ${total.toLocaleString('en-US')} · \`/papers help\` for the query language`));
  const titles = hits.map((h, i) => `${offset + i + 1}. ${h.paper.title}`).join('\n');
  return message(`${total} results for "${query}"\n${titles}`, blocks);
}

export function renderNoResults(query: string, suggestions: readonly string[], didYouMean?: string): Message {
  const others = suggestions.filter((s) => s !== didYouMean);
  const tries = others.slice(0, 5).map((s) => `• \`/papers ${fitLiteral(s.replace(/`/g, ''), 150)}\``);
  const blocks: KnownBlock[] = [
    section(`No papers match “${fitLiteral(query, QUERY_CHARS)}”.`),
    ...didYouMeanBlocks(didYouMean),
    section(tries.length > 0 ? `Try:\n${tries.join('\n')}` : 'Try fewer or more general words, or `/papers trending` to see what is popular now.'),
  ];
  const offered = [...(didYouMean ? [didYouMean] : []), ...others].slice(0, 5);
  return message(`No papers match "${query}".${offered.length > 0 ? ` Try: ${offered.join(', ')}` : ''}`, blocks);
}

/** "Did you mean …?" with a button that runs the corrected search (none when it does not fit a button). */
function didYouMeanBlocks(didYouMean: string | undefined): KnownBlock[] {
  if (!didYouMean) return [];
  const value = pageValue({ query: didYouMean, offset: 0 });
  if (value.length > LIMITS.buttonValue) return [];
  return [
    section(`Did you mean “${fitLiteral(didYouMean, QUERY_CHARS)}”?`),
    actions([button({ label: `Search “${didYouMean}”`, actionId: actionId('retry', 0), value })], 'search:retry'),
  ];
}

export function renderQueryError(query: string, problem: string, hint: string): Message {
  const sentence = /[.!?]$/.test(problem) ? problem : `${problem}.`;
  return message(`${sentence} ${hint}`, [
    section(`⚠️ ${fitLiteral(sentence, 500)} ${fitLiteral(hint, 1000)}`),
    context(`query: ${fitLiteral(query, QUERY_CHARS)}`),
  ]);
}
