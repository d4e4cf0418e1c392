import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectValidMessage } from '../helpers/block-kit.js';
import { buttonPress, interaction, slashCommand } from '../helpers/signed-request.js';
import type { RecordedCall } from '../helpers/slack-stand-in.js';
import { startHarness, type Harness } from '../e2e/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

let n = 0;
async function papers(text: string, channel = 'C1'): Promise<string> {
  const id = `in${++n}`;
  const res = await slashCommand(`${h.url}/slack/events`, { text, channel_id: channel, response_url: h.slack.responseUrl(id) });
  expect(res.status).toBe(200);
  const [call] = await h.slack.waitFor(`respond:${id}`);
  expectValidMessage(call!.body);
  return JSON.stringify(call!.body.blocks);
}

async function press(actionId: string, value: string): Promise<RecordedCall> {
  const id = `in${++n}`;
  const res = await interaction(`${h.url}/slack/events`, buttonPress(actionId, value, h.slack.responseUrl(id)));
  expect(res.status).toBe(200);
  const [call] = await h.slack.waitFor(`respond:${id}`);
  return call!;
}

describe('wrong input gets a specific answer', () => {
  it.each([
    ['an unknown digest subcommand', 'digest weekly', 'Unknown digest option'],
    ['a malformed filter', 'diffusion year:24', 'a year is four digits'],
    ['a malformed comparison', 'upvotes:>>5', 'write upvotes:&gt;=5'],
    ['an unclosed quote in a filter', 'kv cache org:"Meta', 'never closed'],
    ['only punctuation', '?!?! ...', 'the query is empty'],
    ['a 5,000-character query', 'a'.repeat(5000), '5,000 characters long'],
    ['an unknown timezone', 'digest on tz Europe/Atlantis', 'not a timezone'],
    ['a time that does not exist', 'digest on at 24:61', 'not a time'],
    ['too many papers', 'digest on top 50', 'from 1 to 10'],
    ['a malformed topic', 'digest on topic year:soon', 'is not a query I can run'],
  ])('%s', async (_, text, expected) => {
    expect(await papers(text)).toContain(expected);
  });

  it('a channel the bot is not in: `digest now` says to invite it', async () => {
    h.slack.fail('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    expect(await papers('digest now', 'C9')).toContain('/invite @paperwire');
  });

  it('a button paperwire never sent gets a polite answer and a log line', async () => {
    const call = await press('paper_frobnicate:0', 'p-abcdefabcdef');
    expect(JSON.stringify(call.body.blocks)).toContain("couldn't understand that button");
    expect(h.logs.some((l) => l.includes('a button paperwire does not know was pressed'))).toBe(true);
  });

  it('a tampered Next 5 value gets a polite answer', async () => {
    const call = await press('search_next:0', '{"q":"attention","o":-5}');
    expect(JSON.stringify(call.body.blocks)).toContain("couldn't understand that button");
  });
});
