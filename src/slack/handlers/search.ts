import type { Runtime } from '../../runtime.js';
import { search } from '../../search/search.js';
import { QueryError } from '../../search/types.js';
import { renderNoResults, renderQueryError, renderSearchResults } from '../blocks/search.js';
import type { Message } from './surface.js';

export const PAGE_SIZE = 5;

/** The answer to a search, whatever asked for it: `/papers`, a mention, the shell or "Next 5". */
export function searchMessage(rt: Runtime, query: string, offset = 0): Message {
  try {
    const response = search(rt.library().index, query, { limit: PAGE_SIZE, offset });
    // "Next 5" pressed after the corpus shrank: start again from the top rather than show an empty page.
    if (response.hits.length === 0 && offset > 0) return searchMessage(rt, query, 0);
    if (response.total === 0) return renderNoResults(query, response.suggestions);
    return renderSearchResults({ query, hits: response.hits, total: response.total, offset });
  } catch (error) {
    if (error instanceof QueryError) return renderQueryError(query, error.message, error.hint);
    throw error;
  }
}
