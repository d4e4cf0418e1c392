import type { Config } from '../config.js';
import type { Log } from '../util/log.js';
import type { Library } from '../library/library.js';
import type { Store } from '../store/store.js';
import type { Summarizer } from '../summary/service.js';
import type { DigestServices } from '../digest/services.js';

/** What every handler, the digest and the shell work with: one place to swap a library or a clock. */
export interface Runtime {
  config: Config;
  log: Log;
  store: Store;
  summarizer: Summarizer;
  /** The library now; a corpus reload swaps it atomically, so a request always sees one version. */
  library(): Library;
  now(): Date;
  /** Posting and scheduling digests; set once Slack (or the shell) is up. */
  digest?: DigestServices;
}
