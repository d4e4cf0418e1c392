import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectValidMessage } from '../helpers/block-kit.js';
import { buttonPress, interaction, SIGNING_SECRET, slashCommand } from '../helpers/signed-request.js';
import { openStore } from '../../src/store/sqlite.js';
import { SlackStandIn } from '../helpers/slack-stand-in.js';

const MAIN = new URL('../../dist/main.js', import.meta.url).pathname;
const TOKEN = 'xoxb-main-test-secret';
let child: ChildProcess | undefined;
let slack: SlackStandIn | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await slack?.stop();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('npm start in HTTP mode', () => {
  it('serves Slack and /healthz, then stops cleanly on SIGTERM', async () => {
    slack = await new SlackStandIn().start();
    const port = await freePort();
    const db = join(mkdtempSync(join(tmpdir(), 'paperwire-main-')), 'paperwire.db');
    child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        PAPERWIRE_INGEST: 'off',
        SLACK_BOT_TOKEN: TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_APP_TOKEN: '',
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        PAPERWIRE_DB: db,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child!.on('close', resolve));

    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 15_000;
    let health: Response | undefined;
    while (!health) {
      try {
        health = await fetch(`${base}/healthz`);
      } catch {
        if (Date.now() > deadline) throw new Error(`paperwire did not start:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    expect(health.status).toBe(200);

    const res = await slashCommand(`${base}/slack/events`, { text: 'attention', response_url: slack.responseUrl('main') });
    expect(res.status).toBe(200);
    const [answer] = await slack.waitFor('respond:main');
    expectValidMessage(answer!.body);

    const paperId = JSON.stringify(answer!.body.blocks).match(/"value":"(p-[a-z0-9]+)"/)![1]!;
    await interaction(`${base}/slack/events`, buttonPress('paper_save:0', paperId, slack.responseUrl('saved')));
    await slack.waitFor('respond:saved');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('SIGTERM: stopping');
    expect(output).not.toContain(TOKEN);
    // The database was closed cleanly (its write-ahead log folded in) and kept the save.
    expect(existsSync(`${db}-wal`)).toBe(false);
    const store = openStore(db);
    expect((await store.saves.list('T1', 'U1')).map((s) => s.paperId)).toEqual([paperId]);
    await store.close();
  });
});
