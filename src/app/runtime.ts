import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import type { DigestDelivery } from '../digest/delivery.js';
import { type CronSchedule, createDigestScheduler } from '../digest/scheduler.js';
import type { Runtime } from '../features/runtime.js';
import { type Library, loadLibrary } from '../library/library.js';
import { liveLibrary } from '../library/live.js';
import { openConfiguredStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { createSummarizer } from '../summary/service.js';
import type { Log } from '../util/log.js';

export interface RuntimeOptions {
  log: Log;
  now?: () => Date;
  /** A library to serve as it is (the CLI's --corpus; tests may pass a function to swap it); otherwise the configured corpus, watched for changes. */
  library?: Library | (() => Library);
  /** Where digests go; with `schedule`, they are also posted on each subscription's schedule. */
  delivery?: DigestDelivery;
  schedule?: boolean;
  /** Tests fire schedules by hand. */
  cron?: CronSchedule;
  userTimezone?: (userId: string) => Promise<string | undefined>;
  owner?: string;
}

/** The one place the parts are put together: library, store, summariser, digest services. */
export async function createRuntime(config: Config, options: RuntimeOptions): Promise<Runtime> {
  const { log } = options;
  const now = options.now ?? (() => new Date());
  const owner = options.owner ?? randomUUID();
  const given = options.library;
  const library = given ? { current: typeof given === 'function' ? given : () => given, close() {} } : await watchedLibrary(config, log, now);
  let store: Store;
  try {
    store = await openConfiguredStore(config, log);
  } catch (error) {
    library.close();
    throw error;
  }
  const summarizer = createSummarizer({ model: config.model, cache: store.summaries, log });
  const context = { store, summarizer, log, library: library.current, now, leaseMs: config.digestLeaseMs };
  const scheduler =
    options.delivery && options.schedule
      ? createDigestScheduler(context, options.delivery, { catchUpMs: config.catchUpMs, owner, cron: options.cron })
      : undefined;
  let closed: Promise<void> | undefined;
  return {
    ...context,
    config,
    digest: {
      delivery: options.delivery,
      scheduler,
      owner,
      userTimezone: options.userTimezone ?? (async () => Intl.DateTimeFormat().resolvedOptions().timeZone),
    },
    start: () => scheduler?.start(),
    close() {
      closed ??= (async () => {
        // A digest being posted finishes its current run before the store closes.
        await scheduler?.stop();
        library.close();
        await store.close();
      })();
      return closed;
    },
  };
}

/** The configured corpus (from its snapshot when fresh), rebuilt and swapped when a page changes. */
async function watchedLibrary(config: Config, log: Log, now: () => Date) {
  const started = Date.now();
  const build = (): Promise<Library> =>
    loadLibrary(config.corpusDir, {
      year: config.corpusYear,
      now: now(),
      onSnapshot: (event) => log.debug(`library snapshot: ${event.status}`, 'error' in event ? { error: event.error.message } : {}),
    });
  const initial = await build();
  log.info('library loaded', { papers: initial.papers.length, version: initial.version, warnings: initial.warnings.length, ms: Date.now() - started });
  return liveLibrary({ dir: config.corpusDir, initial, build, log });
}
