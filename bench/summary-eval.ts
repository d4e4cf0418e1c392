import type { Paper } from '../src/corpus/types.js';
import { extractiveSummary } from '../src/summary/extractive.js';
import { splitSentences } from '../src/summary/sentences.js';
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

/** The TL;DR makers compared: paperwire's and the two baselines the issue names. */
export const SYSTEMS: Array<{ name: string; tldr: (paper: Paper) => string }> = [
  { name: 'paperwire extractive', tldr: (p) => extractiveSummary(p).tldr },
  { name: 'first sentence', tldr: (p) => splitSentences(p.abstract)[0] ?? '' },
  { name: 'TextRank (top sentence)', tldr: (p) => textRankTop(splitSentences(p.abstract)) },
];

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
