import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/sqlite.js';
import { expectValidMessage, expectValidView } from '../helpers/block-kit.js';
import { event, slashCommand } from '../helpers/signed-request.js';
import type { RecordedCall } from '../helpers/slack-stand-in.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

let n = 0;
async function papers(text: string, user = 'U1', channel = 'C1'): Promise<RecordedCall> {
  const id = `digest${++n}`;
  const res = await slashCommand(`${h.url}/slack/events`, { text, user_id: user, channel_id: channel, response_url: h.slack.responseUrl(id) });
  expect(res.status).toBe(200);
  const [call] = await h.slack.waitFor(`respond:${id}`);
  expectValidMessage(call!.body);
  return call!;
}
const said = (call: RecordedCall) => JSON.stringify(call.body.blocks);

async function inStore<T>(read: (store: ReturnType<typeof openStore>) => Promise<T>): Promise<T> {
  const store = openStore(h.dbPath);
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

describe('/papers digest in Slack', () => {
  it('subscribes a channel in the subscriber’s Slack timezone and shows the next run', async () => {
    const call = await papers('digest on at 08:30 daily top 3');
    expect(said(call)).toContain('Subscribed');
    expect(said(call)).toContain('every day at 08:30 (Europe/Paris), top 3');
    expect(said(call)).toContain('Next:');
    expect(h.slack.callsTo('users.info').some((c) => c.body.user === 'U1')).toBe(true);
    expect(await inStore((s) => s.subscriptions.get('T1', 'C1'))).toMatchObject({
      time: '08:30',
      timezone: 'Europe/Paris',
      cadence: 'daily',
      topN: 3,
      createdBy: 'U1',
    });
    expect(said(await papers('digest'))).toContain('every day at 08:30 (Europe/Paris)');
  });

  it('falls back to UTC and says so when Slack does not know the person’s timezone', async () => {
    const call = await papers('digest on', 'U404', 'C2');
    expect(said(call)).toContain('runs on UTC');
    expect((await inStore((s) => s.subscriptions.get('T1', 'C2')))!.timezone).toBe('UTC');
  });

  it('explains every wrong argument', async () => {
    expect(said(await papers('digest on tz Mars/Olympus_Mons'))).toContain('not a timezone');
    expect(said(await papers('digest on at 25:00'))).toContain('not a time');
    expect(said(await papers('digest on top 11'))).toContain('from 1 to 10');
    expect(said(await papers('digest sometimes'))).toContain('Unknown digest option');
  });

  it('`digest now` posts the digest in the channel with the summaries in its thread; reactions on a reply count', async () => {
    const call = await papers('digest now', 'U1', 'C3');
    expect(said(call)).toContain('Posted the digest');
    const posts = h.slack.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C3');
    const parent = posts.find((p) => !p.body.thread_ts)!;
    const replies = posts.filter((p) => p.body.thread_ts);
    expect(replies.length).toBe(5);
    for (const p of posts) expectValidMessage(p.body);
    const replyTs = h.slack.messages.get('C3')!.find((m) => m.thread_ts)!.ts as string;
    expect(parent).toBeDefined();

    await event(`${h.url}/slack/events`, {
      type: 'reaction_added',
      user: 'U2',
      reaction: 'fire',
      item: { type: 'message', channel: 'C3', ts: replyTs },
      event_ts: '1700000009.000100',
    });
    const deadline = Date.now() + 3000;
    while (!(await inStore((s) => s.engagement.since('T1', new Date(0)))).some((e) => e.kind === 'reaction') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect((await inStore((s) => s.engagement.since('T1', new Date(0)))).filter((e) => e.kind === 'reaction')).toHaveLength(1);
  });

  it('lists the workspace’s subscriptions on the App Home, then `digest off` removes one', async () => {
    const before = h.slack.callsTo('views.publish').length;
    await event(`${h.url}/slack/events`, { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '1700000010.000100' });
    const view = (await h.slack.waitFor('views.publish', before + 1))[before]!.body.view;
    expectValidView(view);
    expect(JSON.stringify(view.blocks)).toContain('Daily digests in this workspace');
    expect(JSON.stringify(view.blocks)).toContain('<#C1>');

    expect(said(await papers('digest off'))).toContain('turned off');
    expect(await inStore((s) => s.subscriptions.get('T1', 'C1'))).toBeUndefined();
    expect(said(await papers('digest off'))).toContain('nothing to turn off');
  });
});
