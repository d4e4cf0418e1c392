import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/sqlite.js';
import { expectValidMessage, expectValidView } from '../helpers/block-kit.js';
import { buttonPress, event, interaction, sendSigned, slashCommand } from '../helpers/signed-request.js';
import type { RecordedCall } from '../helpers/slack-stand-in.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
const ackTimes: number[] = [];

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.stop();
  if (ackTimes.length > 0) {
    const sorted = [...ackTimes].sort((a, b) => a - b);
    console.log(
      `slash command ack latency over ${sorted.length} requests: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms`,
    );
  }
});

const endpoint = () => `${h.url}/slack/events`;
let responses = 0;

/** Sends `/papers <text>` and returns what the app posted to the command's response_url. */
async function papers(text: string, user = 'U1'): Promise<RecordedCall> {
  const id = `cmd${++responses}`;
  const started = performance.now();
  const res = await slashCommand(endpoint(), { text, user_id: user, response_url: h.slack.responseUrl(id) });
  ackTimes.push(performance.now() - started);
  expect(res.status).toBe(200);
  const [call] = await h.slack.waitFor(`respond:${id}`);
  return call!;
}

function buttonPayload(actionId: string, value: string, responseId: string, options: { ephemeral?: boolean; channel?: string } = {}) {
  return buttonPress(actionId, value, h.slack.responseUrl(responseId), options);
}

async function press(actionId: string, value: string, options?: { ephemeral?: boolean; channel?: string }): Promise<RecordedCall> {
  const id = `btn${++responses}`;
  const res = await interaction(endpoint(), buttonPayload(actionId, value, id, options));
  expect(res.status).toBe(200);
  const [call] = await h.slack.waitFor(`respond:${id}`);
  return call!;
}

