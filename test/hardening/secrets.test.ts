import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SlackStandIn } from '../helpers/slack-stand-in.js';
import { buttonPress, sendSigned, slashCommand } from '../helpers/signed-request.js';
import { tempDb } from '../digest/harness.js';
import { run } from './spawn.js';

const BOT = 'xoxb-9999-canarybotvalue';
const APP = 'xapp-1-A9-canaryappvalue';
const SECRET = 'cafe0000deadbeef0000c0ffee000042';
const LLM_KEY = 'sk-canary-model-key-value';
const CANARIES = [BOT, APP, SECRET, LLM_KEY, 'canarybotvalue', 'canaryappvalue', 'deadbeef0000c0ffee', 'canary-model-key'];

let slack: SlackStandIn;
beforeEach(async () => {
  slack = await new SlackStandIn().start();
});
afterEach(() => slack.stop());

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function expectNoCanary(output: string) {
  for (const canary of CANARIES) expect(output, `output leaks ${canary}`).not.toContain(canary);
}

async function waitUntilUp(port: number, output: () => string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      if (Date.now() > deadline) throw new Error(`did not start:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('tokens and secrets never reach the output', () => {
  it('on bad configuration', async () => {
    const outputs = await Promise.all([
      run('main', [], { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xoxb-canaryappvalue', PAPERWIRE_DB: tempDb() }).done,
      run('main', [], { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'deadbeef0000c0ffee-not-hex', PAPERWIRE_DB: tempDb() }).done,
      run('main', [], { PAPERWIRE_LLM_API_KEY: LLM_KEY, PAPERWIRE_LLM_URL: 'not a url', PAPERWIRE_DB: tempDb() }).done,
    ]);
    for (const { code, output } of outputs) {
      expect(code).toBe(2);
      expectNoCanary(output);
    }
  });

  it('when Slack rejects the token at start-up', async () => {
    slack.fail('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    const { code, output } = await run('main', [], {
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(await freePort()),
      PAPERWIRE_DB: tempDb(),
    }).done;
    expect(code).toBe(1);
    expect(output).toContain('invalid_auth');
    expectNoCanary(output);
  });

  it('through every failing path of a running app, the model and the CLI', async () => {
    const port = await freePort();
    const env = {
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      PAPERWIRE_DB: tempDb(),
      PAPERWIRE_LLM_URL: `${slack.url}/v1/chat/completions`,
      PAPERWIRE_LLM_MODEL: 'canary-model',
      PAPERWIRE_LLM_API_KEY: LLM_KEY,
      PAPERWIRE_LLM_TIMEOUT_MS: '500',
    };
    const app = run('main', [], env);
    await waitUntilUp(port, app.output);
    const url = `http://127.0.0.1:${port}/slack/events`;
    const body = 'command=%2Fpapers&text=attention';
    await sendSigned(url, body, 'application/x-www-form-urlencoded', { secret: 'wrong' }); // bad signature
    await sendSigned(url, body, 'application/x-www-form-urlencoded', { secret: SECRET, timestamp: 1 }); // stale
    await sendSigned(url, `${body}&pad=${'x'.repeat(2_000_000)}`, 'application/x-www-form-urlencoded', { secret: SECRET }); // too big
    slack.fail('respond:broken', { status: 500, body: { ok: false } }, 5);
    await slashCommand(url, { text: 'attention', response_url: slack.responseUrl('broken') }, { secret: SECRET });
    slack.fail('chat.postMessage', { body: { ok: false, error: 'token_revoked' } }, 20);
    await slashCommand(url, { text: 'digest now', response_url: slack.responseUrl('digest') }, { secret: SECRET });
    await slack.waitFor('respond:digest');
    await slashCommand(url, { text: 'quantization', response_url: slack.responseUrl('q') }, { secret: SECRET });
    const [answer] = await slack.waitFor('respond:q');
    const value = JSON.stringify(answer!.body.blocks).match(/"value":"(p-[a-z0-9]+)"/)![1]!;
    const press = buttonPress('paper_summary:0', value, slack.responseUrl('summary'));
    await sendSigned(url, new URLSearchParams({ payload: JSON.stringify(press) }).toString(), 'application/x-www-form-urlencoded', { secret: SECRET }); // the model answers 404 here
    await slack.waitFor('respond:summary', 1, 10_000);
    app.child.kill('SIGTERM');
    const { output } = await app.done;
    expect(output).toMatch(/rejected a request/);
    expectNoCanary(output);

    const cli = await run('cli', ['digest', '--channel', 'C1'], env).done;
    expect(cli.code).toBe(1);
    expectNoCanary(cli.output);
  });
});
