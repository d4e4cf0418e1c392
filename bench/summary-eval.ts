import type { Paper } from '../src/corpus/types.js';
import { compress } from '../src/summary/compress.js';
import { hasDanglingReference } from '../src/summary/dangling.js';
import { extractiveSummary, TLDR_MAX } from '../src/summary/extractive.js';
import { rankContributions } from '../src/summary/score.js';
import { cleanAbstract, splitSentences } from '../src/summary/sentences.js';
import { meanRouge, rouge, type RougeScores } from './summary-rouge.js';
import { textRankTop } from './summary-textrank.js';

/** One paper of a reference set: found by id, else by title; `reference` is a TL;DR written by a person. */
export interface ReferenceTldr {
  id?: string;
  title?: string;
  reference: string;
}

export interface SystemScore {
  name: string;
  scores: RougeScores;
}

export interface Evaluation {
  papers: number;
  missing: string[];
  systems: SystemScore[];
}

/**
 * paperwire's TL;DR before issue 14, rebuilt from the parts still in the code: the best-ranked
 * contribution sentence, shortened to 200 characters (or the title when the abstract has no words).
 */
export function previousTldr(paper: Pick<Paper, 'title' | 'abstract'>): string {
  const sentences = splitSentences(cleanAbstract(paper.abstract));
  const [best] = rankContributions(sentences, paper.title);
  const tldr = best ? compress(best.text, TLDR_MAX).text : '';
  return (tldr.match(/[\p{L}\p{N}]/gu) ?? []).length < 8 ? compress(paper.title.trim() || 'Untitled paper', TLDR_MAX).text : tldr;
}

/** The TL;DR makers compared: paperwire's, paperwire's before issue 14, and the two baselines the issue names. */
export const SYSTEMS: Array<{ name: string; tldr: (paper: Paper) => string }> = [
  { name: 'paperwire extractive', tldr: (p) => extractiveSummary(p).tldr },
  { name: 'paperwire before #14', tldr: previousTldr },
  { name: 'first sentence', tldr: (p) => splitSentences(p.abstract)[0] ?? '' },
  { name: 'TextRank (top sentence)', tldr: (p) => textRankTop(splitSentences(p.abstract)) },
];

/** How many of the papers' TL;DRs (by each system) refer to something they do not contain. */
export function danglingCounts(papers: readonly Paper[]): Array<{ name: string; dangling: number; examples: string[] }> {
  return SYSTEMS.map((system) => {
    const examples: string[] = [];
    let dangling = 0;
    for (const paper of papers) {
      const tldr = system.tldr(paper);
      if (hasDanglingReference(tldr)) {
        dangling++;
        if (examples.length < 3) examples.push(tldr);
      }
    }
    return { name: system.name, dangling, examples };
  });
}

export function findPaper(papers: readonly Paper[], ref: ReferenceTldr): Paper | undefined {
  const byId = ref.id ? papers.find((p) => p.id === ref.id) : undefined;
  if (byId) return byId;
  const title = ref.title ? normalise(ref.title) : undefined;
  return title ? papers.find((p) => normalise(p.title) === title) : undefined;
}

export function evaluate(papers: readonly Paper[], references: readonly ReferenceTldr[]): Evaluation {
  const found: Array<{ paper: Paper; reference: string }> = [];
  const missing: string[] = [];
  for (const ref of references) {
    const paper = findPaper(papers, ref);
    if (paper) found.push({ paper, reference: ref.reference });
    else missing.push(ref.id ?? ref.title ?? '(no id or title)');
  }
  const systems = SYSTEMS.map((system) => ({
    name: system.name,
    scores: meanRouge(found.map(({ paper, reference }) => rouge(system.tldr(paper), reference))),
  }));
  return { papers: found.length, missing, systems };
}

function normalise(title: string): string {
  return title.toLowerCase().replace(/\s+/g, ' ').trim();
}
