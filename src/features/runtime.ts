import type { Config } from '../config.js';
import type { DigestDelivery } from '../digest/delivery.js';
import type { DigestContext } from '../digest/run.js';
import type { DigestScheduler } from '../digest/scheduler.js';
import type { Library } from '../library/library.js';
import type { Store } from '../store/store.js';
import type { Summarizer } from '../summary/service.js';
import type { Log } from '../util/log.js';

/** What the `/papers digest` commands need besides the library and the store. */
export interface DigestServices {
  /** Where digests go; absent in the shell, which posts through its own surface. */
  delivery?: DigestDelivery;
  /** Absent in the shell and the CLI: nothing is scheduled there. */
  scheduler?: DigestScheduler;
  /** The IANA timezone of a person (of a workspace), when the platform knows it. */
  userTimezone(userId: string, teamId: string): Promise<string | undefined>;
  /** This process, as the owner of the runs it posts. */
  owner: string;
}

/**
 * What every feature, the digest and the adapters work with; src/app/runtime.ts builds it (once, for
 * the app, the CLI and the tests). `library()` is called once per request: a reload swaps it whole.
 */
export interface Runtime extends DigestContext {
  config: Config;
  log: Log;
  store: Store;
  summarizer: Summarizer;
  library(): Library;
  /** The one clock (the CLI's --now and the tests replace it). */
  now(): Date;
  digest: DigestServices;
  /** Takes in papers another process fetched since this library was made (the app; absent in tests that pass a library). */
  syncIngested?(): Promise<void>;
  /** Starts the background work: digest schedules, fresh papers. */
  start(): void;
  /** Stops the background work (a digest being posted finishes its run), then closes the store; safe twice. */
  close(): Promise<void>;
}
