/** Slack's published limits for Block Kit payloads; every renderer stays inside them. */
export const LIMITS = {
  /** Blocks in one message (chat.postMessage, respond, ephemeral). */
  messageBlocks: 50,
  /** Blocks in a modal or the App Home view. */
  viewBlocks: 100,
  /** A section's text, and any text object unless a smaller limit applies. */
  sectionText: 3000,
  /** Each of a section's fields. */
  sectionField: 2000,
  /** A header block's plain text. */
  headerText: 150,
  /** Elements in a context block. */
  contextElements: 10,
  /** Elements in an actions block. */
  actionsElements: 25,
  /** A button's label. */
  buttonLabel: 75,
  /** A button's value. */
  buttonValue: 2000,
  /** A button's url. */
  buttonUrl: 3000,
  /** An image's URL. */
  imageUrl: 3000,
  /** How much alt text paperwire gives an image (Slack allows 2,000; a title's worth is enough). */
  altText: 300,
  /** action_id and block_id. */
  actionId: 255,
  blockId: 255,
  /** A view's private_metadata. */
  privateMetadata: 3000,
  /**
   * All the text of a message's blocks together. Slack documents 40,000 characters for `text`, but
   * rejects blocks with `msg_blocks_too_long` from about 13,000 characters of block text; 12,000 is
   * the cumulative limit it documents for markdown.
   */
  messageBlocksText: 12_000,
  /** The notification/fallback `text` of a message: Slack advises 4,000 characters. */
  messageText: 4000,
} as const;
