import type { Paper } from '../corpus/types.js';

/** A paper read from the daily papers API: a Paper that always has its arXiv id, page and list day. */
export type IngestedPaper = Paper & { arxivId: string; url: string; listDate: string; listDates: string[] };

/** Something wrong with one item (or one page) of a day's list; the rest of the day is kept. */
export interface IngestWarning {
  /** ISO YYYY-MM-DD: the list day. */
  date: string;
  message: string;
}

/** One day's list as the API gave it. */
export type DayFetch =
  /** Every page was read (an empty list is an empty day). */
  | { status: 'ok'; date: string; papers: IngestedPaper[]; warnings: IngestWarning[]; pages: number }
  /** The API does not serve this day yet (it answered 400): nothing to store, nothing wrong. */
  | { status: 'not-open'; date: string; message: string; warnings: IngestWarning[] }
  /** Still failing after every try: the day is not stored. */
  | { status: 'failed'; date: string; message: string; warnings: IngestWarning[] };

/** Fetches one day's list, every page of it, retrying as the API's faults call for. */
export interface DailyPapersSource {
  fetchDay(date: string): Promise<DayFetch>;
}

export interface StoreDayResult {
  /** Papers on the day's list (each arXiv id once). */
  papers: number;
  /** Papers not stored before. */
  new: number;
  /** Papers stored before whose record changed (upvotes, comments, another list day…). */
  updated: number;
}

export interface IngestedDay {
  /** ISO YYYY-MM-DD */
  date: string;
  papers: number;
  /** ISO 8601 instant of the last fetch that stored it. */
  fetchedAt: string;
}

/**
 * Where ingested papers are kept (SQLite today, PostgreSQL later: hence async). One paper per arXiv
 * id, whatever day it was listed on; a day is stored whole or not at all.
 */
export interface IngestRepo {
  /** In one transaction: upserts the day's papers (by arXiv id) and records the day. */
  storeDay(date: string, papers: readonly IngestedPaper[], fetchedAt: Date): Promise<StoreDayResult>;
  /** Every ingested paper, newest list day first, then by arXiv id. */
  all(): Promise<IngestedPaper[]>;
  /** Papers added or changed after `version` (from version()), for adding to an index without a rebuild. */
  changedSince(version: number): Promise<IngestedPaper[]>;
  /** Every stored day, oldest first. */
  days(): Promise<IngestedDay[]>;
  /** Grows whenever a paper is added or changed; the same number means the same papers. */
  version(): Promise<number>;
}
