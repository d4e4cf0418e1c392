import type { KnownBlock } from '@slack/types';
import type { Paper } from '../corpus/types.js';
import type { Summary } from '../summary/types.js';
import { context, section } from './elements.js';
import { fitLiteral } from './mrkdwn.js';
import { message, type Message } from './message.js';
import { metaLine, paperActions, paperLinks, thumbnailAccessory, titleLink, type PaperButtons } from './paper.js';

/** Where a summary came from, as the reply says it. */
export function summarySource(summary: Pick<Summary, 'kind' | 'keyPoints'>): string {
  switch (summary.kind) {
    case 'source':
      return summary.keyPoints.length > 0 ? 'TL;DR by Hugging Face · key points extracted from the abstract' : 'TL;DR by Hugging Face';
    case 'model':
      return 'summary written by a model from the abstract';
    default:
      return 'summary extracted from the abstract';
  }
}

/**
 * The summary blocks of a paper: TL;DR, key points, keywords, the paper's details and links, and where
 * the summary came from. With `thumbnail`, the title shows the paper's thumbnail beside it.
 */
export function summaryBlocks(paper: Paper, summary: Summary, options: { withTitle: boolean; thumbnail?: boolean }): KnownBlock[] {
  const points = summary.keyPoints.slice(0, 6).map((p) => `• ${fitLiteral(p, 400)}`);
  const blocks: KnownBlock[] = [];
  if (options.withTitle) blocks.push(section(titleLink(paper), options.thumbnail ? thumbnailAccessory(paper) : {}));
  blocks.push(section(`*TL;DR* ${fitLiteral(summary.tldr || 'The abstract is too short to summarise.', 600)}`));
  if (points.length > 0) blocks.push(section(`*Key points*\n${points.join('\n')}`));
  const keywords = summary.keywords
    .slice(0, 8)
    .map((k) => fitLiteral(k, 60))
    .join(', ');
  blocks.push(context([keywords && `keywords: ${keywords}`, metaLine(paper), paperLinks(paper), summarySource(summary)].filter(Boolean).join(' · ')));
  return blocks;
}

/** The private, in-place answer to the Summary button (with the thumbnail), with the paper's other buttons kept. */
export function renderSummary(paper: Paper, summary: Summary, buttons?: PaperButtons): Message {
  const blocks = summaryBlocks(paper, summary, { withTitle: true, thumbnail: true });
  if (buttons) blocks.push(paperActions(paper, buttons));
  return message(`${paper.title}\nTL;DR ${summary.tldr}`, blocks);
}

/** The summary as a thread reply under a paper card (which shows the thumbnail) or a message naming the paper. */
export function renderThreadSummary(paper: Paper, summary: Summary): Message {
  return message(`TL;DR ${summary.tldr}`, summaryBlocks(paper, summary, { withTitle: true }));
}
