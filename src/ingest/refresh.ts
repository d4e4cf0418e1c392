import type { Log } from '../util/log.js';
import { addDays, utcDay } from './dates.js';
import { type IngestReport, ingestRange } from './run.js';
import type { DailyPapersSource, IngestRepo } from './types.js';

export interface RefreshOptions {
  source: DailyPapersSource;
  repo: IngestRepo;
  log: Log;
  now(): Date;
  /** How often the last days are fetched again (PAPERWIRE_INGEST_EVERY_MINUTES). */
  everyMs: number;
  /** Today and the days before it, in UTC (default 3). */
  days?: number;
  /** After each run that stored something: the library takes in what changed. */
  onStored(): Promise<void>;
  /** Whether this process may fetch now (one replica at a time; the others read what it stored). */
  mayFetch?: () => Promise<boolean>;
  /** Tests replace the timer. */
  schedule?: (run: () => void, ms: number) => { cancel(): void };
}

export interface Refresh {
  /** Fetches now (a run in progress is waited for instead); never rejects. */
  runNow(): Promise<IngestReport | undefined>;
  stop(): Promise<void>;
}

const timer = (run: () => void, ms: number) => {
  const handle = setTimeout(run, ms);
  handle.unref();
  return { cancel: () => clearTimeout(handle) };
};

/**
 * Keeps the library fresh: fetches the last days of the daily papers API at once, then every
 * `everyMs`. A failure is one log line that says when the next try is; nothing is thrown, so an
 * air-gapped box serves what it has.
 */
export function startIngestRefresh(options: RefreshOptions): Refresh {
  const { log, repo, source, everyMs } = options;
  const schedule = options.schedule ?? timer;
  const span = options.days ?? 3;
  let stopped = false;
  let running: Promise<IngestReport | undefined> | undefined;
  let next: { cancel(): void } | undefined;

  const nextAt = () => new Date(options.now().getTime() + everyMs).toISOString().slice(0, 16).replace('T', ' ');

  async function run(): Promise<IngestReport | undefined> {
    try {
      if (options.mayFetch && !(await options.mayFetch())) {
        log.debug('fresh papers: another process is fetching them; this one reads them from the store');
        return undefined;
      }
    } catch (error) {
      log.warn(`fresh papers: could not tell whether another process is fetching (${(error as Error).message}); next try at ${nextAt()} UTC`);
      return undefined;
    }
    const to = utcDay(options.now());
    const from = addDays(to, -(span - 1));
    let report: IngestReport;
    try {
      report = await ingestRange({ from, to, source, repo, now: options.now, stopAtFailure: true });
    } catch (error) {
      if (stopped) return undefined;
      log.warn(`fresh papers: the refresh failed (${(error as Error).message}); next try at ${nextAt()} UTC`);
      return undefined;
    }
    if (stopped) return report;
    for (const day of report.days) {
      if (day.status === 'failed') log.warn(`fresh papers: ${day.date} could not be fetched (${day.message}); next try at ${nextAt()} UTC`);
    }
    if (report.warnings.length > 0) log.info(`fresh papers: ${report.warnings.length} items or fields left out`, { first: report.warnings[0] });
    const stored = report.days.flatMap((d) => (d.status === 'stored' ? [d] : []));
    const added = stored.reduce((n, d) => n + d.new, 0);
    const updated = stored.reduce((n, d) => n + d.updated, 0);
    if (stored.length > 0)
      log.info('fresh papers fetched', { from, to, days: stored.length, papers: stored.reduce((n, d) => n + d.papers, 0), new: added, updated });
    if (added + updated > 0) {
      try {
        await options.onStored();
      } catch (error) {
        log.error('fresh papers were stored but the library could not take them in; they will be on the next try', { error });
      }
    }
    return report;
  }

  function runNow(): Promise<IngestReport | undefined> {
    if (stopped) return Promise.resolve(undefined);
    running ??= run().finally(() => {
      running = undefined;
      if (!stopped) {
        next?.cancel();
        next = schedule(() => void runNow(), everyMs);
      }
    });
    return running;
  }

  void runNow();
  return {
    runNow,
    async stop() {
      stopped = true;
      next?.cancel();
      await running;
    },
  };
}
