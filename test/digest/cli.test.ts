import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../helpers/corpus.js';
import { SlackStandIn } from '../helpers/slack-stand-in.js';
import { digestPosts, tempDb } from './harness.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

let slack: SlackStandIn;
beforeEach(async () => {
  slack = await new SlackStandIn().start();
});
afterEach(() => slack.stop());

function paperwire(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', PAPERWIRE_CORPUS_DIR: CORPUS_DIR, PAPERWIRE_CORPUS_YEAR: '2026', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const done = new Promise<{ code: number | null; out: string; err: string }>((resolve) => child.on('close', (code) => resolve({ code, out, err })));
  return { child, done };
}

describe('paperwire digest', () => {
  it('--dry-run --json prints the digest it would post, and posts nothing', async () => {
    const { code, out } = await paperwire(['digest', '--channel', 'C1', '--now', '2026-11-23T09:00:00Z', '--dry-run', '--json'], { PAPERWIRE_DB: tempDb() })
      .done;
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['channel', 'date', 'hotTopics', 'items']);
    expect(json).toMatchObject({ channel: 'C1', date: '2026-11-23' });
    expect(json.items).toHaveLength(5);
    expect(Object.keys(json.items[0])).toEqual(['id', 'title', 'score', 'why', 'tldr']);
    expect(json.hotTopics.length).toBeGreaterThan(0);
  });

  it('explains a wrong channel, time or a missing token with exit code 2', async () => {
    const db = tempDb();
    expect((await paperwire(['digest', '--channel', 'general', '--dry-run'], { PAPERWIRE_DB: db }).done).err).toContain('Slack channel id');
    const badNow = await paperwire(['digest', '--channel', 'C1', '--now', 'tomorrow', '--dry-run'], { PAPERWIRE_DB: db }).done;
    expect(badNow.code).toBe(2);
    expect(badNow.err).toContain('ISO-8601');
    const noToken = await paperwire(['digest', '--channel', 'C1'], { PAPERWIRE_DB: db }).done;
    expect(noToken.code).toBe(2);
    expect(noToken.err).toContain('SLACK_BOT_TOKEN');
  });

  it('posts once per local date; a second run says so', async () => {
    const env = {
      PAPERWIRE_DB: tempDb(),
      SLACK_BOT_TOKEN: 'xoxb-cli-test',
      SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef0123456789',
      SLACK_API_URL: slack.apiUrl,
    };
    const first = await paperwire(['digest', '--channel', 'C1', '--now', '2026-11-23T09:00:00Z'], env).done;
    expect(first.code).toBe(0);
    expect(first.out).toContain('Posted the digest for 2026-11-23');
    const second = await paperwire(['digest', '--channel', 'C1', '--now', '2026-11-23T15:00:00Z'], env).done;
    expect(second.code).toBe(0);
    expect(second.out).toContain('already posted');
    expect(digestPosts(slack).parents).toHaveLength(1);
    expect(digestPosts(slack).replies).toHaveLength(5);
  });

  it.each([
    ['the parent', 1],
    ['the first reply', 2],
    ['a middle reply', 4],
    ['the last reply', 6],
  ])('a process killed while Slack takes %s is completed by the next run: one parent, every reply once', async (_, step) => {
    const env = {
      PAPERWIRE_DB: tempDb(),
      SLACK_BOT_TOKEN: 'xoxb-cli-test',
      SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef0123456789',
      SLACK_API_URL: slack.apiUrl,
    };
    for (let i = 1; i < step; i++) slack.fail('chat.postMessage', { passThrough: true });
    slack.fail('chat.postMessage', { passThrough: true, delayMs: 20_000 }); // Slack has it; the process dies waiting for the answer
    const { child, done } = paperwire(['digest', '--channel', 'C1', '--now', '2026-11-23T09:00:00Z'], env);
    await slack.waitFor('chat.postMessage', step, 15_000);
    child.kill('SIGKILL');
    await done;

    const resumed = await paperwire(['digest', '--channel', 'C1', '--now', '2026-11-23T09:05:00Z'], env).done;
    expect(resumed.code).toBe(0);
    expect(resumed.out).toContain('Finished the digest');
    const inChannel = slack.messages.get('C1')!;
    expect(inChannel.filter((m) => m.thread_ts === undefined)).toHaveLength(1);
    const replies = inChannel
      .filter((m) => m.thread_ts !== undefined)
      .map((m) => (m.metadata as { event_payload: { paper_id: string } }).event_payload.paper_id);
    expect(replies).toHaveLength(5);
    expect(new Set(replies).size).toBe(5);
  });
});
