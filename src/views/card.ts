import type { Paper } from '../corpus/types.js';
import { context, section } from './elements.js';
import { fitLiteral } from './mrkdwn.js';
import { message, type Message } from './message.js';
import { metaLine, paperLinks, thumbnailAccessory, titleLink } from './paper.js';

/** Cards carry the paper id in metadata and a block_id, so a thread reply can tell which paper it is about. */
export const CARD_EVENT_TYPE = 'paperwire_paper';
export const CARD_BLOCK_PREFIX = 'card:';
const ABSTRACT_CHARS = 1200;

/** A Slack user id we may mention; anything else is not written into mrkdwn. */
const USER_ID = /^[UW][A-Z0-9]{1,30}$/;

/**
 * The card Share posts to a channel: title (with the paper's thumbnail beside it when it has one), the
 * start of the abstract, details and links, and who shared it.
 */
export function renderPaperCard(paper: Paper, sharedBy: string): Message {
  const who = USER_ID.test(sharedBy) ? `<@${sharedBy}>` : 'someone';
  return message(
    `${paper.title} (shared in this channel)`,
    [
      section(`${titleLink(paper)}\n${fitLiteral(paper.abstract.replace(/\s+/g, ' '), ABSTRACT_CHARS) || '_no abstract_'}`, {
        blockId: `${CARD_BLOCK_PREFIX}${paper.id}`,
        ...thumbnailAccessory(paper),
      }),
      context(`${metaLine(paper)} · ${paperLinks(paper)}`.replace(/^ · /, '')),
      context(`📌 shared by ${who} · summary in the thread`),
    ],
    { event_type: CARD_EVENT_TYPE, event_payload: { paper_id: paper.id } },
  );
}
