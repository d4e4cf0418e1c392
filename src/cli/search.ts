import { loadLibraryFromArgs } from './library-options.js';
import { corpusOptions, corpusUsage } from './corpus-options.js';
import { intOption, UsageError, type CliCommand } from './command.js';
import { search } from '../search/search.js';
import { QueryError, type SearchHit } from '../search/types.js';
import { arxivIdOf, paperUrl } from '../views/links.js';

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'Search the papers with the query language (words, "phrases", -word, year:, after:, before:, upvotes:, org:, sort:)',
  usage: `Usage: paperwire search "<query>" [--limit N] [--corpus DIR] [--year YYYY] [--json]

${corpusUsage}
  --limit N      how many results to show (1 to 100, default 10)
  --json         print {"results":[{id,title,score,snippet,publishedAt,upvotes,authorsCount,organization,appearances,arxivId,url}]}
                 (arxivId is null when unknown; url is the paper's Hugging Face page, or a search for its title)

Query language: words to search for; "an exact phrase"; -word to leave out; year:2024;
after:2024-06-01 and before:2025-01-01 (also YYYY-MM or YYYY); upvotes:>=5 (>, <, <=, =);
org:kyutai; sort:relevance, sort:new or sort:top.`,
  options: { ...corpusOptions, limit: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const query = positionals.join(' ').trim();
    if (!query) throw new UsageError('say what to search for, e.g. paperwire search "kv cache compression"');
    const limit = intOption(values.limit, 'limit', 1, 100) ?? 10;
    const library = await loadLibraryFromArgs(values);
    let response;
    try {
      response = search(library.index, query, { limit });
    } catch (error) {
      if (error instanceof QueryError) {
        io.err(`paperwire search: ${error.message}\n${error.hint}`);
        return 2;
      }
      throw error;
    }
    if (values.json) {
      io.out(JSON.stringify({ results: response.hits.map(toJson) }));
      return 0;
    }
    const didYouMean = response.didYouMean ? `Did you mean: ${response.didYouMean}` : '';
    if (response.hits.length === 0) {
      const tries = response.suggestions
        .filter((s) => s !== response.didYouMean)
        .map((s) => `  ${s}`)
        .join('\n');
      io.out(`No papers match "${query}".${didYouMean ? `\n${didYouMean}` : ''}${tries ? `\nTry:\n${tries}` : ''}`);
      return 0;
    }
    const lines = [`${response.total} papers match "${query}"; the best ${response.hits.length}:`, ...(didYouMean ? [didYouMean] : []), ''];
    response.hits.forEach((hit, k) => {
      const p = hit.paper;
      const facts = [
        p.publishedAt,
        p.organization ?? (p.authorsCount !== undefined ? `${p.authorsCount} authors` : undefined),
        `${p.upvotes ?? 0} upvotes`,
        `id ${p.id}`,
      ];
      lines.push(`${k + 1}. ${p.title}`, `   ${facts.filter(Boolean).join(' · ')}`, `   ${marked(hit)}`, '');
    });
    io.out(lines.join('\n').trimEnd());
    return 0;
  },
};

/** The snippet with matched words in *stars*, for a terminal. */
function marked(hit: SearchHit): string {
  const { text, marks } = hit.snippet;
  let out = '';
  let last = 0;
  for (const [start, end] of marks) {
    out += `${text.slice(last, start)}*${text.slice(start, end)}*`;
    last = end;
  }
  return out + text.slice(last);
}

/** One result of `search --json`. */
export function toJson(hit: SearchHit) {
  const p = hit.paper;
  return {
    id: p.id,
    title: p.title,
    score: Math.round(hit.score * 1000) / 1000,
    snippet: hit.snippet.text,
    publishedAt: p.publishedAt ?? null,
    upvotes: p.upvotes ?? null,
    authorsCount: p.authorsCount ?? null,
    organization: p.organization ?? null,
    appearances: p.appearances.length,
    arxivId: arxivIdOf(p) ?? null,
    url: paperUrl(p),
  };
}
