import { loadConfig } from '../config.js';
import { fromPackageRoot } from '../util/paths.js';
import { loadCorpus, type LoadedCorpus } from '../corpus/load.js';
import { intOption } from './command.js';

/** `--corpus DIR` and `--year YYYY`, shared by every command that reads the corpus. */
export const corpusOptions = {
  corpus: { type: 'string' },
  year: { type: 'string' },
} as const;

export const corpusUsage = `  --corpus DIR   page files to read (default: $PAPERWIRE_CORPUS_DIR or data/corpus)
  --year YYYY    the year of pages whose year is not written (default: $PAPERWIRE_CORPUS_YEAR, else inferred)`;

export async function loadCorpusFromArgs(values: Record<string, unknown>, now = new Date()): Promise<LoadedCorpus> {
  const config = loadConfig(process.env);
  const dir = typeof values.corpus === 'string' ? fromPackageRoot(values.corpus) : config.corpusDir;
  const year = intOption(values.year, 'year', 1990, 2100) ?? config.corpusYear;
  return loadCorpus(dir, { year, now });
}
