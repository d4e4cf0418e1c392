import { titleKey } from '../corpus/text.js';
import type { Paper } from '../corpus/types.js';
import type { Steps } from '../util/steps.js';

/** Where each paper of a library is, by arXiv id (`a:`) and by title key (`t:`). */
export type PaperKeys = ReadonlyMap<string, number>;

export function* keySteps(papers: readonly Paper[]): Steps<Map<string, number>> {
  const keys = new Map<string, number>();
  for (let i = 0; i < papers.length; i++) {
    if (i % 4096 === 4095) yield;
    addKeys(keys, papers[i]!, i);
  }
  return keys;
}

function addKeys(keys: Map<string, number>, paper: Paper, position: number): void {
  if (paper.arxivId) keys.set(`a:${paper.arxivId}`, position);
  const title = `t:${titleKey(paper.title)}`;
  if (!keys.has(title)) keys.set(title, position);
}

/** Fields a newer record of a paper brings; its text stays as first indexed. */
const KEPT = new Set(['id', 'aliases', 'title', 'abstract', 'appearances']);

/** `current` with what `incoming` knows now (upvotes, comments, links, list days); the other id becomes an alias. */
export function mergeRecord(current: Paper, incoming: Paper): Paper {
  const merged: Paper = { ...current };
  for (const [key, value] of Object.entries(incoming)) {
    if (!KEPT.has(key) && value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  const aliases = new Set([...(current.aliases ?? []), ...(incoming.aliases ?? []), incoming.id]);
  aliases.delete(current.id);
  if (aliases.size > 0) merged.aliases = [...aliases].sort();
  return merged;
}

export interface Joined {
  papers: Paper[];
  keys: Map<string, number>;
  /** Positions whose record changed. */
  updated: number[];
  /** How many papers were appended (at the end of `papers`). */
  added: number;
}

/**
 * Papers from the daily papers API joined to a library's papers. One with an arXiv id the library
 * knows, or whose title matches a page paper without an arXiv id (same title up to case, spacing
 * and punctuation), updates that paper in place: its position and id stay, so buttons, saves and
 * digests keep finding it. Any other is appended.
 */
export function* joinSteps(papers: readonly Paper[], keys: PaperKeys, incoming: readonly Paper[]): Steps<Joined> {
  const next = papers.slice();
  const nextKeys = new Map<string, number>();
  let copied = 0;
  for (const [key, position] of keys) {
    if (++copied % 8192 === 0) yield;
    nextKeys.set(key, position);
  }
  const updated = new Set<number>();
  let added = 0;
  for (const paper of incoming) {
    const byId = paper.arxivId === undefined ? undefined : nextKeys.get(`a:${paper.arxivId}`);
    const byTitle = nextKeys.get(`t:${titleKey(paper.title)}`);
    const position = byId ?? (byTitle !== undefined && next[byTitle]!.arxivId === undefined ? byTitle : undefined);
    if (position !== undefined) {
      next[position] = mergeRecord(next[position]!, paper);
      addKeys(nextKeys, next[position]!, position);
      updated.add(position);
    } else {
      next.push(paper);
      addKeys(nextKeys, paper, next.length - 1);
      added++;
    }
  }
  return { papers: next, keys: nextKeys, updated: [...updated], added };
}
