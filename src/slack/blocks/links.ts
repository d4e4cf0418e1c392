/**
 * The corpus has no URLs, so a paper is linked to searches for its title that always answer: the
 * Hugging Face papers search and the arXiv title search.
 */

/** Long titles are cut for the query: a search for the first words still finds the paper. */
const MAX_QUERY_CHARS = 200;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function queryText(title: string): string {
  // encodeURIComponent throws on a lone surrogate; a hostile title must still give a link.
  const clean = title.replace(LONE_SURROGATE, '\uFFFD').replace(/\s+/g, ' ').trim();
  if (clean.length <= MAX_QUERY_CHARS) return clean;
  const cut = clean.slice(0, MAX_QUERY_CHARS);
  const space = cut.lastIndexOf(' ');
  // Do not leave half a surrogate pair for encodeURIComponent to reject.
  return (space > MAX_QUERY_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\uD800-\uDBFF]$/, '');
}

export function huggingFaceSearchUrl(title: string): string {
  return `https://huggingface.co/papers?q=${encodeURIComponent(queryText(title))}`;
}

export function arxivSearchUrl(title: string): string {
  return `https://arxiv.org/search/?query=${encodeURIComponent(queryText(title))}&searchtype=title`;
}
