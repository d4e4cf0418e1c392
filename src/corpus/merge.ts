import { createHash } from 'node:crypto';
import type { Appearance, PageEntry, Paper } from './types.js';
import { runToEnd, type Steps } from '../util/steps.js';
import { titleKey } from './text.js';

/**
 * Entries with the same title (up to case, spacing and punctuation) are one paper, unless their
 * abstracts disagree: then they are different papers that share a title. Abstracts agree when one
 * starts with the other's opening (a page may cut an abstract short).
 */
export function mergeEntries(entries: readonly PageEntry[]): Paper[] {
  return runToEnd(mergeSteps(entries));
}

/** mergeEntries with points where it may pause (see steps.ts). */
export function* mergeSteps(entries: readonly PageEntry[]): Steps<Paper[]> {
  const byTitle = new Map<string, PageEntry[][]>();
  let done = 0;
  for (const entry of entries) {
    if (++done % 512 === 0) yield;
    const key = titleKey(entry.title);
    const variants = byTitle.get(key) ?? [];
    const variant = variants.find((group) => sameAbstract(group[0]!.abstract, entry.abstract));
    if (variant) variant.push(entry);
    else variants.push([entry]);
    byTitle.set(key, variants);
  }

  const papers: Paper[] = [];
  for (const [key, variants] of byTitle) {
    if (++done % 512 === 0) yield;
    // The variant seen most (then earliest) keeps the plain title id, so adding a page rarely moves an id.
    const ranked = [...variants].sort((a, b) => b.length - a.length || compareEntries(a[0]!, b[0]!));
    ranked.forEach((group, index) => {
      const idSource = index === 0 ? key : `${key}\n${abstractKey(group[0]!.abstract)}`;
      papers.push(toPaper(paperId(idSource), group));
    });
  }
  return papers.sort((a, b) => compareAppearance(a.appearances[0]!, b.appearances[0]!) || a.id.localeCompare(b.id));
}

export function paperId(source: string): string {
  const digest = createHash('sha256').update(source).digest();
  return `p-${base36(digest).slice(0, 12)}`;
}

function base36(bytes: Buffer): string {
  return BigInt(`0x${bytes.toString('hex')}`)
    .toString(36)
    .padStart(12, '0');
}

function abstractKey(abstract: string): string {
  return titleKey(abstract).slice(0, 160);
}

function sameAbstract(a: string, b: string): boolean {
  const [x, y] = [abstractKey(a), abstractKey(b)];
  const n = Math.min(x.length, y.length, 160);
  return n > 0 && x.slice(0, n) === y.slice(0, n);
}

function toPaper(id: string, group: PageEntry[]): Paper {
  const sorted = [...group].sort(compareEntries);
  const newest = sorted[sorted.length - 1]!;
  const paper: Paper = {
    id,
    title: newest.title,
    abstract: sorted.reduce((longest, e) => (e.abstract.length > longest.length ? e.abstract : longest), newest.abstract),
    appearances: sorted.map(({ file, line, pageDate }): Appearance => (pageDate ? { file, line, pageDate } : { file, line })),
  };
  const latest = <T>(pick: (e: PageEntry) => T | undefined) =>
    sorted
      .map(pick)
      .filter((v) => v !== undefined)
      .pop();
  const upvotes = sorted.map((e) => e.upvotes).filter((v): v is number => v !== undefined);
  if (upvotes.length > 0) paper.upvotes = Math.max(...upvotes);
  const authorsCount = latest((e) => e.authorsCount);
  if (authorsCount !== undefined) paper.authorsCount = authorsCount;
  const organization = latest((e) => e.organization);
  if (organization !== undefined) paper.organization = organization;
  const publishedAt = latest((e) => e.publishedAt);
  if (publishedAt !== undefined) paper.publishedAt = publishedAt;
  return paper;
}

function compareEntries(a: PageEntry, b: PageEntry): number {
  return compareAppearance(a, b);
}

/** Oldest page first; undated pages sort before dated ones; then by file and line. */
function compareAppearance(a: Appearance, b: Appearance): number {
  return (a.pageDate ?? '').localeCompare(b.pageDate ?? '') || a.file.localeCompare(b.file) || a.line - b.line;
}
