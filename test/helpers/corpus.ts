import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePage, type ParseOptions } from '../../src/corpus/parse.js';

export const CORPUS_DIR = new URL('../../data/corpus/', import.meta.url).pathname;
/** A fixed "today" so year inference does not change with the calendar. */
export const NOW = new Date('2026-11-22T12:00:00Z');

export const ABSTRACT_A = 'We propose FooNet, a compact model for sparse attention. It cuts memory by 40% while matching accuracy on five benchmarks.';
export const ABSTRACT_B =
  'This paper studies the calibration of retrieval models under distribution shift and shows that simple temperature scaling fixes most of it.';

/** Parses page text written in a test, as a file of the given name. */
export function parseText(text: string, file = 'page.txt', options: ParseOptions = {}) {
  return parsePage(file, new TextEncoder().encode(text), { now: NOW, ...options });
}

export function tempCorpus(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'paperwire-corpus-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