function buttons(call: RecordedCall, prefix: string): Array<{ action_id: string; value: string }> {
  return (call.body.blocks as any[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements)
    .filter((e: any) => e.action_id.startsWith(prefix));
}

const text = (call: RecordedCall) => JSON.stringify(call.body.blocks);

describe('HTTP mode as Slack meets it', () => {
  it('answers /healthz with the corpus size', async () => {
    const res = await fetch(`${h.url}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { papers: number; uptimeSeconds: number };
    expect(body.papers).toBeGreaterThan(100);
    expect(typeof body.uptimeSeconds).toBe('number');
  });

  it('acks /papers at once and answers privately with 5 results, buttons and Next', async () => {
    const call = await papers('attention');
    expect(call.body.response_type).toBe('ephemeral');
    expectValidMessage(call.body);
    expect(buttons(call, 'paper_summary')).toHaveLength(5);
    expect(buttons(call, 'paper_share')).toHaveLength(5);
    expect(buttons(call, 'paper_save')).toHaveLength(5);
    expect(buttons(call, 'paper_more')).toHaveLength(5);
    const [next] = buttons(call, 'search_next');
    expect(JSON.parse(next!.value)).toEqual({ q: 'attention', o: 5 });
    expect(text(call)).toMatch(/results for/);
    expect(text(call)).toContain('https://huggingface.co/papers?q=');
    expect(text(call)).toContain('https://arxiv.org/search/?query=');
  });

  it('pages with Next 5, replacing the results in place', async () => {
    const first = await papers('attention');
    const next = buttons(first, 'search_next')[0]!;
    const call = await press(next.action_id, next.value);
    expect(call.body.replace_original).toBe(true);
    expectValidMessage(call.body);
    expect(text(call)).toContain('6. ');
  });

  it('offers "Did you mean" for a misspelt query as a button that runs the corrected search', async () => {
    const first = await papers('speculative decodng');
    expectValidMessage(first.body);
    expect(text(first)).toContain('Did you mean “speculative decoding”?');
    const retry = buttons(first, 'search_retry')[0]!;
    expect(JSON.parse(retry.value)).toEqual({ q: 'speculative decoding', o: 0 });
    const call = await press(retry.action_id, retry.value);
    expect(call.body.replace_original).toBe(true);
    expectValidMessage(call.body);
    expect(text(call)).toContain('results for “speculative decoding”');
    expect(text(call)).not.toContain('Did you mean');
  });

  it('escapes a hostile query so it pings no one', async () => {
    const call = await papers('<!channel> <@U123> *bold*');
    expectValidMessage(call.body);
    const mrkdwn = JSON.stringify((call.body.blocks as any[]).filter((b) => b.type !== 'actions'));
    expect(mrkdwn).not.toContain('<!channel>');
    expect(mrkdwn).not.toContain('<@U123>');
    expect(mrkdwn).toContain('&lt;!channel&gt;');
  });

  it('suggests something when nothing matches', async () => {
    const call = await papers('qqqqzzzzxxxx');
    expectValidMessage(call.body);
    expect(text(call)).toContain('No papers match');
  });

  it('answers help, trending and saved', async () => {
    for (const sub of ['help', 'trending', 'saved']) expectValidMessage((await papers(sub)).body);
    expect(text(await papers('help'))).toContain('/papers trending');
  });

  it('routes /papers digest requests and explains a bad one', async () => {
    const bad = await papers('digest on at 25:00');
    expectValidMessage(bad.body);
    expect(text(bad)).toContain('not a time');
    expectValidMessage((await papers('digest')).body);
  });

  it('Summary shows the TL;DR and key points privately, in place, and records it', async () => {
    const results = await papers('attention');
    const summary = buttons(results, 'paper_summary')[1]!;
    const call = await press(summary.action_id, summary.value);
    expect(call.body.replace_original).toBe(true);
    expect(call.body.response_type).toBe('ephemeral');
    expectValidMessage(call.body);
    expect(text(call)).toContain('TL;DR');
    expect(text(call)).toContain('Key points');
    expect((await engagement()).some((e) => e.paperId === summary.value && e.kind === 'summary')).toBe(true);
  });

  it('Summary on a message everyone sees answers privately without replacing it', async () => {
    const results = await papers('attention');
    const summary = buttons(results, 'paper_summary')[0]!;
    const call = await press(summary.action_id, summary.value, { ephemeral: false });
    expect(call.body.replace_original).toBe(false);
    expect(call.body.response_type).toBe('ephemeral');
  });

  it('Share posts the card to the channel crediting the sharer, and the summary as the first reply in its thread', async () => {
    const results = await papers('attention');
    const share = buttons(results, 'paper_share')[0]!;
    const before = h.slack.callsTo('chat.postMessage').length;
    await interaction(endpoint(), buttonPayload(share.action_id, share.value, 'share1'));
    const posts = (await h.slack.waitFor('chat.postMessage', before + 2)).slice(before);
    const [card, reply] = posts;
    expect(card!.body.channel).toBe('C1');
    expect(card!.body.thread_ts).toBeUndefined();
    expect(card!.body.metadata).toEqual({ event_type: 'paperwire_paper', event_payload: { paper_id: share.value, post_key: expect.any(String) } });
    expect(JSON.stringify(card!.body.blocks)).toContain('<@U1>');
    expectValidMessage(card!.body);
    const cardTs = h.slack.messages.get('C1')!.find((m) => (m.metadata as any)?.event_payload?.paper_id === share.value)!.ts;
    expect(reply!.body.channel).toBe('C1');
    expect(reply!.body.thread_ts).toBe(cardTs);
    expect(JSON.stringify(reply!.body.blocks)).toContain('TL;DR');
    expectValidMessage(reply!.body);
    expect((await engagement()).some((e) => e.paperId === share.value && e.kind === 'share')).toBe(true);
  });

  it('Share tells the person what to do when Slack refuses the post', async () => {
    const results = await papers('attention');
    const share = buttons(results, 'paper_share')[0]!;
    h.slack.fail('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    const call = await press(share.action_id, share.value);
    expect(text(call)).toContain('/invite @paperwire');
  });

  it('Save keeps the paper, /papers saved lists it with Remove, and Remove takes it off', async () => {
    const results = await papers('attention', 'U7');
    const save = buttons(results, 'paper_save')[2]!;
    const id = `save${++responses}`;
    const payload = buttonPayload(save.action_id, save.value, id);
    payload.user.id = 'U7';
    await interaction(endpoint(), payload);
    const [saved] = await h.slack.waitFor(`respond:${id}`);
    expect(JSON.stringify(saved!.body.blocks)).toContain('Saved');
    const list = await papers('saved', 'U7');
    expectValidMessage(list.body);
    const remove = buttons(list, 'paper_remove');
    expect(remove.map((r) => r.value)).toEqual([save.value]);
    expect((await engagement()).some((e) => e.paperId === save.value && e.kind === 'save')).toBe(true);
  });

  it('More like this answers with similar papers', async () => {
    const results = await papers('attention');
    const more = buttons(results, 'paper_more')[0]!;
    const call = await press(more.action_id, more.value);
    expectValidMessage(call.body);
    expect(text(call)).toContain('Papers like');
    expect(buttons(call, 'paper_summary').map((b) => b.value)).not.toContain(more.value);
  });

  it('a button for a paper that left the library says so; a tampered one gets a polite answer and a log line', async () => {
    const gone = await press('paper_summary:0', 'p-zzzzzzzzzzzz');
    expect(text(gone)).toContain('no longer in the library');
    const tampered = await press('paper_save:0', '"; DROP TABLE saves; --');
    expect(text(tampered)).toContain("couldn't understand that button");
    const badPage = await press('search_next:0', '{"q":1}');
    expect(text(badPage)).toContain("couldn't understand that button");
    expect(h.logs.some((l) => l.includes('did not write'))).toBe(true);
  });

  it('@paperwire <query> answers in a thread of the mention', async () => {
    const before = h.slack.callsTo('chat.postMessage').length;
    const res = await event(endpoint(), {
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> diffusion',
      ts: '1700000001.000100',
      channel: 'C2',
      event_ts: '1700000001.000100',
    });
    expect(res.status).toBe(200);
    const call = (await h.slack.waitFor('chat.postMessage', before + 1))[before]!;
    expect(call.body.channel).toBe('C2');
    expect(call.body.thread_ts).toBe('1700000001.000100');
    expectValidMessage(call.body);
  });

  it('@paperwire summarize in a card’s thread replies in that thread with the paper’s summary', async () => {
    const results = await papers('attention');
    const share = buttons(results, 'paper_share')[3]!;
    const before = h.slack.callsTo('chat.postMessage').length;
    await interaction(endpoint(), buttonPayload(share.action_id, share.value, 'share2', { channel: 'C3' }));
    await h.slack.waitFor('chat.postMessage', before + 2);
    const cardTs = h.slack.messages.get('C3')![0]!.ts as string;

    await event(endpoint(), {
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> tldr',
      ts: '1700000002.000100',
      thread_ts: cardTs,
      channel: 'C3',
      event_ts: '1700000002.000100',
    });
    const call = (await h.slack.waitFor('chat.postMessage', before + 3))[before + 2]!;
    expect(h.slack.callsTo('conversations.replies').at(-1)!.body.ts).toBe(cardTs);
    expect(call.body.channel).toBe('C3');
    expect(call.body.thread_ts).toBe(cardTs);
    expect(JSON.stringify(call.body.blocks)).toContain('TL;DR');
    expectValidMessage(call.body);
    expect((await engagement()).some((e) => e.paperId === share.value && e.kind === 'summary' && e.userId === 'U1')).toBe(true);
  });

  it('@paperwire summarize where the thread cannot be read says so in the thread', async () => {
    const before = h.slack.callsTo('chat.postMessage').length;
    h.slack.fail('conversations.replies', { body: { ok: false, error: 'missing_scope' } });
    await event(endpoint(), {
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> summarize',
      ts: '1700000009.000200',
      thread_ts: '1700000009.000100',
      channel: 'C5',
      event_ts: '1700000009.000200',
    });
    const call = (await h.slack.waitFor('chat.postMessage', before + 1))[before]!;
    expect(call.body.thread_ts).toBe('1700000009.000100');
    expect(JSON.stringify(call.body.blocks)).toContain('inside the thread of a paper card');
    expect(h.logs.some((l) => l.includes('could not read the first message of a thread') && l.includes('missing_scope'))).toBe(true);
  });

  it('the Summarize paper shortcut replies in the message’s thread with the paper it names', async () => {
    const results = await papers('attention');
    const title = JSON.parse(JSON.stringify(results.body.blocks))[2]
      .text.text.match(/\|([^>]+)>/)[1]
      .replace(/\u200B/g, '')
      .replace(/&amp;/g, '&');
    const before = h.slack.callsTo('chat.postMessage').length;
    const res = await interaction(endpoint(), {
      type: 'message_action',
      callback_id: 'summarize_paper',
      trigger_id: 'trig',
      team: { id: 'T1', domain: 'test' },
      user: { id: 'U1', name: 'ada', team_id: 'T1' },
      channel: { id: 'C4', name: 'reading' },
      message: { type: 'message', user: 'U9', ts: '1700000003.000100', text: `has anyone read ${title}? looks good` },
      message_ts: '1700000003.000100',
      response_url: h.slack.responseUrl('shortcut1'),
      token: 'legacy',
    });
    expect(res.status).toBe(200);
    const call = (await h.slack.waitFor('chat.postMessage', before + 1))[before]!;
    expect(call.body.channel).toBe('C4');
    expect(call.body.thread_ts).toBe('1700000003.000100');
    expect(JSON.stringify(call.body.blocks)).toContain('TL;DR');
  });

  it('the shortcut in a channel paperwire is not in says how to invite it', async () => {
    const results = await papers('attention');
    const title = JSON.parse(JSON.stringify(results.body.blocks))[2]
      .text.text.match(/\|([^>]+)>/)[1]
      .replace(/\u200B/g, '')
      .replace(/&amp;/g, '&');
    h.slack.fail('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    await interaction(endpoint(), {
      type: 'message_action',
      callback_id: 'summarize_paper',
      trigger_id: 'trig',
      team: { id: 'T1', domain: 'test' },
      user: { id: 'U1', name: 'ada', team_id: 'T1' },
      channel: { id: 'C6', name: 'elsewhere' },
      message: { type: 'message', user: 'U9', ts: '1700000006.000100', text: title },
      response_url: h.slack.responseUrl('shortcut3'),
      token: 'legacy',
    });
    const [call] = await h.slack.waitFor('respond:shortcut3');
    expect(JSON.stringify(call!.body.blocks)).toContain('/invite @paperwire');
  });

  it('the shortcut on a message that names no paper answers privately', async () => {
    await interaction(endpoint(), {
      type: 'message_action',
      callback_id: 'summarize_paper',
      trigger_id: 'trig',
      team: { id: 'T1', domain: 'test' },
      user: { id: 'U1', name: 'ada', team_id: 'T1' },
      channel: { id: 'C4', name: 'reading' },
      message: { type: 'message', user: 'U9', ts: '1700000004.000100', text: 'lunch?' },
      response_url: h.slack.responseUrl('shortcut2'),
      token: 'legacy',
    });
    const [call] = await h.slack.waitFor('respond:shortcut2');
    expect(call!.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(call!.body.blocks)).toContain("couldn't find a paper");
  });

  it('publishes the App Home when it is opened', async () => {
    const before = h.slack.callsTo('views.publish').length;
    await event(endpoint(), { type: 'app_home_opened', user: 'U7', channel: 'D1', tab: 'home', event_ts: '1700000005.000100' });
    const call = (await h.slack.waitFor('views.publish', before + 1))[before]!;
    expect(call.body.user_id).toBe('U7');
    expectValidView(call.body.view);
    expect(JSON.stringify(call.body.view)).toContain('Trending now');
  });

  it('buttons on the App Home answer in a modal, and Save/Remove there republish the Home', async () => {
    const results = await papers('attention', 'U8');
    const paperId = buttons(results, 'paper_save')[0]!.value;
    const homePayload = (actionId: string) => ({
      type: 'block_actions',
      user: { id: 'U8', team_id: 'T1' },
      team: { id: 'T1', domain: 'test' },
      trigger_id: 'trig-home',
      token: 'legacy',
      container: { type: 'view', view_id: 'V1' },
      view: { id: 'V1', type: 'home', blocks: [] },
      actions: [{ type: 'button', action_id: actionId, block_id: 'b', value: paperId, action_ts: '1' }],
    });
    const opened = h.slack.callsTo('views.open').length;
    await interaction(endpoint(), homePayload('paper_summary:0'));
    const [modal] = (await h.slack.waitFor('views.open', opened + 1)).slice(opened);
    expect(modal!.body.trigger_id).toBe('trig-home');
    expectValidView(modal!.body.view);
    expect(JSON.stringify(modal!.body.view)).toContain('TL;DR');

    const published = h.slack.callsTo('views.publish').length;
    await interaction(endpoint(), homePayload('paper_save:0'));
    const [home] = (await h.slack.waitFor('views.publish', published + 1)).slice(published);
    expect(home!.body.user_id).toBe('U8');
    expect(JSON.stringify(home!.body.view)).toContain(`"value":"${paperId}"`);
    await interaction(endpoint(), homePayload('paper_remove:5'));
    const [after] = (await h.slack.waitFor('views.publish', published + 2)).slice(published + 1);
    expect(JSON.stringify(after!.body.view)).toContain('None yet');
    expect(h.slack.callsTo('views.open')).toHaveLength(opened + 1);
  });

  it('Remove in /papers saved takes the paper off the list in place', async () => {
    const results = await papers('attention', 'U9');
    const save = buttons(results, 'paper_save')[1]!;
    const payload = buttonPayload(save.action_id, save.value, `save-u9`);
    payload.user.id = 'U9';
    await interaction(endpoint(), payload);
    await h.slack.waitFor('respond:save-u9');
    const list = await papers('saved', 'U9');
    const remove = buttons(list, 'paper_remove')[0]!;
    const removePayload = buttonPayload(remove.action_id, remove.value, 'remove-u9');
    removePayload.user.id = 'U9';
    await interaction(endpoint(), removePayload);
    const [after] = await h.slack.waitFor('respond:remove-u9');
    expect(after!.body.replace_original).toBe(true);
    expect(JSON.stringify(after!.body.blocks)).toContain('no saved papers');
  });

  it('rejects a bad signature, a stale, future or missing timestamp (401) and an oversized body (413), and runs no handler', async () => {
    const before = h.slack.calls.length;
    const body = new URLSearchParams({
      command: '/papers',
      text: 'attention',
      team_id: 'T1',
      user_id: 'U1',
      channel_id: 'C1',
      response_url: h.slack.responseUrl('forged'),
    }).toString();
    const forged = await sendSigned(endpoint(), body, 'application/x-www-form-urlencoded', { secret: 'ffffffffffffffffffffffffffffffff' });
    expect(forged.status).toBe(401);
    const stale = await sendSigned(endpoint(), body, 'application/x-www-form-urlencoded', { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(stale.status).toBe(401);
    const future = await sendSigned(endpoint(), body, 'application/x-www-form-urlencoded', { timestamp: Math.floor(Date.now() / 1000) + 600 });
    expect(future.status).toBe(401);
    const unsigned = await fetch(endpoint(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(unsigned.status).toBe(401);
    const huge = await sendSigned(endpoint(), `${body}&pad=${'x'.repeat(2 * 1024 * 1024)}`, 'application/x-www-form-urlencoded');
    expect(huge.status).toBe(413);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.slack.calls.slice(before)).toEqual([]);
    expect(h.logs.some((l) => l.includes('rejected a request'))).toBe(true);
  });

  it('sent only payloads that validate against the Block Kit schema and Slack’s limits, and never leaked the token', () => {
    let checked = 0;
    for (const call of h.slack.calls) {
      if (call.method === 'views.publish' || call.method === 'views.open') expectValidView(call.body.view);
      else if (call.body.blocks) expectValidMessage(call.body);
      else continue;
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
    expect(h.logs.join('\n')).not.toContain('xoxb-test');
  });
});

async function engagement() {
  const store = openStore(h.dbPath);
  try {
    return await store.engagement.since(undefined, new Date(0));
  } finally {
    await store.close();
  }
}
