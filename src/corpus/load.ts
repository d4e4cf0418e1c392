import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CorpusWarning, FileReport, PageEntry, Paper } from './types.js';
import { parsePage, type ParseOptions } from './parse.js';
import { mergeSteps } from './merge.js';
import { runInSlices } from '../util/steps.js';

export interface LoadedCorpus {
  papers: Paper[];
  warnings: CorpusWarning[];
  files: FileReport[];
  /** A hash of the page files' names and bytes: the same corpus always has the same version. */
  version: string;
}

/** One page is a few hundred KB; anything this big is not a page and would only slow the start. */
export const MAX_PAGE_BYTES = 20 * 1024 * 1024;

/** Reads every `*.txt` page in `dir`. A bad file is reported and skipped; it never stops the others. */
export async function loadCorpus(dir: string, options: ParseOptions = {}): Promise<LoadedCorpus> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.toLowerCase().endsWith('.txt')).sort();
  } catch (error) {
    throw new Error(`cannot read the corpus directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const hash = createHash('sha256');
  const entries: PageEntry[] = [];
  const warnings: CorpusWarning[] = [];
  const files: FileReport[] = [];
  for (const name of names) {
    const bytes = await readPage(join(dir, name), name, warnings);
    if (!bytes) {
      files.push({ file: name, entries: 0, withMetadata: 0, skipped: true });
      continue;
    }
    hash.update(`${name}\0${bytes.length}\0`).update(bytes);
    const page = parsePage(name, bytes, options);
    entries.push(...page.entries);
    warnings.push(...page.warnings);
    files.push(page.report);
  }
  // In slices: a live reload merges while the bot keeps answering.
  return { papers: await runInSlices(mergeSteps(entries)), warnings, files, version: hash.digest('hex').slice(0, 16) };
}

async function readPage(path: string, name: string, warnings: CorpusWarning[]): Promise<Uint8Array | undefined> {
  // Size and bytes come from one open handle, so a file swapped in after the size check is never read.
  // O_NONBLOCK keeps a FIFO named like a page from blocking the open; it is then refused as not a file.
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (!info.isFile()) return skip('not a regular file');
    if (info.size > MAX_PAGE_BYTES) {
      return skip(`${(info.size / 1024 / 1024).toFixed(1)} MB is over the ${MAX_PAGE_BYTES / 1024 / 1024} MB limit for one page`);
    }
    return await handle.readFile();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return skip(code === 'ENOENT' ? 'the file was moved or deleted while being read' : `cannot read it (${code ?? (error as Error).message})`);
  } finally {
    await handle?.close();
  }

  function skip(reason: string): undefined {
    warnings.push({ file: name, line: 0, message: `skipped: ${reason}` });
    return undefined;
  }
}
