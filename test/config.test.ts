import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const BOT = 'xoxb-1111-2222-canarybot';
const APP = 'xapp-1-A111-canaryapp';
const SECRET = 'abcdef0123456789abcdef0123456789';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration from the environment', () => {
  it('runs the local shell when no Slack variable is set, with the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ mode: 'shell', port: 3000, catchUpMs: 6 * 3_600_000, model: undefined });
    expect(config.corpusDir).toMatch(/\/data\/corpus$/);
    expect(config.dbPath).toMatch(/\/data\/paperwire\.db$/);
  });

  it('chooses Socket Mode with an app token and HTTP mode with a signing secret', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }).mode).toBe('socket');
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '8080' })).toMatchObject({ mode: 'http', port: 8080 });
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: ' ', SLACK_APP_TOKEN: '' }).mode).toBe('shell');
  });

  it('lists every problem at once, naming the variable and the fix, never the secret value', () => {
    const list = problems({ SLACK_BOT_TOKEN: 'xoxp-user-canary', SLACK_APP_TOKEN: 'nope-canary', PORT: '99999', PAPERWIRE_CATCHUP_HOURS: 'soon' });
    expect(list).toEqual([
      'SLACK_BOT_TOKEN must be a bot token starting with "xoxb-" (OAuth & Permissions → Bot User OAuth Token)',
      'SLACK_APP_TOKEN must be an app-level token starting with "xapp-" (Basic Information → App-Level Tokens, scope connections:write)',
      'PORT must be a port number from 1 to 65535',
      'PAPERWIRE_CATCHUP_HOURS must be a whole number of hours from 0 to 48',
    ]);
    expect(list.join('\n')).not.toContain('canary');
  });

  it('says which token is missing for each mode', () => {
    expect(problems({ SLACK_APP_TOKEN: APP })).toEqual(['SLACK_BOT_TOKEN is missing: Socket Mode needs the bot token (xoxb-) as well as SLACK_APP_TOKEN']);
    expect(problems({ SLACK_BOT_TOKEN: BOT })[0]).toMatch(/^SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is missing/);
    expect(problems({ SLACK_SIGNING_SECRET: SECRET })[0]).toMatch(/^SLACK_BOT_TOKEN is missing/);
  });

  it('needs the model URL, name and key together', () => {
    expect(problems({ PAPERWIRE_LLM_URL: 'http://127.0.0.1:9/v1/chat/completions' })).toEqual([
      'PAPERWIRE_LLM_MODEL, PAPERWIRE_LLM_API_KEY missing: a model summary needs the URL, the model name and the key together (or none of them)',
    ]);
    const config = loadConfig({ PAPERWIRE_LLM_URL: 'http://127.0.0.1:9/v1', PAPERWIRE_LLM_MODEL: 'm', PAPERWIRE_LLM_API_KEY: 'k' });
    expect(config.model).toEqual({ url: 'http://127.0.0.1:9/v1', model: 'm', apiKey: 'k', timeoutMs: 8000 });
  });

  it('reads where and how often to fetch the daily papers, with defaults', () => {
    expect(loadConfig({}).ingest).toEqual({ apiUrl: 'https://huggingface.co/api/', enabled: true, everyMs: 3_600_000 });
    expect(loadConfig({ PAPERWIRE_HF_API_URL: 'http://127.0.0.1:4000/api/', PAPERWIRE_INGEST: 'OFF', PAPERWIRE_INGEST_EVERY_MINUTES: '15' }).ingest).toEqual({
      apiUrl: 'http://127.0.0.1:4000/api/',
      enabled: false,
      everyMs: 900_000,
    });
    expect(problems({ PAPERWIRE_HF_API_URL: 'https://huggingface.co/api', PAPERWIRE_INGEST: 'no', PAPERWIRE_INGEST_EVERY_MINUTES: '1' })).toEqual([
      'PAPERWIRE_HF_API_URL must be an http(s) URL ending in "/", e.g. https://huggingface.co/api/',
      'PAPERWIRE_INGEST must be "on" (fetch the Hugging Face daily papers) or "off"',
      'PAPERWIRE_INGEST_EVERY_MINUTES must be a whole number of minutes from 5 to 1440',
    ]);
  });

  it('requires SLACK_API_URL to be a URL ending in a slash', () => {
    expect(problems({ SLACK_API_URL: 'localhost:3000' })).toEqual(['SLACK_API_URL must be an http(s) URL ending in "/", e.g. https://slack.com/api/']);
    expect(loadConfig({ SLACK_API_URL: 'http://127.0.0.1:4000/api/' }).slack.apiUrl).toBe('http://127.0.0.1:4000/api/');
  });
});

