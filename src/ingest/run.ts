import { dayRange } from './dates.js';
import type { DailyPapersSource, IngestRepo, IngestWarning } from './types.js';

/** What became of one day of the range. */
export type DayResult =
  /** Read and stored (an empty list is a stored day of 0 papers). */
  | { date: string; status: 'stored'; papers: number; new: number; updated: number }
  /** The API does not serve the day yet; nothing stored, nothing wrong. */
  | { date: string; status: 'not-open'; message: string }
  /** Still failing after every try, or the store refused it: nothing of the day stored. */
  | { date: string; status: 'failed'; message: string };

export interface IngestReport {
  /** One per day of the range, oldest first. */
  days: DayResult[];
  /** Items left out (or fields dropped) and pages cut short, per day. */
  warnings: IngestWarning[];
  /** How many days failed (0 means every day was read). */
  failed: number;
}

export interface IngestProgress {
  /** Days finished so far, this one included. */
  done: number;
  total: number;
  day: DayResult;
}

export interface IngestRangeOptions {
  /** ISO YYYY-MM-DD, UTC days, both included. */
  from: string;
  to: string;
  source: DailyPapersSource;
  repo: IngestRepo;
  /** The instant recorded as each day's fetch time. */
  now?: () => Date;
  onProgress?: (progress: IngestProgress) => void;
  /** Stop at the first day that fails (the app's refresh: the API or the network is down, the next run tries again). */
  stopAtFailure?: boolean;
}

/**
 * Ingests every day from `from` to `to`, one day at a time: each day is fetched whole and stored in
 * one transaction. A day that fails (after the client's retries, or in the store) is reported and the
 * run goes on: the other days are kept.
 */
export async function ingestRange(options: IngestRangeOptions): Promise<IngestReport> {
  const now = options.now ?? (() => new Date());
  const dates = dayRange(options.from, options.to);
  const report: IngestReport = { days: [], warnings: [], failed: 0 };
  for (const date of dates) {
    const day = await ingestDay(date, options, now, report.warnings);
    report.days.push(day);
    if (day.status === 'failed') report.failed++;
    options.onProgress?.({ done: report.days.length, total: dates.length, day });
    if (day.status === 'failed' && options.stopAtFailure) break;
  }
  return report;
}

async function ingestDay(date: string, options: IngestRangeOptions, now: () => Date, warnings: IngestWarning[]): Promise<DayResult> {
  let fetched: Awaited<ReturnType<DailyPapersSource['fetchDay']>>;
  try {
    fetched = await options.source.fetchDay(date);
  } catch (error) {
    return { date, status: 'failed', message: `could not fetch the day: ${plain(error)}` };
  }
  warnings.push(...fetched.warnings);
  if (fetched.status !== 'ok') return { date, status: fetched.status, message: fetched.message };
  try {
    const stored = await options.repo.storeDay(date, fetched.papers, now());
    return { date, status: 'stored', ...stored };
  } catch (error) {
    return { date, status: 'failed', message: `the day was read but could not be stored, so none of it was kept: ${plain(error)}` };
  }
}

function plain(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 300);
}
