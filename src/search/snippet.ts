import { normalizeTerm, type Token } from './analyze.js';
import type { Snippet } from './types.js';

/** Longest snippet shown; a longer best sentence is cut to a window around its matches. */
export const SNIPPET_LENGTH = 240;

/** Words starting like one of the matched terms (only those are worth normalising). */
function candidateWords(matched: ReadonlySet<string>): RegExp | undefined {
  const starts = new Set([...matched].map((t) => t.slice(0, 4).replace(/[^\p{L}\p{N}]/gu, '')).filter(Boolean));
  if (starts.size === 0) return undefined;
  const source = `(?<![\\p{L}\\p{N}])(?:${[...starts].join('|')})[\\p{L}\\p{N}]*`;
  // The hits of one search share their terms: each pattern is compiled once.
  let pattern = compiled.get(source);
  if (!pattern) {
    if (compiled.size >= 1000) compiled.clear();
    compiled.set(source, (pattern = new RegExp(source, 'giu')));
  }
  pattern.lastIndex = 0;
  return pattern;
}
const compiled = new Map<string, RegExp>();

interface Sentence {
  start: number;
  end: number;
}

function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?](?=\s+["'(\[]?[A-Z0-9])/g)) {
    const end = m.index + 1;
    out.push({ start, end });
    start = end;
    while (start < text.length && /\s/.test(text[start]!)) start++;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/**
 * The sentence of `text` holding the most distinct matched terms (the earliest on a tie), cut to a
 * window when long, with each matched word marked as [start, end) offsets into the snippet.
 */
export function makeSnippet(text: string, matched: ReadonlySet<string>, maxLength = SNIPPET_LENGTH): Snippet {
  const hits: Array<Token & { term: string }> = [];
  const candidates = candidateWords(matched);
  let m: RegExpExecArray | null;
  while (candidates && (m = candidates.exec(text))) {
    const term = normalizeTerm(m[0]);
    if (term !== undefined && matched.has(term)) hits.push({ word: m[0], start: m.index, end: m.index + m[0].length, term });
  }
  const parts = sentences(text);
  let best = parts[0] ?? { start: 0, end: text.length };
  let bestScore = 0;
  for (const s of parts) {
    const inside = new Set<string>();
    let count = 0;
    for (const h of hits) {
      if (h.start >= s.start && h.end <= s.end) {
        inside.add(h.term);
        count++;
      }
    }
    const score = inside.size * 10 + Math.min(count, 9);
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  let { start, end } = best;
  const inBest = hits.filter((h) => h.start >= start && h.end <= end);
  if (end - start > maxLength) {
    const first = inBest[0]?.start ?? start;
    start = Math.max(start, Math.min(first - 40, end - maxLength));
    end = Math.min(end, start + maxLength);
    // Cut at word boundaries.
    if (start > best.start) start = text.indexOf(' ', start) + 1 || start;
    if (end < best.end) end = Math.max(text.lastIndexOf(' ', end), start + 1);
  }
  const prefix = start > best.start ? '… ' : '';
  const suffix = end < best.end ? ' …' : '';
  const body = text.slice(start, end).trim();
  const offset = prefix.length - start - (text.slice(start, end).length - text.slice(start, end).trimStart().length);
  const marks: Array<[number, number]> = inBest.filter((h) => h.start >= start && h.end <= end).map((h) => [h.start + offset, h.end + offset]);
  return { text: prefix + body + suffix, marks };
}
