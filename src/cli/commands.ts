import type { CliCommand } from './command.js';
import { corpusCommand } from './corpus.js';
import { digestCommand } from './digest.js';
import { ingestCommand } from './ingest.js';
import { searchCommand } from './search.js';
import { summarizeCommand } from './summarize.js';

/** Every `paperwire` subcommand, in the order `--help` lists them. */
export const commands: CliCommand[] = [corpusCommand, searchCommand, summarizeCommand, digestCommand, ingestCommand];
