import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLog } from '../../src/util/log.js';
import { startPaperwire, type Running } from '../../src/app/start.js';
import { expectValidMessage } from '../helpers/block-kit.js';
import { CORPUS_DIR } from '../helpers/corpus.js';
import { SlackStandIn } from '../helpers/slack-stand-in.js';
import { SocketModeStandIn } from '../helpers/socket-mode-stand-in.js';

const APP_TOKEN = 'xapp-1-A1-0000-socketsecret';
let slack: SlackStandIn;
let socket: SocketModeStandIn;
let app: Running;
const logs: string[] = [];

beforeAll(async () => {
  slack = await new SlackStandIn().start();
  socket = await new SocketModeStandIn().start();
  slack.socketModeUrl = socket.url;
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-socket-test',
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    PAPERWIRE_DB: ':memory:',
    PAPERWIRE_CORPUS_DIR: CORPUS_DIR,
    PAPERWIRE_INGEST: 'off',
  });
  app = await startPaperwire(config, { log: createLog({ sink: (l) => logs.push(l), secrets: [APP_TOKEN] }) });
  await socket.waitForConnection();
});

afterAll(async () => {
  await app?.stop();
  await socket?.stop();
  await slack?.stop();
});

describe('Socket Mode (the default way to run it)', () => {
  it('connects with the app token and serves /papers over the socket', async () => {
    expect(app.mode).toBe('socket');
    expect(slack.callsTo('apps.connections.open')[0]!.token).toBe(APP_TOKEN);
    const started = performance.now();
    const ack = await socket.send('slash_commands', {
      command: '/papers',
      text: 'attention',
      team_id: 'T1',
      user_id: 'U1',
      channel_id: 'C1',
      response_url: slack.responseUrl('sock'),
      trigger_id: 'trig',
    });
    console.log(`Socket Mode slash command acknowledged in ${(performance.now() - started).toFixed(1)} ms`);
    expect(ack.envelope_id).toMatch(/^env-/);
    const [answer] = await slack.waitFor('respond:sock');
    expect(answer!.body.response_type).toBe('ephemeral');
    expectValidMessage(answer!.body);
  });

  it('answers a mention in its thread and a button over the socket', async () => {
    await socket.send('events_api', {
      token: 'legacy',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: 'Ev1',
      event_time: 1,
      event: { type: 'app_mention', user: 'U1', text: '<@UBOT> diffusion', ts: '1700000100.000100', channel: 'C9', event_ts: '1700000100.000100' },
    });
    const [post] = await slack.waitFor('chat.postMessage');
    expect(post!.body.thread_ts).toBe('1700000100.000100');
    expectValidMessage(post!.body);

    const results = slack.callsTo('respond:sock')[0]!.body.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>;
    const summary = results.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : [])).find((e) => e.action_id.startsWith('paper_summary'))!;
    await socket.send('interactive', {
      type: 'block_actions',
      user: { id: 'U1', team_id: 'T1' },
      team: { id: 'T1', domain: 'test' },
      trigger_id: 'trig',
      container: { type: 'message', message_ts: '1.1', channel_id: 'C1', is_ephemeral: true },
      channel: { id: 'C1', name: 'papers' },
      response_url: slack.responseUrl('sock-button'),
      actions: [{ type: 'button', action_id: summary.action_id, block_id: 'b', value: summary.value, action_ts: '1' }],
    });
    const [answer] = await slack.waitFor('respond:sock-button');
    expect(answer!.body.replace_original).toBe(true);
    expect(JSON.stringify(answer!.body.blocks)).toContain('TL;DR');
    expect(logs.join('\n')).not.toContain(APP_TOKEN);
  });

  it('reconnects after the connection drops, and serves again', async () => {
    const opened = slack.callsTo('apps.connections.open').length;
    socket.disconnect();
    await socket.waitForConnection();
    expect(slack.callsTo('apps.connections.open').length).toBeGreaterThan(opened);
    await socket.send('slash_commands', {
      command: '/papers',
      text: 'diffusion',
      team_id: 'T1',
      user_id: 'U1',
      channel_id: 'C1',
      response_url: slack.responseUrl('after-drop'),
      trigger_id: 't',
    });
    const [answer] = await slack.waitFor('respond:after-drop');
    expectValidMessage(answer!.body);
  });
});
