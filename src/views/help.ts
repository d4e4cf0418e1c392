import { DIGEST_USAGE } from '../features/command-text.js';
import { context, header, section } from './elements.js';
import { message, type Message } from './message.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** `/papers help`: what paperwire answers and the query language, in one screen. */
export function renderHelp(): Message {
  return message('paperwire help: /papers <query>, /papers trending, /papers saved, /papers digest, @paperwire summarize in a thread', [
    header('paperwire'),
    section(
      [
        '`/papers kv cache compression` search the papers (top 5, then *Next 5*)',
        '`/papers trending` what the team and the daily pages like right now',
        '`/papers saved` your saved papers',
        `${DIGEST_USAGE}: a daily trending digest for this channel`,
        '`@paperwire <query>` results in a thread · `@paperwire summarize` in a paper’s thread: its summary',
        '*Summarize paper* on a message’s ⋮ menu: a summary of the paper the message names, in its thread',
      ]
        .map(escapeMrkdwn)
        .join('\n'),
    ),
    section(
      [
        '*Query language*',
        '`kv cache compression` every word, in any form (plurals, British spellings, typos, the start of the last word; `MoE` also finds “mixture of experts”)',
        '`"exact phrase"` · `-word` or `-"a phrase"` to leave papers out',
        '`year:2024` · `after:2024-06-01` · `before:2025-01` · `upvotes:>=5` · `org:kyutai`',
        '`sort:relevance` (default) · `sort:new` · `sort:top`',
      ]
        .map(escapeMrkdwn)
        .join('\n'),
    ),
    context('Each result has *Summary*, *Share* (posts it to the channel), *Save* and *More like this*.'),
  ]);
}
