import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import type { DigestDelivery } from '../digest/delivery.js';
import { type CronSchedule, createDigestScheduler } from '../digest/scheduler.js';
import type { Runtime } from '../features/runtime.js';
import { dailyPapersClient } from '../ingest/client.js';
import { type Refresh, startIngestRefresh } from '../ingest/refresh.js';
import { createLibraryHolder, type LibraryHolder } from '../library/holder.js';
import { joinLibrarySteps, type Library, loadLibrary } from '../library/library.js';
import { liveLibrary } from '../library/live.js';
import { openConfiguredStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { createSummarizer } from '../summary/service.js';
import type { Log } from '../util/log.js';
import { runInSlices } from '../util/steps.js';

export interface RuntimeOptions {
  log: Log;
  now?: () => Date;
  /** A library to serve as it is (the CLI's, tests'; a function lets a test swap it); otherwise the configured corpus with the ingested papers, watched for changes. */
  library?: Library | (() => Library);
  /** Where digests go; with `schedule`, they are also posted on each subscription's schedule. */
  delivery?: DigestDelivery;
  schedule?: boolean;
  /** Tests fire schedules by hand. */
  cron?: CronSchedule;
  userTimezone?: (userId: string, teamId: string) => Promise<string | undefined>;
  owner?: string;
}

/** How often a process looks in the store for papers another process (or `paperwire ingest`) fetched. */
const STORE_POLL_MS = 60_000;

/** The one place the parts are put together: library, store, summariser, digest services, fresh papers. */
export async function createRuntime(config: Config, options: RuntimeOptions): Promise<Runtime> {
  const { log } = options;
  const now = options.now ?? (() => new Date());
  const owner = options.owner ?? randomUUID();
  const store = await openConfiguredStore(config, log);
  let holder: LibraryHolder;
  try {
    holder = await libraryHolder(config, options, store, log, now);
  } catch (error) {
    await store.close();
    throw error;
  }
  const summarizer = createSummarizer({ model: config.model, cache: store.summaries, log });
  const given = options.library;
  const context = { store, summarizer, log, library: typeof given === 'function' ? given : holder.current, now, leaseMs: config.digestLeaseMs };
  const scheduler =
    options.delivery && options.schedule
      ? createDigestScheduler(context, options.delivery, { catchUpMs: config.catchUpMs, owner, cron: options.cron })
      : undefined;

  // Papers the store has and the library not yet (fetched here or by another process) join the library.
  const syncIngested = async () => {
    const version = await store.ingested.version();
    if (version <= holder.current().ingestVersion) return;
    await holder.apply(async (library) =>
      runInSlices(joinLibrarySteps(library, { papers: await store.ingested.changedSince(library.ingestVersion), version })),
    );
  };

  let refresh: Refresh | undefined;
  // Stopping cuts a fetch or a retry wait short, so a shell or a replica stops at once even offline.
  const stopping = new AbortController();
  let poll: NodeJS.Timeout | undefined;
  let closed: Promise<void> | undefined;
  return {
    ...context,
    config,
    syncIngested,
    digest: {
      delivery: options.delivery,
      scheduler,
      owner,
      userTimezone: options.userTimezone ?? (async () => Intl.DateTimeFormat().resolvedOptions().timeZone),
    },
    start() {
      scheduler?.start();
      if (config.ingest.enabled && !refresh && !closed) {
        log.info(`fresh papers: fetching the last 3 days from ${config.ingest.apiUrl} now and every ${config.ingest.everyMs / 60_000} minutes`);
        const source = dailyPapersClient({
          baseUrl: config.ingest.apiUrl,
          now,
          fetch: (url, init) => fetch(url, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, stopping.signal]) : stopping.signal }),
          sleep: (ms) => abortableSleep(ms, stopping.signal),
          onRetry: (e) => log.debug(`fresh papers: ${e.date} page ${e.page}: ${e.reason}; trying again in ${Math.round(e.waitMs / 1000)} s`),
        });
        refresh = startIngestRefresh({
          source,
          repo: store.ingested,
          log,
          now,
          everyMs: config.ingest.everyMs,
          onStored: syncIngested,
          // Held a while past the next run, so the holder keeps it and a replica that died hands it over.
          mayFetch: () => store.leases.acquire('ingest', owner, now(), config.ingest.everyMs * 1.5),
        });
      }
      poll ??= setInterval(
        () => void syncIngested().catch((error: unknown) => log.warn('could not read fresh papers from the store', { error })),
        STORE_POLL_MS,
      );
      poll.unref();
    },
    close() {
      closed ??= (async () => {
        clearInterval(poll);
        stopping.abort();
        await refresh?.stop();
        // A digest being posted finishes its current run before the store closes.
        await scheduler?.stop();
        holder.close();
        await store.close();
      })();
      return closed;
    },
  };
}

/** The library with the ingested papers joined: the configured corpus watched for page changes, or the one given. */
async function libraryHolder(config: Config, options: RuntimeOptions, store: Store, log: Log, now: () => Date): Promise<LibraryHolder> {
  const withIngested = async (pages: Library): Promise<Library> => {
    const version = await store.ingested.version();
    return version === 0 ? pages : runInSlices(joinLibrarySteps(pages, { papers: await store.ingested.all(), version }));
  };
  const given = options.library;
  if (typeof given === 'function') return createLibraryHolder({ initial: given(), build: async () => given(), log });
  if (given) return createLibraryHolder({ initial: given, build: async () => given, log });
  const started = Date.now();
  const build = async (): Promise<Library> =>
    withIngested(
      await loadLibrary(config.corpusDir, {
        year: config.corpusYear,
        now: now(),
        onSnapshot: (event) => log.debug(`library snapshot: ${event.status}`, 'error' in event ? { error: event.error.message } : {}),
      }),
    );
  const initial = await build();
  log.info('library loaded', {
    papers: initial.papers.length,
    version: initial.version,
    ingested: initial.ingestVersion > 0,
    warnings: initial.warnings.length,
    ms: Date.now() - started,
  });
  return liveLibrary({ dir: config.corpusDir, initial, build, log });
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('stopped'));
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('stopped'))), { once: true });
  });
}
