import { type ChildProcess, spawn } from 'node:child_process';
import type { Subscription } from '../../src/digest/types.js';
import { openPgStore } from '../../src/store/postgres.js';
import { createLog } from '../../src/util/log.js';
import { fromPackageRoot } from '../../src/util/paths.js';
import { freePort } from '../helpers/embedded-postgres.js';
import { SIGNING_SECRET } from '../helpers/signed-request.js';

const MAIN = fromPackageRoot('dist/main.js');
export const BOT_TOKEN = 'xoxb-replica-0000-secret';

export interface Replica {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** One paperwire process (`npm start`, HTTP mode) on PostgreSQL, its Web API pointed at the stand-in. */
export async function startReplica(databaseUrl: string, apiUrl: string, env: Record<string, string> = {}): Promise<Replica> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      PAPERWIRE_CORPUS_DIR: fromPackageRoot('data/corpus'),
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: apiUrl,
      DATABASE_URL: databaseUrl,
      // No test reaches the network; a test that wants fresh papers points them at a stand-in.
      PAPERWIRE_INGEST: 'off',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`replica exited at start:\n${output}`);
    if (output.includes('listening for Slack')) break;
    if (Date.now() > deadline) throw new Error(`replica did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    url,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Subscriptions whose slot passed ten minutes ago (UTC, daily), so every replica's first check finds them due. */
export async function subscribeDue(databaseUrl: string, channels: string[], topN = 3): Promise<void> {
  const store = await openPgStore(databaseUrl, { log: createLog({ sink: () => {} }) });
  const slot = new Date(Date.now() - 10 * 60_000);
  const time = `${String(slot.getUTCHours()).padStart(2, '0')}:${String(slot.getUTCMinutes()).padStart(2, '0')}`;
  try {
    for (const channelId of channels) {
      const subscription: Subscription = {
        channelId,
        teamId: 'T1',
        time,
        timezone: 'UTC',
        cadence: 'daily',
        topN,
        createdBy: 'U1',
        createdAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      };
      await store.subscriptions.upsert(subscription);
    }
  } finally {
    await store.close();
  }
}

export async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
