import { existsSync, readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPaperwire, type Running } from '../../src/app/start.js';
import { type Config, loadConfig } from '../../src/config.js';
import { UNINSTALLED_REASON } from '../../src/slack/installations.js';
import { openStore } from '../../src/store/sqlite.js';
import { openPgStore } from '../../src/store/postgres.js';
import type { Store } from '../../src/store/store.js';
import { createLog } from '../../src/util/log.js';
import { CORPUS_DIR } from '../helpers/corpus.js';
import { testDatabase } from '../helpers/postgres.js';
import { event, interaction, SIGNING_SECRET, slashCommand } from '../helpers/signed-request.js';
import { type RecordedCall, SlackStandIn } from '../helpers/slack-stand-in.js';

const CLIENT_ID = '1111111111.2222222222';
const CLIENT_SECRET = '0123456789abcdef0123456789abcdef';
const STATE_SECRET = 'a-state-secret-of-our-own-choosing';
const KEY = Buffer.alloc(32, 7).toString('base64');
const TOKENS = { T1: 'xoxb-1111-first-workspace-token', T2: 'xoxb-2222-second-workspace-token' } as const;

interface Backend {
  name: 'sqlite' | 'postgres';
  env(): Promise<Record<string, string>>;
  /** Everything the database holds, as text (SQLite: the files' bytes; PostgreSQL: every row of every table). */
  dump(env: Record<string, string>): Promise<string>;
  open(env: Record<string, string>): Promise<Store>;
}

const backends: Backend[] = [
  {
    name: 'sqlite',
    env: async () => ({ PAPERWIRE_DB: join(mkdtempSync(join(tmpdir(), 'paperwire-oauth-')), 'paperwire.db') }),
    dump: async (env) =>
      ['', '-wal', '-shm']
        .map((suffix) => `${env.PAPERWIRE_DB}${suffix}`)
        .filter(existsSync)
        .map((path) => readFileSync(path).toString('latin1'))
        .join('\n'),
    open: async (env) => openStore(env.PAPERWIRE_DB!),
  },
  {
    name: 'postgres',
    env: async () => ({ DATABASE_URL: await testDatabase('oauth') }),
    async dump(env) {
      const client = new pg.Client({ connectionString: env.DATABASE_URL });
      await client.connect();
      try {
        const tables = await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
        const rows: string[] = [];
        for (const { table_name } of tables.rows) {
          rows.push(...(await client.query<{ row: string }>(`SELECT t::text AS row FROM "${table_name}" t`)).rows.map((r) => r.row));
        }
        expect(tables.rows.map((t) => t.table_name)).toContain('installations');
        return rows.join('\n');
      } finally {
        await client.end();
      }
    },
    open: (env) => openPgStore(env.DATABASE_URL!, { log: createLog({ sink: () => {} }) }),
  },
];

