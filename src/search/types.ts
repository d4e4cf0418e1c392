import type { Paper } from '../corpus/types.js';

/** A stretch of the abstract with the matched terms marked as [start, end) offsets into `text`. */
export interface Snippet {
  text: string;
  marks: Array<[number, number]>;
}

export interface SearchHit {
  paper: Paper;
  score: number;
  snippet: Snippet;
}

export interface SearchResponse {
  hits: SearchHit[];
  /** How many papers matched in all (for "Next 5" and "N results"). */
  total: number;
  /** Alternatives to offer when nothing matched: did-you-mean spellings, a looser query. */
  suggestions: string[];
  /**
   * The query with its misspelt words corrected, when the answer is none or weak: a word unknown to
   * the library was matched only through its likely corrections (offered as "Did you mean").
   */
  didYouMean?: string;
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
}

/** A malformed query: `message` says what is wrong, `hint` explains the query language in one line. */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'QueryError';
  }
}
