import type { Readable, Writable } from 'node:stream';
import type { Config } from '../config.js';
import { loadLibrary, type Library } from '../library/library.js';
import { liveLibrary } from '../library/live.js';
import type { Log } from '../util/log.js';
import type { Runtime } from './runtime.js';
import { openStore } from '../store/sqlite.js';
import { createSummarizer } from '../summary/service.js';
import { randomUUID } from 'node:crypto';
import { startDigestScheduler } from '../digest/scheduler.js';
import { digestClient, slackDigestPoster } from '../slack/digest-delivery.js';
import { createSlackApp } from '../slack/app.js';
import { runShell } from '../shell/shell.js';

export interface Running {
  mode: Config['mode'];
  /** HTTP mode: the port it listens on. */
  port?: number;
  /** Resolves when the shell ends (quit or end of input); never for the Slack modes. */
  finished: Promise<void>;
  /** Stops listening and closes the store; safe to call twice. */
  stop(): Promise<void>;
}

export interface StartOptions {
  log: Log;
  now?: () => Date;
  /** The shell's terminal (process stdin/stdout in `npm start`). */
  shellIO?: { input: Readable; output: Writable; interactive: boolean };
}

/** Loads the corpus, opens the store and the summarizer: everything a handler needs. */
export async function openRuntime(config: Config, options: StartOptions): Promise<Runtime & { close(): void }> {
  const now = options.now ?? (() => new Date());
  const started = Date.now();
  // From the snapshot in data/.cache when the page files have not changed since it was written.
  const build = (): Promise<Library> =>
    loadLibrary(config.corpusDir, {
      year: config.corpusYear,
      now: now(),
      onSnapshot: (event) => options.log.debug(`library snapshot: ${event.status}`, 'error' in event ? { error: event.error.message } : {}),
    });
  const library = await build();
  options.log.info('library loaded', { papers: library.papers.length, version: library.version, warnings: library.warnings.length, ms: Date.now() - started });
  const store = openStore(config.dbPath);
  const summarizer = createSummarizer({ model: config.model, cache: store.summaries, log: options.log });
  // A page added, changed or removed in the corpus directory is picked up without a restart.
  const live = liveLibrary({ dir: config.corpusDir, initial: library, build, log: options.log });
  const close = () => {
    live.close();
    store.close();
  };
  return { config, log: options.log, store, summarizer, library: live.current, now, close };
}

/** Starts what the config asks for: Socket Mode, HTTP mode, or the local shell. */
export async function startPaperwire(config: Config, options: StartOptions): Promise<Running> {
  const rt = await openRuntime(config, options);
  let stopped = false;
  const closeStore = () => {
    if (stopped) return;
    stopped = true;
    rt.close();
  };

  if (config.mode === 'shell') {
    const io = options.shellIO ?? { input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) };
    rt.digest = { userTimezone: async () => Intl.DateTimeFormat().resolvedOptions().timeZone, owner: randomUUID() };
    const finished = runShell(rt, io).finally(closeStore);
    return { mode: 'shell', finished, stop: async () => closeStore() };
  }

  const slack = createSlackApp(rt);
  try {
    await slack.start();
  } catch (error) {
    closeStore();
    throw error;
  }
  const client = slack.app.client;
  const poster = slackDigestPoster(digestClient(config, rt.log), rt.log);
  const scheduler = startDigestScheduler(rt, poster);
  rt.digest = {
    poster,
    scheduler,
    owner: randomUUID(),
    userTimezone: async (user) => ((await client.users.info({ user })).user as { tz?: string } | undefined)?.tz,
  };
  options.log.info(config.mode === 'socket' ? 'connected to Slack in Socket Mode' : `listening for Slack on port ${slack.port()}`);
  return {
    mode: config.mode,
    port: slack.port(),
    finished: new Promise<void>(() => {}),
    async stop() {
      if (stopped) return;
      await slack.stop();
      // A digest being posted finishes its current run before the store closes.
      await scheduler.stop();
      closeStore();
    },
  };
}
