import { existsSync } from 'node:fs';
import { type Config, loadConfig } from '../config.js';
import { type Ingested, joinLibrarySteps, type Library, loadLibrary } from '../library/library.js';
import { openConfiguredStore } from '../store/open.js';
import { createLog } from '../util/log.js';
import { fromPackageRoot } from '../util/paths.js';
import { runToEnd } from '../util/steps.js';
import { intOption } from './command.js';

/**
 * The library the app would serve: the page files `--corpus`/`--year` name (or the configured ones,
 * from their snapshot when fresh) with the papers `paperwire ingest` or the app fetched joined to them.
 */
export async function loadLibraryFromArgs(values: Record<string, unknown>, now = new Date()): Promise<Library> {
  const config = loadConfig(process.env);
  const dir = typeof values.corpus === 'string' ? fromPackageRoot(values.corpus) : config.corpusDir;
  const year = intOption(values.year, 'year', 1990, 2100) ?? config.corpusYear;
  const pages = await loadLibrary(dir, { year, now });
  const ingested = await ingestedPapers(config);
  return ingested.version === 0 ? pages : runToEnd(joinLibrarySteps(pages, ingested));
}

/** The ingested papers in the store; none when there is no SQLite database yet (a search creates none). */
async function ingestedPapers(config: Config): Promise<Ingested> {
  if (!config.databaseUrl && config.dbPath !== ':memory:' && !existsSync(config.dbPath)) return { papers: [], version: 0 };
  const store = await openConfiguredStore(config, createLog({ secrets: [config.databaseUrl] }));
  try {
    return { papers: await store.ingested.all(), version: await store.ingested.version() };
  } finally {
    await store.close();
  }
}
