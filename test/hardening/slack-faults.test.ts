import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectValidMessage } from '../helpers/block-kit.js';
import { buttonPress, interaction, slashCommand } from '../helpers/signed-request.js';
import type { RecordedCall } from '../helpers/slack-stand-in.js';
import { startHarness, type Harness } from '../e2e/harness.js';

/** Share posts to the channel through the Web API: the path where Slack's faults meet a person. */
let h: Harness;
let paperId: string;
beforeAll(async () => {
  h = await startHarness();
  await slashCommand(`${h.url}/slack/events`, { text: 'attention', response_url: h.slack.responseUrl('seed') });
  const [results] = await h.slack.waitFor('respond:seed');
  paperId = JSON.stringify(results!.body.blocks).match(/"value":"(p-[a-z0-9]+)"/)![1]!;
});
afterAll(() => h?.stop());

let n = 0;
async function share(): Promise<{ answer?: RecordedCall; posts: RecordedCall[] }> {
  const id = `share${++n}`;
  const before = h.slack.callsTo('chat.postMessage').length;
  await interaction(`${h.url}/slack/events`, buttonPress('paper_share:0', paperId, h.slack.responseUrl(id)));
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const answer = h.slack.callsTo(`respond:${id}`)[0];
    const posts = h.slack.callsTo('chat.postMessage').slice(before);
    if (answer || posts.some((p) => p.body.thread_ts)) return { answer, posts };
    await new Promise((r) => setTimeout(r, 20));
  }
  return { posts: h.slack.callsTo('chat.postMessage').slice(before) };
}

describe('Slack faults on a Share', () => {
  it('500s are retried with backoff and the card lands once', async () => {
    h.slack.fail('chat.postMessage', { status: 500, body: { ok: false } }, 2);
    const { posts } = await share();
    const delivered = posts.filter((p) => !p.body.thread_ts);
    expect(delivered.length).toBe(3); // two failures, then the card
    expect(h.slack.messages.get('C1')!.filter((m) => !m.thread_ts)).toHaveLength(1);
  });

  it('a Slack that keeps failing is reported to the person', async () => {
    h.slack.fail('chat.postMessage', { status: 503, body: { ok: false } }, 4); // the first try and Bolt's client's 3 retries
    const { answer } = await share();
    expect(answer).toBeDefined();
    expectValidMessage(answer!.body);
    expect(JSON.stringify(answer!.body.blocks)).toContain('Slack answered with an error');
  });

  it('invalid_blocks: the payload shape is logged and a plain-text card is posted instead', async () => {
    h.slack.fail('chat.postMessage', { body: { ok: false, error: 'invalid_blocks' } });
    const { posts } = await share();
    const fallback = posts.find((p) => !p.body.thread_ts && p.body.blocks === undefined);
    expect(fallback?.body.text).toBeTruthy();
    const line = h.logs.find((l) => l.includes('sending it as plain text'))!;
    expect(line).toContain('"shape"');
    expect(line).toContain('"type":"section"');
  });

  it.each([
    ['not_in_channel', '/invite @paperwire'],
    ['channel_not_found', "can't see that channel"],
    ['is_archived', 'archived'],
    ['token_revoked', 'reinstall the app'],
    ['account_inactive', 'reinstall the app'],
  ])('%s: the person is told what to do', async (error, expected) => {
    h.slack.fail('chat.postMessage', { body: { ok: false, error } });
    const { answer } = await share();
    expectValidMessage(answer!.body);
    expect(JSON.stringify(answer!.body.blocks)).toContain(expected);
    expect(h.logs.some((l) => l.includes('Slack refused a message') && l.includes(error))).toBe(true);
  });
});
