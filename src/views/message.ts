import type { KnownBlock } from '@slack/types';
import { LIMITS } from './limits.js';
import { escapedLength, escapeMrkdwn } from './mrkdwn.js';
import { truncate } from './truncate.js';

/** Structured data Slack keeps on a message (chat.postMessage `metadata`), e.g. which paper a card shows. */
export interface MessageMetadata {
  event_type: string;
  event_payload: Record<string, string | number | boolean>;
}

/** What every renderer returns: Block Kit plus the plain `text` Slack shows in notifications. */
export interface Message {
  text: string;
  blocks: KnownBlock[];
  metadata?: MessageMetadata;
}

/** Every text string in a block tree (text objects, fields, labels), for the cumulative limit. */
export function blockTexts(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) blockTexts(v, out);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'text' && typeof v === 'string') out.push(v);
      else blockTexts(v, out);
    }
  }
  return out;
}

/**
 * A message checked against Slack's message limits; `text` is plain text (escaped here). Renderers plan within the limits; this is the
 * last guard, so a mistake fails in tests rather than as `invalid_blocks` in someone's channel.
 */
export function message(text: string, blocks: KnownBlock[], metadata?: MessageMetadata): Message {
  if (blocks.length === 0 || blocks.length > LIMITS.messageBlocks) throw new Error(`a message holds 1 to ${LIMITS.messageBlocks} blocks, not ${blocks.length}`);
  const total = blockTexts(blocks).reduce((n, t) => n + t.length, 0);
  if (total > LIMITS.messageBlocksText) throw new Error(`a message's blocks hold ${total} characters of text, over ${LIMITS.messageBlocksText}`);
  // Slack parses the fallback text too (notifications, screen readers): escaped like any other text.
  const fallback = escapeMrkdwn(truncate(text.replace(/\s+/g, ' ').trim(), LIMITS.messageText, escapedLength)) || 'paperwire';
  return metadata ? { text: fallback, blocks, metadata } : { text: fallback, blocks };
}