describe.each(backends)('many workspaces through the OAuth install ($name)', (backend) => {
  let slack: SlackStandIn;
  let app: Running;
  let env: Record<string, string>;
  let url: string;
  const logs: string[] = [];
  let responses = 0;

  beforeAll(async () => {
    slack = await new SlackStandIn().start();
    env = await backend.env();
    const config: Config = {
      ...loadConfig({
        SLACK_CLIENT_ID: CLIENT_ID,
        SLACK_CLIENT_SECRET: CLIENT_SECRET,
        SLACK_STATE_SECRET: STATE_SECRET,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        PAPERWIRE_ENCRYPTION_KEY: KEY,
        SLACK_API_URL: slack.apiUrl,
        PAPERWIRE_CORPUS_DIR: CORPUS_DIR,
        PAPERWIRE_INGEST: 'off',
        ...env,
      }),
      port: 0,
    };
    app = await startPaperwire(config, { log: createLog({ sink: (line) => logs.push(line), secrets: [CLIENT_SECRET, STATE_SECRET, KEY] }) });
    url = `http://127.0.0.1:${app.port}`;
  });

  afterAll(async () => {
    await app?.stop();
    await slack?.stop();
  });

  /** What a person's browser does: open the install page, follow "Add to Slack" to Slack, come back with a code. */
  async function install(teamId: keyof typeof TOKENS): Promise<Response> {
    const page = await fetch(`${url}/slack/install`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const link = new URL(/id="add-to-slack" href="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&'));
    // The "Add to Slack" link goes to Slack's authorize page next to SLACK_API_URL, with our client id, scopes and a state.
    expect(`${link.origin}${link.pathname}`).toBe(`${slack.url}/oauth/v2/authorize`);
    expect(link.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(link.searchParams.get('scope')).toContain('chat:write');
    const state = link.searchParams.get('state')!;
    expect(state).toBeTruthy();
    const cookie = page.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const code = `code-${teamId}-${Math.random()}`;
    slack.oauthCodes.set(code, { teamId, botToken: TOKENS[teamId] });
    return fetch(`${url}/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
  }

  async function papers(teamId: string, channel: string, text: string, user = 'U5'): Promise<RecordedCall> {
    const id = `oauth-${backend.name}-${++responses}`;
    const res = await slashCommand(`${url}/slack/events`, { text, team_id: teamId, channel_id: channel, user_id: user, response_url: slack.responseUrl(id) });
    expect(res.status).toBe(200);
    return (await slack.waitFor(`respond:${id}`))[0]!;
  }

  const blocksText = (call: RecordedCall) => JSON.stringify(call.body.blocks);

  it('installs two workspaces: the code is exchanged at SLACK_API_URL and each token is checked', async () => {
    for (const team of ['T1', 'T2'] as const) {
      const before = slack.callsTo('oauth.v2.access').length;
      const done = await install(team);
      expect(done.status).toBe(200);
      const [exchange] = slack.callsTo('oauth.v2.access').slice(before);
      expect(exchange!.body.code).toMatch(new RegExp(`^code-${team}-`));
      expect(slack.callsTo('auth.test').some((c) => c.token === TOKENS[team])).toBe(true);
    }
    expect(logs.some((l) => l.includes('installed in a workspace'))).toBe(true);
  });

  it('refuses a return from Slack without the state it handed out', async () => {
    slack.oauthCodes.set('stolen-code', { teamId: 'T2', botToken: 'xoxb-9999-never-stored' });
    const forged = await fetch(`${url}/slack/oauth_redirect?code=stolen-code&state=forged`);
    expect(forged.status).not.toBe(200);
    expect(slack.oauthCodes.has('stolen-code')).toBe(true);
  });

  it('serves each workspace with its own token', async () => {
    const publishes = slack.callsTo('views.publish').length;
    await event(`${url}/slack/events`, { type: 'app_home_opened', user: 'U5', channel: 'D2', tab: 'home', event_ts: '1700000001.000100' }, { teamId: 'T2' });
    await event(`${url}/slack/events`, { type: 'app_home_opened', user: 'U5', channel: 'D1', tab: 'home', event_ts: '1700000002.000100' }, { teamId: 'T1' });
    const published = (await slack.waitFor('views.publish', publishes + 2)).slice(publishes);
    expect(published.map((c) => c.token).sort()).toEqual([TOKENS.T1, TOKENS.T2]);
  });

  it('keeps saves, subscriptions and digests apart: the first workspace never sees the second one’s', async () => {
    const results = await papers('T2', 'CSHARED', 'attention');
    const save = (results.body.blocks as any[])
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements)
      .find((e: any) => e.action_id.startsWith('paper_save'));
    const id = `oauth-save-${backend.name}`;
    await interaction(`${url}/slack/events`, {
      type: 'block_actions',
      user: { id: 'U5', team_id: 'T2' },
      team: { id: 'T2', domain: 'second' },
      api_app_id: 'A1',
      token: 'legacy',
      trigger_id: 'trig',
      container: { type: 'message', message_ts: '1.1', channel_id: 'CSHARED', is_ephemeral: true },
      channel: { id: 'CSHARED', name: 'papers' },
      response_url: slack.responseUrl(id),
      actions: [{ type: 'button', action_id: save.action_id, block_id: 'b1', value: save.value, action_ts: '1.2' }],
    });
    await slack.waitFor(`respond:${id}`);

    expect(blocksText(await papers('T2', 'CSHARED', 'saved'))).toContain(save.value);
    // The same user id and the same (shared) channel in the first workspace: none of it.
    expect(blocksText(await papers('T1', 'CSHARED', 'saved'))).not.toContain(save.value);

    const users = slack.callsTo('users.info').length;
    expect(blocksText(await papers('T2', 'CSHARED', 'digest on at 09:00'))).toContain('Subscribed');
    // The subscriber's timezone is read with the second workspace's token.
    expect(
      slack
        .callsTo('users.info')
        .slice(users)
        .map((c) => c.token),
    ).toEqual([TOKENS.T2]);
    expect(blocksText(await papers('T1', 'CSHARED', 'digest'))).toContain('no daily digest');

    const posts = slack.callsTo('chat.postMessage').length;
    expect(blocksText(await papers('T2', 'CSHARED', 'digest now'))).toMatch(/Posted the digest|Nothing to post/);
    const digestPosts = slack.callsTo('chat.postMessage').slice(posts);
    expect(digestPosts.length).toBeGreaterThan(0);
    expect(new Set(digestPosts.map((c) => c.token))).toEqual(new Set([TOKENS.T2]));
  });

  it('holds no token in plain text anywhere in the database', async () => {
    const dump = await backend.dump(env);
    expect(dump).toContain('v1.');
    for (const token of Object.values(TOKENS)) {
      expect(dump).not.toContain(token);
      expect(dump).not.toContain(Buffer.from(token).toString('base64'));
    }
    expect(dump).not.toContain('xoxb-');
  });

  it('uninstalling forgets the workspace’s installation and pauses its digests; installing again resumes them', async () => {
    await event(`${url}/slack/events`, { type: 'app_uninstalled', event_ts: '1700000003.000100' }, { teamId: 'T2' });
    const store = await backend.open(env);
    try {
      const deadline = Date.now() + 5000;
      while ((await store.installations.get('T2')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await store.installations.get('T2')).toBeUndefined();
      expect(await store.installations.get('T1')).toBeDefined();
      expect((await store.subscriptions.get('T2', 'CSHARED'))!.pausedReason).toBe(UNINSTALLED_REASON);

      // Its requests are no longer served with a token: nothing is posted for it.
      const publishes = slack.callsTo('views.publish').length;
      await event(`${url}/slack/events`, { type: 'app_home_opened', user: 'U5', channel: 'D2', tab: 'home', event_ts: '1700000004.000100' }, { teamId: 'T2' });
      await new Promise((r) => setTimeout(r, 300));
      expect(slack.callsTo('views.publish')).toHaveLength(publishes);

      expect((await install('T2')).status).toBe(200);
      expect((await store.subscriptions.get('T2', 'CSHARED'))!.pausedReason).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('revoking the bot token does the same', async () => {
    await event(`${url}/slack/events`, { type: 'tokens_revoked', tokens: { bot: ['UBOT2'] }, event_ts: '1700000005.000100' }, { teamId: 'T2' });
    const store = await backend.open(env);
    try {
      const deadline = Date.now() + 5000;
      while ((await store.installations.get('T2')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await store.installations.get('T2')).toBeUndefined();
      expect((await store.subscriptions.get('T2', 'CSHARED'))!.pausedReason).toBe(UNINSTALLED_REASON);
    } finally {
      await store.close();
    }
  });

  it('never logs a token', () => {
    for (const token of Object.values(TOKENS)) expect(logs.join('\n')).not.toContain(token);
  });
});
