import type { Paper } from '../corpus/types.js';
import type { Library } from '../library/library.js';
import { mentionedPaper } from '../search/mentioned-paper.js';
import { parsePaperValue } from '../views/actions.js';
import { CARD_BLOCK_PREFIX, CARD_EVENT_TYPE } from '../views/card.js';
import type { SeenMessage } from './surface.js';

export type Lookup = { paper: Paper } | { gone: true } | { invalid: true };

/** The paper a button names; `gone` when the id is well-formed but no longer in the library. */
export function paperFromValue(library: Library, value: unknown): Lookup {
  const id = parsePaperValue(value);
  if (!id) return { invalid: true };
  const paper = library.byId.get(id);
  return paper ? { paper } : { gone: true };
}

/**
 * The paper a message is about: a card we posted (metadata, then block_id), else a title the text
 * names. undefined when the message names no paper.
 */
export function paperFromMessage(library: Library, message: SeenMessage | undefined): Lookup | undefined {
  if (!message) return undefined;
  const fromMetadata = message.metadata?.event_type === CARD_EVENT_TYPE ? message.metadata.event_payload?.paper_id : undefined;
  const fromBlock = message.blocks
    ?.map((b) => b.block_id)
    .find((id) => id?.startsWith(CARD_BLOCK_PREFIX))
    ?.slice(CARD_BLOCK_PREFIX.length);
  const id = fromMetadata ?? fromBlock;
  if (id !== undefined) return paperFromValue(library, id);
  const named = mentionedPaper(library.papers, message.text ?? '');
  return named ? { paper: named } : undefined;
}
