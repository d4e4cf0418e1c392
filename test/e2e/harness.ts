import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import { createLog } from '../../src/util/log.js';
import { startPaperwire, type Running } from '../../src/app/start.js';
import { CORPUS_DIR } from '../helpers/corpus.js';
import { SIGNING_SECRET } from '../helpers/signed-request.js';
import { SlackStandIn } from '../helpers/slack-stand-in.js';

export const BOT_TOKEN = 'xoxb-test-0000-secret';

export interface Harness {
  slack: SlackStandIn;
  app: Running;
  url: string;
  dbPath: string;
  logs: string[];
  stop(): Promise<void>;
}

/** The real app in HTTP mode on a free port, its Web API pointed at a local stand-in for Slack. */
export async function startHarness(env: Record<string, string> | ((slack: SlackStandIn) => Record<string, string>) = {}): Promise<Harness> {
  const slack = await new SlackStandIn().start();
  const extra = typeof env === 'function' ? env(slack) : env;
  const dbPath = join(mkdtempSync(join(tmpdir(), 'paperwire-e2e-')), 'paperwire.db');
  const config: Config = {
    ...loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PAPERWIRE_DB: dbPath,
      PAPERWIRE_CORPUS_DIR: CORPUS_DIR,
      // No test reaches the network: fresh papers come from a stand-in when a test wants them.
      PAPERWIRE_INGEST: 'off',
      ...extra,
    }),
    port: 0,
  };
  const logs: string[] = [];
  const app = await startPaperwire(config, { log: createLog({ sink: (line) => logs.push(line), secrets: [BOT_TOKEN, SIGNING_SECRET] }) });
  return {
    slack,
    app,
    url: `http://127.0.0.1:${app.port}`,
    dbPath,
    logs,
    async stop() {
      await app.stop();
      await slack.stop();
    },
  };
}
