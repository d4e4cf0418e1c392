import { loadConfig } from '../config.js';
import { fromPackageRoot } from '../util/paths.js';
import { loadLibrary, type Library } from '../library/library.js';
import { intOption } from './command.js';

/** The library of the corpus `--corpus`/`--year` name (or the configured one), from its snapshot when fresh. */
export async function loadLibraryFromArgs(values: Record<string, unknown>, now = new Date()): Promise<Library> {
  const config = loadConfig(process.env);
  const dir = typeof values.corpus === 'string' ? fromPackageRoot(values.corpus) : config.corpusDir;
  const year = intOption(values.year, 'year', 1990, 2100) ?? config.corpusYear;
  return loadLibrary(dir, { year, now });
}
