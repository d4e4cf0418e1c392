import type { KnownBlock } from '@slack/types';
import { context, section } from './elements.js';
import { fitLiteral } from './mrkdwn.js';
import { message, type Message } from './message.js';

/** A one-line answer: a confirmation, or a problem the person can act on. */
export function renderNotice(text: string, detail?: string): Message {
  const blocks: KnownBlock[] = [section(fitLiteral(text, 2900))];
  if (detail) blocks.push(context(fitLiteral(detail, 2900)));
  return message(detail ? `${text} ${detail}` : text, blocks);
}

export function renderPaperGone(): Message {
  return renderNotice(
    'That paper is no longer in the library: the corpus was updated since this message was sent.',
    'Search again with /papers to find it or a newer version.',
  );
}

export function renderUnknownAction(): Message {
  return renderNotice("Sorry, I couldn't understand that button: it may come from an older version of paperwire.", 'Run /papers again for fresh results.');
}
