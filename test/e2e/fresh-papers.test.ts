import { afterEach, describe, expect, it } from 'vitest';
import { utcDay } from '../../src/ingest/dates.js';
import { STACK_LINE } from '../hardening/spawn.js';
import { HfStandIn, hfItem } from '../helpers/hf-stand-in.js';
import { slashCommand } from '../helpers/signed-request.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness | undefined;
let hf: HfStandIn | undefined;
afterEach(async () => {
  await h?.stop();
  await hf?.stop();
  h = hf = undefined;
});

let responses = 0;
async function papers(harness: Harness, text: string): Promise<string> {
  const id = `fresh${++responses}`;
  const res = await slashCommand(`${harness.url}/slack/events`, { text, response_url: harness.slack.responseUrl(id) });
  expect(res.status).toBe(200);
  const [call] = await harness.slack.waitFor(`respond:${id}`);
  return JSON.stringify(call!.body.blocks);
}

/** Asks until the answer has `expected` (the fetch runs beside the app's start), or fails after `ms`. */
async function eventually(harness: Harness, text: string, expected: string, ms = 10_000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const answer = await papers(harness, text);
    if (answer.includes(expected) || Date.now() > deadline) return answer;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("today's papers from the daily papers API", () => {
  it('are found through /papers once the app has started, with no restart and no command, and are still there after a restart offline', async () => {
    const today = utcDay(new Date());
    hf = await new HfStandIn().start();
    hf.setDay(today, [hfItem('2611.04242', 'Quokkaformer: Marsupial Attention for Long Contexts', { date: today, upvotes: 77 })]);
    const db = `${(await import('node:os')).tmpdir()}/paperwire-fresh-${process.pid}-${Date.now()}.db`;
    h = await startHarness({ PAPERWIRE_INGEST: 'on', PAPERWIRE_HF_API_URL: hf.apiUrl, PAPERWIRE_DB: db });
    const answer = await eventually(h, 'quokkaformer marsupial', 'Quokkaformer');
    expect(answer).toContain('Quokkaformer: Marsupial Attention for Long Contexts');
    expect(answer).toContain('arxiv-2611-04242');
    expect(hf.requests.some((r) => r.date === today)).toBe(true);
    expect(h.logs.some((l) => l.includes('fresh papers fetched'))).toBe(true);
    const apiUrl = hf.apiUrl;
    await h.stop();
    await hf.stop();
    hf = undefined;

    // The same database, no network: the paper was kept and is served at once.
    h = await startHarness({ PAPERWIRE_INGEST: 'on', PAPERWIRE_HF_API_URL: apiUrl, PAPERWIRE_DB: db });
    expect(await papers(h, 'quokkaformer')).toContain('Quokkaformer');
  });

  it('without a network the app starts, answers, and logs each failure in one line that says when it tries again', async () => {
    hf = await new HfStandIn().start();
    const gone = hf.apiUrl;
    await hf.stop();
    hf = undefined;
    h = await startHarness({ PAPERWIRE_INGEST: 'on', PAPERWIRE_HF_API_URL: gone, PAPERWIRE_INGEST_EVERY_MINUTES: '30' });
    expect(await papers(h, 'attention')).toContain('attention');
    const deadline = Date.now() + 15_000;
    while (!h.logs.some((l) => l.includes('next try at')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const failures = h.logs.filter((l) => l.includes('fresh papers:') && l.includes('next try at'));
    expect(failures.length).toBeGreaterThan(0);
    for (const line of failures) expect(line.split('\n')).toHaveLength(1);
    expect(h.logs.join('\n')).not.toMatch(STACK_LINE);
  });
});
