import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectValidMessage } from '../helpers/block-kit.js';
import { interaction } from '../helpers/signed-request.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { CORPUS_DIR } from '../helpers/corpus.js';
import { startHarness, type Harness } from './harness.js';

/** A model that takes longer than Slack's 3 seconds must never hold up an acknowledgement. */
const MODEL_PATH = '/llm/chat/completions';
const MODEL_DELAY_MS = 3500;
let h: Harness;
let paperId: string;

beforeAll(async () => {
  paperId = (await loadCorpus(CORPUS_DIR)).papers[0]!.id;
  h = await startHarness((slack) => ({
    PAPERWIRE_LLM_URL: `${slack.url}${MODEL_PATH}`,
    PAPERWIRE_LLM_MODEL: 'test-model',
    PAPERWIRE_LLM_API_KEY: 'test-key',
    PAPERWIRE_LLM_TIMEOUT_MS: '10000',
  }));
});

afterAll(() => h?.stop());

describe('with a slow model configured', () => {
  it('the Summary button is acknowledged before the model answers, and the summary follows on the response_url', async () => {
    h.slack.fail(MODEL_PATH, { delayMs: MODEL_DELAY_MS, status: 503, body: { error: 'overloaded' } });
    const started = performance.now();
    const res = await interaction(`${h.url}/slack/events`, {
      type: 'block_actions',
      user: { id: 'U1', team_id: 'T1' },
      team: { id: 'T1', domain: 'test' },
      trigger_id: 'trig',
      token: 'legacy',
      container: { type: 'message', message_ts: '1.1', channel_id: 'C1', is_ephemeral: true },
      channel: { id: 'C1', name: 'papers' },
      response_url: h.slack.responseUrl('slow'),
      actions: [{ type: 'button', action_id: 'paper_summary:0', block_id: 'b', value: paperId, action_ts: '1' }],
    });
    const ackMs = performance.now() - started;
    expect(res.status).toBe(200);
    // Acknowledged while the model is still thinking: nothing has been answered yet.
    expect(h.slack.callsTo('respond:slow')).toHaveLength(0);
    const [answer] = await h.slack.waitFor('respond:slow', 1, MODEL_DELAY_MS + 5000);
    const answerMs = performance.now() - started;
    expect(h.slack.callsTo(MODEL_PATH)).toHaveLength(1);
    expectValidMessage(answer!.body);
    expect(JSON.stringify(answer!.body.blocks)).toContain('TL;DR');
    console.log(`Summary with a ${MODEL_DELAY_MS} ms model: acknowledged in ${ackMs.toFixed(1)} ms, answered in ${answerMs.toFixed(0)} ms`);
  });
});
