import type { Runtime } from './runtime.js';
import { search } from '../search/search.js';
import { QueryError } from '../search/types.js';
import { renderNoResults, renderQueryError, renderSearchResults } from '../views/search.js';
import type { Message } from './surface.js';

export const PAGE_SIZE = 5;
/** Longer than any real query; past it, a paste went wrong and a search would only waste time. */
export const MAX_QUERY_CHARS = 500;
const HINT = 'Type words to search for; "an exact phrase"; -word to leave a word out; filters such as year:2024 or org:kyutai. `/papers help` explains it all.';

/** The answer to a search, whatever asked for it: `/papers`, a mention, the shell or "Next 5". */
export function searchMessage(rt: Runtime, query: string, offset = 0): Message {
  if (query.length > MAX_QUERY_CHARS) {
    return renderQueryError(
      query,
      `that query is ${query.length.toLocaleString('en-US')} characters long; paperwire reads queries of up to ${MAX_QUERY_CHARS}`,
      HINT,
    );
  }
  try {
    const response = search(rt.library().index, query, { limit: PAGE_SIZE, offset });
    // "Next 5" pressed after the corpus shrank: start again from the top rather than show an empty page.
    if (response.hits.length === 0 && offset > 0) return searchMessage(rt, query, 0);
    if (response.total === 0) return renderNoResults(query, response.suggestions, response.didYouMean);
    return renderSearchResults({ query, hits: response.hits, total: response.total, offset, didYouMean: response.didYouMean });
  } catch (error) {
    if (error instanceof QueryError) return renderQueryError(query, error.message, error.hint);
    throw error;
  }
}
