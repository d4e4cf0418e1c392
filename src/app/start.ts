import type { Readable, Writable } from 'node:stream';
import { WebClient } from '@slack/web-api';
import type { Config } from '../config.js';
import { runShell } from '../shell/shell.js';
import { createSlackApp } from '../slack/app.js';
import { digestClient, slackDigestDelivery } from '../slack/digest-delivery.js';
import { pruneLedgerEvery } from '../slack/event-ledger.js';
import { slackLogger } from '../slack/logger.js';
import { slackUserTimezone } from '../slack/users.js';
import type { Log } from '../util/log.js';
import { createRuntime } from './runtime.js';

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

/** Starts what the config asks for: Socket Mode, HTTP mode, or the local shell. */
export async function startPaperwire(config: Config, options: StartOptions): Promise<Running> {
  const { log, now } = options;
  if (config.mode === 'shell') {
    const rt = await createRuntime(config, { log, now });
    const io = options.shellIO ?? { input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) };
    rt.start();
    const finished = runShell(rt, io).finally(() => rt.close());
    return { mode: 'shell', finished, stop: () => rt.close() };
  }

  const rt = await createRuntime(config, {
    log,
    now,
    delivery: slackDigestDelivery(digestClient(config, log), log),
    schedule: true,
    userTimezone: slackUserTimezone(new WebClient(config.slack.botToken, { slackApiUrl: config.slack.apiUrl, logger: slackLogger(log), timeout: 10_000 })),
  });
  const slack = createSlackApp(rt);
  try {
    await slack.start();
  } catch (error) {
    await rt.close();
    throw error;
  }
  rt.start();
  const stopPruning = pruneLedgerEvery(rt);
  log.info(
    config.mode === 'socket' ? 'connected to Slack in Socket Mode' : `listening for Slack on ${config.host ?? 'every interface'}, port ${slack.port()}`,
    { store: rt.store.kind },
  );
  let stopped: Promise<void> | undefined;
  return {
    mode: config.mode,
    port: slack.port(),
    finished: new Promise<void>(() => {}),
    stop() {
      stopPruning();
      stopped ??= slack.stop().then(() => rt.close());
      return stopped;
    },
  };
}
