import type { KnownBlock } from '@slack/types';
import type { Paper } from '../corpus/types.js';
import type { Snippet } from '../search/types.js';
import { actionId } from './actions.js';
import { actions, button, context, section } from './elements.js';
import { arxivSearchUrl, huggingFaceSearchUrl } from './links.js';
import { boldMarks, fitLiteral, literalLength, mrkdwnLink } from './mrkdwn.js';
import { ELLIPSIS, truncate } from './truncate.js';

/** How much of a title a card shows; the rest of a 10,000-character title helps no one. */
export const TITLE_CHARS = 250;
/** How much of a snippet a search result shows. */
export const SNIPPET_CHARS = 400;

/** The title linked to its Hugging Face papers search, in bold. */
export function titleLink(paper: Paper): string {
  return `*${mrkdwnLink(huggingFaceSearchUrl(paper.title), paper.title, TITLE_CHARS)}*`;
}

export function arxivLink(paper: Paper): string {
  return mrkdwnLink(arxivSearchUrl(paper.title), 'arXiv', 10);
}

/** published date · upvotes · authors or organisation · on N daily pages (parts that are unknown are left out). */
export function metaLine(paper: Paper): string {
  const parts: string[] = [];
  if (paper.publishedAt) parts.push(`published ${paper.publishedAt}`);
  if (paper.upvotes !== undefined) parts.push(`▲ ${paper.upvotes}`);
  if (paper.organization) parts.push(fitLiteral(paper.organization, 120));
  else if (paper.authorsCount !== undefined) parts.push(`${paper.authorsCount} author${paper.authorsCount === 1 ? '' : 's'}`);
  const pages = paper.appearances.length;
  if (pages > 0) parts.push(`on ${pages} daily page${pages === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

/** A snippet cut to size (as rendered) with its marks kept where the cut left them. */
export function snippetMrkdwn(snippet: Snippet, max = SNIPPET_CHARS): string {
  const cut = truncate(snippet.text, max, literalLength);
  // truncate only shortens from the end, so what is left is a prefix and the marks' offsets still hold.
  const ellipsis = cut.length < snippet.text.length && cut.endsWith(ELLIPSIS);
  const body = ellipsis ? cut.slice(0, -ELLIPSIS.length) : cut;
  const marks = snippet.marks.filter(([, end]) => end <= body.length);
  return boldMarks(body, marks).replace(/\s+/g, ' ').trim() + (ellipsis ? ELLIPSIS : '');
}

export interface PaperButtons {
  /** Buttons to show, in order; `n` keeps action_ids unique in a message with several papers. */
  kinds: Array<'summary' | 'share' | 'save' | 'more' | 'remove'>;
  n: number;
}

const LABELS = { summary: 'Summary', share: 'Share', save: 'Save', more: 'More like this', remove: 'Remove' } as const;

export function paperActions(paper: Paper, { kinds, n }: PaperButtons): KnownBlock {
  return actions(
    kinds.map((kind) =>
      button({ label: LABELS[kind], actionId: actionId(kind, n), value: paper.id, ...(kind === 'remove' ? { style: 'danger' as const } : {}) }),
    ),
    `paper:${paper.id}:${n}`,
  );
}

/**
 * One paper in a list: number and linked title, the snippet (or the start of the abstract), the meta
 * line and the arXiv link, then its buttons. Three blocks; a 5-result page stays far inside 50.
 */
export function paperResult(paper: Paper, options: { rank?: number; snippet?: Snippet; why?: string; buttons: PaperButtons }): KnownBlock[] {
  const lead = options.rank !== undefined ? `${options.rank}. ` : '';
  const body = options.snippet ? snippetMrkdwn(options.snippet) : fitLiteral(paper.abstract.replace(/\s+/g, ' '), SNIPPET_CHARS);
  const why = options.why ? `\n_${fitLiteral(options.why, 200)}_` : '';
  return [
    section(`${lead}${titleLink(paper)}${why}\n${body || '_no abstract_'}`),
    context(`${metaLine(paper) || 'no details on the page'} · ${arxivLink(paper)}`),
    paperActions(paper, options.buttons),
  ];
}
