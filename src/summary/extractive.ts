import type { Paper } from '../corpus/types.js';
import { cleanSentence, compress, dropLeadingClause } from './compress.js';
import { extractKeywords } from './keywords.js';
import { rankContributions, rankKeyPoints, type ScoredSentence } from './score.js';
import { cleanAbstract, splitSentences } from './sentences.js';
import { hasDanglingReference } from './dangling.js';
import { buildTldr, repairReferences } from './tldr.js';
import { knownName } from './tldr-names.js';
import type { Summary } from './types.js';
import { containment } from './words.js';

export const TLDR_MAX = 200;
export const KEY_POINT_MAX = 180;
export const KEY_POINTS_MAX = 4;
/** Real abstracts stay under 3,000 characters; reading more only costs time on a damaged entry. */
export const ABSTRACT_READ_MAX = 8_000;
const TITLE_READ_MAX = 500;

/**
 * The summary paperwire gives without a model: the sentence of the abstract that states the
 * contribution (shortened to fit), the sentences that carry the approach and the results, and the
 * phrases the paper is about. Pure and deterministic.
 */
export function extractiveSummary(paper: Pick<Paper, 'title' | 'abstract'>): Summary {
  const title = headOf(paper.title, TITLE_READ_MAX);
  const abstract = cleanAbstract(headOf(paper.abstract, ABSTRACT_READ_MAX));
  const sentences = splitSentences(abstract);
  const keywords = extractKeywords(title, abstract);
  const fromTitle = () => compress(title.trim() || 'Untitled paper', TLDR_MAX).text;
  if (sentences.length === 0) return { tldr: fromTitle(), keyPoints: [], keywords, kind: 'extractive' };
  const ranked = rankContributions(sentences, title);
  const built = buildTldr(sentences, ranked, title, TLDR_MAX);
  const chosen = ranked.find((s) => s.index === built?.index) ?? ranked[0] ?? { index: 0, text: sentences[0]!, score: 0 };
  let tldr = built?.text ?? compress(chosen.text, TLDR_MAX).text;
  // A sentence of symbols or one endless word says nothing; the title does.
  if ((tldr.match(/[\p{L}\p{N}]/gu) ?? []).length < 8) tldr = fromTitle();
  const keyPoints = pickKeyPoints(sentences, chosen, tldr, title, knownName(title, sentences.join(' ')));
  return { tldr, keyPoints, keywords, kind: 'extractive' };
}

/** The text up to `max` characters, ending at a space when there is one near the end. */
function headOf(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const space = head.lastIndexOf(' ');
  return space > max * 0.8 ? head.slice(0, space) : head;
}

function pickKeyPoints(sentences: string[], tldrSentence: ScoredSentence, tldr: string, title: string, name?: string): string[] {
  const wanted = sentences.length >= 3 ? 2 : sentences.length - 1;
  // Ranked as they would be shown: a results sentence cut before its numbers is no longer a result.
  // Each stands alone: "However, we …" loses its link, "It reaches …" names the method, and a
  // sentence that still points outside itself ("these models") or had to be cut is not shown.
  const shown = sentences.map((s) => {
    const text = compress(repairReferences(dropLeadingClause(cleanSentence(s)), name), KEY_POINT_MAX).text;
    return hasDanglingReference(text) || text.endsWith('…') ? '' : text;
  });
  const ranked = rankKeyPoints(shown, title, tldrSentence.index).filter((s) => s.index !== tldrSentence.index);
  const picked: Array<{ index: number; text: string }> = [];
  const fits = (index: number, text: string) =>
    text !== '' &&
    text.split(' ').length >= 6 &&
    !/^\(?\d+\)/.test(text) &&
    // "… offers two improvements: (i) autonomy." and other lists cut short.
    !/:\s*\(?(?:1|i|a)\)/i.test(text) &&
    text.length >= 0.4 * (sentences[index]?.length ?? 0) &&
    containment(text, tldr) < 0.6 &&
    picked.every((p) => containment(text, p.text) < 0.6 && containment(p.text, text) < 0.6);

  for (const s of ranked) {
    if (picked.length >= KEY_POINTS_MAX) break;
    if (s.score <= 0) break;
    if (fits(s.index, s.text)) picked.push({ index: s.index, text: s.text });
  }
  // Short or repetitive abstracts: take what is left rather than give fewer than asked; what follows
  // the contribution first, then what precedes it nearest first (the problem before the field's opener).
  const after = ranked.filter((s) => s.index > tldrSentence.index);
  const before = ranked.filter((s) => s.index < tldrSentence.index).sort((a, b) => b.index - a.index);
  for (const s of [...after, ...before]) {
    if (picked.length >= wanted) break;
    if (picked.some((p) => p.index === s.index)) continue;
    const text = s.text;
    if (text.length > 1 && !picked.some((p) => p.text === text || containment(text, p.text) >= 0.6) && text !== tldr && containment(text, tldr) < 0.6)
      picked.push({ index: s.index, text });
  }
  return picked.sort((a, b) => a.index - b.index).map((p) => p.text);
}
