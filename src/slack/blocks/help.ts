import { DIGEST_USAGE } from '../command-text.js';
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
    section('*Query language:* words match titles and abstracts (prefix and typo-tolerant); see the README for phrases, exclusions and filters.'),
    context('Each result has *Summary*, *Share* (posts it to the channel), *Save* and *More like this*.'),
  ]);
}
