import type { Paper } from '../corpus/types.js';
import { titleKey } from '../corpus/text.js';

/** Titles shorter than this (after normalising) name too little to be recognised inside other text. */
const MIN_TITLE_KEY = 12;

/**
 * The paper whose title a message names, if any: Slack markup (`<url|label>`, entities) is undone and
 * titles are compared up to case, spacing and punctuation; the longest title found wins.
 */
export function mentionedPaper(papers: readonly Paper[], messageText: string): Paper | undefined {
  const plain = messageText
    .replace(/<([^>|]*)\|([^>]*)>/g, ' $2 ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  const haystack = titleKey(plain);
  let best: Paper | undefined;
  let bestLength = 0;
  for (const paper of papers) {
    const key = titleKey(paper.title);
    if (key.length >= MIN_TITLE_KEY && key.length > bestLength && haystack.includes(key)) {
      best = paper;
      bestLength = key.length;
    }
  }
  return best;
}
