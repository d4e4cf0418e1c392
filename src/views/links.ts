/**
 * The corpus has no URLs, so a paper is linked to searches for its title that always answer: the
 * Hugging Face papers search and the arXiv title search.
 */

/**
 * Long titles are cut for the query (a search for the first words still finds the paper), so that the
 * encoded query stays short: a title in a non-Latin script triples in length when percent-encoded.
 */
const MAX_QUERY_CHARS = 200;
const MAX_ENCODED_CHARS = 300;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The title as an encoded query: whole words while they fit, else as much of the first word as fits. */
function encodedQuery(title: string): string {
  let query = encodedQueries.get(title);
  if (query === undefined) {
    if (encodedQueries.size >= 10_000) encodedQueries.clear();
    encodedQueries.set(title, (query = encodeQuery(title)));
  }
  return query;
}
/** Titles are linked again and again (every search, trending, the App Home): each is encoded once. */
const encodedQueries = new Map<string, string>();

function encodeQuery(title: string): string {
  // encodeURIComponent throws on a lone surrogate; a hostile title must still give a link.
  const clean = title.replace(LONE_SURROGATE, '\uFFFD').replace(/\s+/g, ' ').trim();
  const fits = (text: string) => text.length <= MAX_QUERY_CHARS && encodeURIComponent(text).length <= MAX_ENCODED_CHARS;
  // Percent-encoding works character by character, so the words are encoded once and joined with %20.
  let length = 0;
  let encoded = '';
  for (const word of clean.split(' ')) {
    const encodedWord = encodeURIComponent(word);
    const separator = encoded ? '%20' : '';
    if (length + (separator ? 1 : 0) + word.length <= MAX_QUERY_CHARS && encoded.length + separator.length + encodedWord.length <= MAX_ENCODED_CHARS) {
      encoded += separator + encodedWord;
      length += (separator ? 1 : 0) + word.length;
      continue;
    }
    if (encoded === '') {
      let text = '';
      for (const ch of word) if (fits(text + ch)) text += ch;
      encoded = encodeURIComponent(text);
    }
    break;
  }
  return encoded;
}

export function huggingFaceSearchUrl(title: string): string {
  return `https://huggingface.co/papers?q=${encodedQuery(title)}`;
}

export function arxivSearchUrl(title: string): string {
  return `https://arxiv.org/search/?query=${encodedQuery(title)}&searchtype=title`;
}
