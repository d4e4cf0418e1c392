import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonPress, event, interaction, slashCommand } from '../helpers/signed-request.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ HOST: '127.0.0.1' });
});

afterAll(async () => {
  await h?.stop();
});

const endpoint = () => `${h.url}/slack/events`;
const settle = (ms = 600) => new Promise((r) => setTimeout(r, ms));
const postsIn = (channel: string) => h.slack.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);

describe('each Slack event and each post a person asked for, once', () => {
  it('a mention delivered three times (the same event_id, X-Slack-Retry-Num 1 and 2) is answered once', async () => {
    const mention = { type: 'app_mention', user: 'U1', text: '<@UBOT> diffusion', ts: '1700000100.000100', channel: 'C7', event_ts: '1700000100.000100' };
    const first = await event(endpoint(), mention, { eventId: 'EvTRIPLE' });
    const second = await event(endpoint(), mention, { eventId: 'EvTRIPLE', retryNum: 1 });
    const third = await event(endpoint(), mention, { eventId: 'EvTRIPLE', retryNum: 2 });
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    await h.slack.waitFor('chat.postMessage', 1);
    await settle();
    expect(postsIn('C7')).toHaveLength(1);
    expect(postsIn('C7')[0]!.body.thread_ts).toBe('1700000100.000100');
    expect(h.logs.filter((l) => l.includes('delivered again; ignored'))).toHaveLength(2);
  });

  it('the same event id in another workspace is another event', async () => {
    const mention = { type: 'app_mention', user: 'U9', text: '<@UBOT> diffusion', ts: '1700000101.000100', channel: 'C8', event_ts: '1700000101.000100' };
    await event(endpoint(), mention, { eventId: 'EvTRIPLE', teamId: 'T2' });
    await h.slack.waitFor('chat.postMessage', postsIn('C7').length + 1);
    await settle(300);
    expect(postsIn('C8')).toHaveLength(1);
  });

  it('Share after a 5xx that did post: the card and its summary land once, found by their key before any re-send', async () => {
    await slashCommand(endpoint(), { text: 'attention', channel_id: 'C5', response_url: h.slack.responseUrl('once-search') });
    const [results] = await h.slack.waitFor('respond:once-search');
    const share = (results!.body.blocks as any[])
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements)
      .find((e: any) => e.action_id.startsWith('paper_share'));
    // Slack takes the card, then answers 500: the app cannot know it landed without looking.
    h.slack.fail('chat.postMessage', { status: 500, landAnyway: true, body: { ok: false, error: 'internal_error' } });
    const res = await interaction(endpoint(), buttonPress(share.action_id, share.value, h.slack.responseUrl('once-share'), { channel: 'C5' }));
    expect(res.status).toBe(200);
    const deadline = Date.now() + 5000;
    while (postsIn('C5').length < 2 && Date.now() < deadline) await settle(50);
    await settle();
    const landed = h.slack.messages.get('C5') ?? [];
    expect(landed.filter((m) => !m.thread_ts)).toHaveLength(1);
    expect(landed.filter((m) => m.thread_ts)).toHaveLength(1);
    expect(h.slack.callsTo('conversations.history').some((c) => c.body.channel === 'C5')).toBe(true);
    expect(postsIn('C5')).toHaveLength(2);
  });

  it('/healthz says the database answers; HOST is the listening address', async () => {
    const res = await fetch(`${h.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, database: 'up', store: 'sqlite' });
    expect(h.logs.some((l) => l.includes('listening for Slack on 127.0.0.1'))).toBe(true);
  });
});
