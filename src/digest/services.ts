import type { DigestPoster } from './delivery.js';
import type { DigestScheduler } from './scheduler.js';

/** What the `/papers digest` commands need beyond the runtime; set when the app (or shell) starts. */
export interface DigestServices {
  /** Absent in the shell: it posts through the shell's own surface. */
  poster?: DigestPoster;
  /** Absent in the shell and the CLI: nothing is scheduled there. */
  scheduler?: DigestScheduler;
  /** The IANA timezone of a person, when Slack knows it. */
  userTimezone(userId: string): Promise<string | undefined>;
  /** This process, as the owner of the runs it posts. */
  owner: string;
}
