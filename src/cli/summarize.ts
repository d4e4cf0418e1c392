import { loadConfig } from '../config.js';
import type { Paper } from '../corpus/types.js';
import { type Library } from '../library/library.js';
import { createLog } from '../util/log.js';
import { search } from '../search/search.js';
import { QueryError } from '../search/types.js';
import { openConfiguredStore } from '../store/open.js';
import { createSummarizer } from '../summary/service.js';
import type { Summary, SummaryCache } from '../summary/types.js';
import { UsageError, type CliCommand, type CliIO } from './command.js';
import { corpusOptions, corpusUsage } from './corpus-options.js';
import { loadLibraryFromArgs } from './library-options.js';

export interface PaperMatch {
  paper: Paper;
  /** Set when the words matched several papers about as well: the others, best first. */
  alternatives: Paper[];
}

/** A second hit scoring at least this share of the best one makes the match ambiguous. */
const CLOSE_SCORE = 0.75;

/** The paper with exactly this id, else the best title/abstract match of the words; undefined when none. */
export function resolvePaper(library: Library, text: string): PaperMatch | undefined {
  const exact = library.byId.get(text.trim());
  if (exact) return { paper: exact, alternatives: [] };
  const { hits } = search(library.index, text, { limit: 4 });
  const [best, ...rest] = hits;
  if (!best) return undefined;
  const alternatives = rest.filter((h) => h.score >= CLOSE_SCORE * best.score).map((h) => h.paper);
  return { paper: best.paper, alternatives };
}

export const summarizeCommand: CliCommand = {
  name: 'summarize',
  summary: 'Summarise one paper (TL;DR, key points, keywords) found by id or title words',
  usage: `Usage: paperwire summarize <paper id or title words> [--corpus DIR] [--year YYYY] [--json]

${corpusUsage}
  --json         print {"id","title","tldr","keyPoints","keywords","kind"} as JSON

A paper with Hugging Face's own summary takes it as the TL;DR (kind "source"). Otherwise uses the language
model when PAPERWIRE_LLM_URL, PAPERWIRE_LLM_MODEL and PAPERWIRE_LLM_API_KEY are set (answers are cached in
PAPERWIRE_DB); otherwise, or when the model fails, the extractive summary.`,
  options: { ...corpusOptions, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const text = positionals.join(' ').trim();
    if (text === '') throw new UsageError('give a paper id (see `paperwire corpus --json`) or words from its title');
    const library = await loadLibraryFromArgs(values);
    let match: PaperMatch | undefined;
    try {
      match = resolvePaper(library, text);
    } catch (error) {
      if (error instanceof QueryError) throw new UsageError(`${error.message}. ${error.hint}`);
      throw error;
    }
    if (!match) {
      io.err(`paperwire summarize: no paper matches "${text}" among ${library.papers.length} papers; try other title words or a paper id`);
      return 2;
    }
    if (match.alternatives.length > 0) {
      io.err(
        [
          `"${text}" matches several papers about as well; summarising the best match, ${match.paper.id} "${match.paper.title}". Also close:`,
          ...match.alternatives.map((p) => `  ${p.id}  ${p.title}`),
        ].join('\n'),
      );
    }
    const summary = await summarise(match.paper, io);
    if (values.json) {
      const { paper } = match;
      io.out(
        JSON.stringify({ id: paper.id, title: paper.title, tldr: summary.tldr, keyPoints: summary.keyPoints, keywords: summary.keywords, kind: summary.kind }),
      );
    } else {
      io.out(render(match.paper, summary));
    }
    return 0;
  },
};

/** The source's summary when the paper has one, else the model's when one is configured (cached in the store), else the extractive one. */
async function summarise(paper: Paper, io: CliIO): Promise<Summary> {
  const config = loadConfig(process.env);
  const log = createLog({ secrets: [config.model?.apiKey], sink: (line) => io.err(line) });
  if (!config.model) return createSummarizer({ cache: noCache, log }).summarize(paper);
  const store = await openConfiguredStore(config, log);
  try {
    return await createSummarizer({ model: config.model, cache: store.summaries, log }).summarize(paper);
  } finally {
    await store.close();
  }
}

const noCache: SummaryCache = { get: async () => undefined, set: async () => undefined };

function render(paper: Paper, summary: Summary): string {
  const facts = [paper.id, paper.publishedAt && `published ${paper.publishedAt}`, paper.upvotes !== undefined && `${paper.upvotes} upvotes`].filter(Boolean);
  return [
    paper.title,
    facts.join(' · '),
    '',
    `TL;DR: ${summary.tldr}`,
    ...(summary.keyPoints.length > 0 ? ['', 'Key points:', ...summary.keyPoints.map((p) => `  • ${p}`)] : []),
    '',
    `Keywords: ${summary.keywords.join(', ')}`,
    `(${summary.kind === 'source' ? 'TL;DR by Hugging Face, key points extracted from the abstract' : `${summary.kind === 'model' ? 'model' : 'extractive'} summary`})`,
  ].join('\n');
}
