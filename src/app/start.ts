import type { Readable, Writable } from 'node:stream';
import type { Config } from '../config.js';
import { runShell } from '../shell/shell.js';
import { createSlackApp } from '../slack/app.js';
import { slackDigestDelivery, workspaceDigestClients } from '../slack/digest-delivery.js';
import { pruneLedgerEvery } from '../slack/event-ledger.js';
import { workspaceTokens } from '../slack/installations.js';
import { slackUserTimezone } from '../slack/users.js';
import type { Store } from '../store/store.js';
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

  // Each workspace's token: the one SLACK_BOT_TOKEN, or (OAuth) its installation in the store, which
  // the runtime opens; nothing asks for a token before the runtime is started.
  let store: Store | undefined;
  const tokenFor = async (teamId: string) => {
    if (!store) throw new Error('a Slack token was asked for before the store was open');
    return workspaceTokens(config, store, log)(teamId);
  };
  const clients = workspaceDigestClients(config, log, tokenFor);
  const rt = await createRuntime(config, {
    log,
    now,
    delivery: slackDigestDelivery(clients, log),
    schedule: true,
    userTimezone: slackUserTimezone(clients),
  });
  store = rt.store;
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
