import type { Paper } from '../corpus/types.js';
import { TLDR_MAX } from './extractive.js';
import type { Summary } from './types.js';
import { containment } from './words.js';

/**
 * The summary of a paper that comes with one from its source: Hugging Face's own one-sentence summary
 * (`aiSummary`) as the TL;DR, the key points of the extractive summary, and Hugging Face's keywords
 * (`aiKeywords`) joined into the extractive ones. Pure and deterministic.
 */

/** How many keywords a summary keeps (the Summary type's 3 to 6). */
export const KEYWORDS_MAX = 6;
/** A key point that repeats this much of the TL;DR's words says nothing new (as for a model's TL;DR). */
const REPEATS_TLDR = 0.8;

/** The source summary, or undefined when the paper has none worth showing (then the usual path answers). */
export function sourceSummary(paper: Pick<Paper, 'aiSummary' | 'aiKeywords'>, extractive: Summary): Summary | undefined {
  const tldr = typeof paper.aiSummary === 'string' ? sourceTldr(paper.aiSummary) : undefined;
  if (tldr === undefined) return undefined;
  return {
    tldr,
    keyPoints: extractive.keyPoints.filter((point) => containment(point, tldr) < REPEATS_TLDR),
    keywords: mergeKeywords(extractive.keywords, Array.isArray(paper.aiKeywords) ? paper.aiKeywords : []),
    kind: 'source',
  };
}

/** Below this many letters and digits a "summary" is noise (a stray symbol, a word or two). */
const MIN_LETTERS = 8;
/** A cut never leaves less than this share of the budget (a 30-character TL;DR of a 300-character summary says too little). */
const MIN_CUT_SHARE = 0.4;
/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|etc|et al|vs|cf|approx|incl|resp|fig|figs|eq|eqs|sec|no|dr|prof|mr|ms|inc|ltd|[A-Za-z])$/i;
/** Words a cut must not end on: the clause would dangle. */
const DANGLING =
  /\b(?:a|an|the|of|to|for|and|or|but|nor|with|by|in|on|at|from|as|that|which|who|its|their|our|is|are|be|was|were|can|via|into|than|such|while|whereas)$/i;

/**
 * Hugging Face's summary as a TL;DR of at most `max` characters: cleaned (control characters and runs of
 * whitespace gone, a leading "TL;DR:" label dropped), and when too long cut after its last whole
 * sentence that fits, else at its last clause boundary (`;`, `:`, a dash, a comma) that fits, else after
 * its last whole word with an ellipsis. Never mid-word. Undefined when nothing sayable is left.
 */
export function sourceTldr(raw: string, max = TLDR_MAX): string | undefined {
  const text = clean(raw);
  if ((text.match(/[\p{L}\p{N}]/gu) ?? []).length < MIN_LETTERS) return undefined;
  if (finish(text).length <= max) return finish(text);
  const min = Math.floor(max * MIN_CUT_SHARE);

  // After a whole sentence: ". " (or ! ?) before the next one, not after an abbreviation.
  let sentenceEnd = -1;
  for (const m of text.matchAll(/[.!?]["')\]]*(?=\s)/g)) {
    const end = m.index + m[0].length;
    if (end > max) break;
    if (end >= min && !ABBREVIATION.test(text.slice(0, m.index)) && balanced(text.slice(0, end))) sentenceEnd = end;
  }
  if (sentenceEnd > 0) return text.slice(0, sentenceEnd);

  // At a clause boundary, strongest first; the head gets a full stop (one character of the budget).
  for (const boundary of [/;\s/g, /\s[—–]\s|:\s/g, /,\s/g]) {
    let best = -1;
    for (const m of text.matchAll(boundary)) {
      const head = text.slice(0, m.index).trimEnd();
      if (head.length + 1 > max) break;
      if (head.length >= min && !DANGLING.test(head) && balanced(head)) best = head.length;
    }
    if (best > 0) return finish(text.slice(0, best));
  }

  // After the last whole word that fits with an ellipsis, leaving no dangling word.
  let head = text.slice(0, max - 1);
  const next = text.charAt(max - 1);
  if (!/\s/.test(next)) {
    const space = head.search(/\s\S*$/);
    if (space < 0) return undefined;
    head = head.slice(0, space);
  }
  head = head.replace(/[\s,;:(—–-]+$/u, '');
  while (DANGLING.test(head) && /\s/.test(head)) head = head.replace(/\s+\S+$/u, '').replace(/[\s,;:(—–-]+$/u, '');
  if (head.length < min) return undefined;
  return `${head}…`;
}

function clean(raw: string): string {
  return raw
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:tl;?dr|summary)\s*[:\-—–]\s*/i, '')
    .replace(/^["“](.*)["”]$/u, '$1')
    .trim();
}

function finish(text: string): string {
  const t = text.replace(/[\s,;:—–-]+$/u, '');
  return /[.!?…]["')\]]*$/u.test(t) ? t : `${t}.`;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
  }
  return depth === 0;
}

/** Keywords that name a field, not what a paper is about: they go last, so the cap drops them first. */
const GENERIC = new Set(
  [
    'ai',
    'artificial intelligence',
    'machine learning',
    'deep learning',
    'neural network',
    'neural networks',
    'llm',
    'llms',
    'large language model',
    'large language models',
    'language model',
    'language models',
    'transformer',
    'transformers',
    'benchmark',
    'benchmarks',
    'dataset',
    'datasets',
    'model',
    'models',
    'performance',
    'efficiency',
    'evaluation',
  ].map((k) => keyOf(k)),
);

/**
 * The extractive keywords and the source's, together: cleaned, each phrase once (case, spacing and a
 * plural `s` do not make another), a phrase left out when a longer one holds it ("attention" beside
 * "sparse attention"), the most specific first, at most `max`. Specific means a name (FooNet, GPT-4,
 * KV cache) over a plain phrase, a longer phrase over a shorter one, anything over the names of whole
 * fields ("large language models"); ties keep the extractive order, then the source's.
 */
export function mergeKeywords(extracted: readonly string[], fromSource: readonly unknown[], max = KEYWORDS_MAX): string[] {
  const candidates: Array<{ text: string; key: string; order: number }> = [];
  const seen = new Set<string>();
  for (const raw of [...extracted, ...fromSource]) {
    if (typeof raw !== 'string') continue;
    const text = raw
      .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[\s.,;:!?'"“”‘’*_~`|<>\-]+|[\s.,;:!?'"“”‘’*_~`|<>\-]+$/gu, '');
    const key = keyOf(text);
    if (text.length > 60 || key.replace(/ /g, '').length < 2 || seen.has(key)) continue;
    seen.add(key);
    candidates.push({ text, key, order: candidates.length });
  }
  const kept = candidates.filter((c) => !candidates.some((other) => other !== c && other.key.length > c.key.length && ` ${other.key} `.includes(` ${c.key} `)));
  return kept
    .map((c) => ({ ...c, specificity: specificity(c.text, c.key) }))
    .sort((a, b) => b.specificity - a.specificity || a.order - b.order)
    .slice(0, max)
    .map((c) => c.text);
}

function specificity(text: string, key: string): number {
  const name = /\p{N}/u.test(text) || /\p{L}\p{Lu}/u.test(text) || /(?:^|\s)\p{Lu}{2,}/u.test(text);
  return (name ? 2 : 0) + Math.min(3, key.split(' ').length) - (GENERIC.has(key) ? 4 : 0);
}

/** Lower-case words (letters and digits), with a plural `s` dropped, joined by spaces. */
function keyOf(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)).join(' ');
}
