/** One paper as it appeared on one daily page, exactly as read (absent fields were not on the page). */
export interface PageEntry {
  title: string;
  abstract: string;
  authorsCount?: number;
  organization?: string;
  /** ISO YYYY-MM-DD */
  publishedAt?: string;
  upvotes?: number;
  /** ISO YYYY-MM-DD: the day of the listing the entry was on, when known. */
  pageDate?: string;
  file: string;
  /** 1-based line of the entry's title. */
  line: number;
}

export interface Appearance {
  file: string;
  line: number;
  pageDate?: string;
}

/** A paper merged from all of its page entries. */
export interface Paper {
  /** Stable across restarts and reloads; URL- and Slack-safe (`[a-z0-9-]`). */
  id: string;
  /** Other ids the same paper had (an API paper that matched a page paper keeps its `arxiv-…` id here): buttons and digests know it by any of them. */
  aliases?: string[];
  title: string;
  abstract: string;
  authorsCount?: number;
  organization?: string;
  publishedAt?: string;
  upvotes?: number;
  /** Sorted by page date (oldest first), then file and line. Empty for a paper known only from the daily papers API. */
  appearances: Appearance[];
  /** The arXiv id (e.g. 2502.12345), for a paper from the daily papers API. */
  arxivId?: string;
  /** The paper's own page (https://huggingface.co/papers/<arXiv id>). */
  url?: string;
  /** e.g. https://github.com/owner/repo */
  githubRepo?: string;
  githubStars?: number;
  projectPage?: string;
  /** An image URL for cards. */
  thumbnail?: string;
  /** Hugging Face's own one-sentence summary. */
  aiSummary?: string;
  aiKeywords?: string[];
  numComments?: number;
  /** ISO YYYY-MM-DD: the newest daily list the paper was on. */
  listDate?: string;
  /** Every daily list the paper was on, oldest first. */
  listDates?: string[];
}

export interface CorpusWarning {
  file: string;
  /** 1-based; 0 when the warning is about the whole file. */
  line: number;
  message: string;
}

export interface FileReport {
  file: string;
  entries: number;
  withMetadata: number;
  pageDate?: string;
  /** Where the page's year came from (see the README's date rules). */
  yearSource?: 'file name' | 'page' | 'operator' | 'inferred' | 'clock';
  /** true when the file was not recognised as a page at all and was skipped. */
  skipped: boolean;
}