describe('replicas: HOST and DATABASE_URL', () => {
  it('reads the listening address and the PostgreSQL URL, and explains wrong ones', () => {
    const config = loadConfig({ HOST: '127.0.0.1', DATABASE_URL: 'postgres://u:p@db:5432/paperwire' });
    expect(config.host).toBe('127.0.0.1');
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/paperwire');
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a PostgreSQL URL/);
    expect(() => loadConfig({ HOST: 'not an address' })).toThrow(/HOST must be an address/);
  });
});

describe('many workspaces: the OAuth install', () => {
  const OAUTH = {
    SLACK_CLIENT_ID: '1111111111.2222222222',
    SLACK_CLIENT_SECRET: '0123456789abcdef0123456789abcdef',
    SLACK_STATE_SECRET: 'canary-state-secret-long-enough',
    SLACK_SIGNING_SECRET: SECRET,
  };
  const KEY = Buffer.alloc(32, 9);

  it('selects HTTP mode with the OAuth install and decodes the key from base64 or hex', () => {
    for (const written of [KEY.toString('base64'), KEY.toString('hex'), KEY.toString('base64url')]) {
      const config = loadConfig({ ...OAUTH, PAPERWIRE_ENCRYPTION_KEY: written });
      expect(config.mode).toBe('http');
      expect(config.slack.botToken).toBeUndefined();
      expect(config.slack.oauth?.clientId).toBe(OAUTH.SLACK_CLIENT_ID);
      expect(config.slack.oauth?.encryptionKey.equals(KEY)).toBe(true);
    }
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET }).slack.oauth).toBeUndefined();
  });

  it('refuses to start without a key, naming the variable and how to make one', () => {
    expect(problems(OAUTH)).toEqual([
      "PAPERWIRE_ENCRYPTION_KEY is missing: the OAuth install keeps each workspace's token encrypted with it; make one with `openssl rand -base64 32`, keep it secret and give every replica the same one",
    ]);
  });

  it('refuses a key that is not 32 bytes, without echoing it', () => {
    for (const wrong of ['canary-key', Buffer.alloc(16, 1).toString('base64'), `${KEY.toString('hex')}00`, Buffer.alloc(33, 2).toString('base64')]) {
      const list = problems({ ...OAUTH, PAPERWIRE_ENCRYPTION_KEY: wrong });
      expect(list).toEqual([
        'PAPERWIRE_ENCRYPTION_KEY must be 32 random bytes written in base64 (44 characters) or hex (64 characters); make one with `openssl rand -base64 32`',
      ]);
      expect(list.join('\n')).not.toContain(wrong);
    }
  });

  it('explains the combinations that cannot work, never echoing a secret', () => {
    const key = { PAPERWIRE_ENCRYPTION_KEY: KEY.toString('base64') };
    expect(problems({ ...OAUTH, ...key, SLACK_APP_TOKEN: APP, SLACK_BOT_TOKEN: BOT })).toEqual([
      'SLACK_APP_TOKEN cannot be combined with the OAuth install: installing in many workspaces needs HTTP mode (Slack sends people to /slack/install and /slack/oauth_redirect); unset SLACK_APP_TOKEN, or unset SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to run Socket Mode in one workspace',
      "SLACK_BOT_TOKEN cannot be combined with the OAuth install: each workspace's token comes from its own installation; unset SLACK_BOT_TOKEN, or unset SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to run in one workspace",
    ]);
    const { SLACK_SIGNING_SECRET: _, SLACK_STATE_SECRET: __, ...partial } = OAUTH;
    const list = problems({ ...partial, ...key });
    expect(list[0]).toMatch(
      /^SLACK_STATE_SECRET missing: the OAuth install for many workspaces needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together/,
    );
    expect(list[1]).toMatch(/^SLACK_SIGNING_SECRET is missing: the OAuth install runs in HTTP mode/);
    expect(problems({ ...OAUTH, SLACK_CLIENT_SECRET: 'canary not hex', SLACK_STATE_SECRET: 'canary' }).join('\n')).not.toContain('canary');
  });
});
