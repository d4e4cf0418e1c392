import type { ImageElement, KnownBlock } from '@slack/types';
import type { Paper } from '../corpus/types.js';
import type { Snippet } from '../search/types.js';
import { actionId } from './actions.js';
import { actions, button, context, image, section } from './elements.js';
import { daysListed } from '../trending/score.js';
import { arxivAbsUrl, arxivIdOf, arxivSearchUrl, compactCount, githubRepoUrl, paperUrl, safeUrl, thumbnailUrl } from './links.js';
import { boldMarks, fitLiteral, literalLength, mrkdwnLink } from './mrkdwn.js';
import { ELLIPSIS, truncate } from './truncate.js';

/** How much of a title a card shows; the rest of a 10,000-character title helps no one. */
export const TITLE_CHARS = 250;
/** How much of a snippet a search result shows. */
export const SNIPPET_CHARS = 400;

/**
 * The title in bold, linked to the paper's Hugging Face page when it has an arXiv id, else to the
 * Hugging Face papers search for the title.
 */
export function titleLink(paper: Paper): string {
  return `*${mrkdwnLink(paperUrl(paper), paper.title, TITLE_CHARS)}*`;
}

/** The arXiv abstract of a paper with an id; the arXiv title search for one without. */
export function arxivLink(paper: Paper): string {
  const id = arxivIdOf(paper);
  return mrkdwnLink(id !== undefined ? arxivAbsUrl(id) : arxivSearchUrl(paper.title), 'arXiv', 10);
}

/** "GitHub ★ 1.2k" linked to the repository, when the paper has one on github.com. */
export function githubLink(paper: Paper): string | undefined {
  const url = githubRepoUrl(paper.githubRepo);
  if (url === undefined) return undefined;
  const stars = compactCount(paper.githubStars);
  return mrkdwnLink(url, stars === undefined ? 'GitHub' : `GitHub ★ ${stars}`, 30);
}

export function projectPageLink(paper: Paper): string | undefined {
  const url = safeUrl(paper.projectPage);
  return url === undefined ? undefined : mrkdwnLink(url, 'Project page', 20);
}

/** arXiv · GitHub ★ 1.2k · Project page: the paper's links beside its title (those it has). */
export function paperLinks(paper: Paper): string {
  return [arxivLink(paper), githubLink(paper), projectPageLink(paper)].filter(Boolean).join(' · ');
}

/** `{ accessory }` with the paper's thumbnail for a section, when it has a usable one; else nothing. */
export function thumbnailAccessory(paper: Paper): { accessory?: ImageElement } {
  const url = thumbnailUrl(paper.thumbnail);
  return url === undefined ? {} : { accessory: image(url, `Thumbnail of ${paper.title}`) };
}

/**
 * published date · upvotes · comments · authors or organisation · on N daily pages (parts that are
 * unknown are left out).
 */
export function metaLine(paper: Paper): string {
  const parts: string[] = [];
  if (paper.publishedAt) parts.push(`published ${fitLiteral(paper.publishedAt, 30)}`);
  if (paper.upvotes !== undefined) parts.push(`▲ ${paper.upvotes}`);
  const comments = compactCount(paper.numComments);
  if (comments !== undefined && comments !== '0') parts.push(`💬 ${comments}`);
  if (paper.organization) parts.push(fitLiteral(paper.organization, 120));
  else if (paper.authorsCount !== undefined) parts.push(`${paper.authorsCount} author${paper.authorsCount === 1 ? '' : 's'}`);
  const pages = daysListed(paper);
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
 * line and the paper's links, then its buttons. Three blocks; a 5-result page stays far inside 50.
 */
export function paperResult(paper: Paper, options: { rank?: number; snippet?: Snippet; why?: string; buttons: PaperButtons }): KnownBlock[] {
  const lead = options.rank !== undefined ? `${options.rank}. ` : '';
  const body = options.snippet ? snippetMrkdwn(options.snippet) : fitLiteral(paper.abstract.replace(/\s+/g, ' '), SNIPPET_CHARS);
  const why = options.why ? `\n_${fitLiteral(options.why, 200)}_` : '';
  return [
    section(`${lead}${titleLink(paper)}${why}\n${body || '_no abstract_'}`),
    context(`${metaLine(paper) || 'no details on the page'} · ${paperLinks(paper)}`),
    paperActions(paper, options.buttons),
  ];
}
