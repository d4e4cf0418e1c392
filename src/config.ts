import { existsSync } from 'node:fs';
import { z } from 'zod';
import { parseKey } from './util/seal.js';
import { fromPackageRoot } from './util/paths.js';

/** The one place that reads the environment. Secrets are never echoed back in an error. */

export type SlackMode = 'socket' | 'http' | 'shell';

const optionalText = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s === '' ? undefined : s));

function numberVar(rule: string, min: number, max: number, fallback?: number) {
  return optionalText
    .transform((v) => (v === undefined ? fallback : Number(v)))
    .refine((n) => n === undefined || (Number.isInteger(n) && n >= min && n <= max), { message: rule });
}

const envSchema = z.object({
  SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || /^xoxb-[\w-]+$/.test(v), {
    message: 'must be a bot token starting with "xoxb-" (OAuth & Permissions → Bot User OAuth Token)',
  }),
  SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || /^xapp-[\w-]+$/.test(v), {
    message: 'must be an app-level token starting with "xapp-" (Basic Information → App-Level Tokens, scope connections:write)',
  }),
  SLACK_SIGNING_SECRET: optionalText.refine((v) => v === undefined || /^[0-9a-f]{20,}$/i.test(v), {
    message: 'must be the hex signing secret from Basic Information → App Credentials',
  }),
  SLACK_CLIENT_ID: optionalText.refine((v) => v === undefined || /^\d+\.\d+$/.test(v), {
    message: 'must be the Client ID from Basic Information → App Credentials (digits, a dot, digits)',
  }),
  SLACK_CLIENT_SECRET: optionalText.refine((v) => v === undefined || /^[0-9a-f]{20,}$/i.test(v), {
    message: 'must be the hex Client Secret from Basic Information → App Credentials',
  }),
  SLACK_STATE_SECRET: optionalText.refine((v) => v === undefined || v.length >= 16, {
    message: "must be at least 16 characters of your own choosing (it signs the install link's state), e.g. from `openssl rand -hex 16`",
  }),
  PAPERWIRE_ENCRYPTION_KEY: optionalText.refine((v) => v === undefined || parseKey(v) !== undefined, {
    message: `must be 32 random bytes written in base64 (44 characters) or hex (64 characters); make one with \`openssl rand -base64 32\``,
  }),
  SLACK_API_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s]+\/$/.test(v), {
    message: 'must be an http(s) URL ending in "/", e.g. https://slack.com/api/',
  }),
  PORT: numberVar('must be a port number from 1 to 65535', 1, 65535, 3000),
  HOST: optionalText.refine((v) => v === undefined || /^[\w.:-]+$|^\[[0-9a-f:]+\]$/i.test(v), {
    message: 'must be an address to listen on, such as 127.0.0.1, 0.0.0.0 or ::',
  }),
  DATABASE_URL: optionalText.refine((v) => v === undefined || /^postgres(ql)?:\/\/\S+$/.test(v), {
    message: 'must be a PostgreSQL URL such as postgres://user:password@host:5432/paperwire (unset it to use SQLite at PAPERWIRE_DB)',
  }),
  PAPERWIRE_CORPUS_DIR: optionalText.transform((v) => fromPackageRoot(v ?? 'data/corpus')),
  PAPERWIRE_CORPUS_YEAR: numberVar('must be a year such as 2025', 1990, 2100),
  PAPERWIRE_DB: optionalText.transform((v) => (v === ':memory:' ? v : fromPackageRoot(v ?? 'data/paperwire.db'))),
  PAPERWIRE_CATCHUP_HOURS: numberVar('must be a whole number of hours from 0 to 48', 0, 48, 6),
  PAPERWIRE_DIGEST_LEASE_SECONDS: numberVar('must be a whole number of seconds from 1 to 3600', 1, 3600, 60),
  PAPERWIRE_LLM_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), {
    message: 'must be the http(s) URL of an OpenAI-compatible chat completions endpoint',
  }),
  PAPERWIRE_LLM_MODEL: optionalText,
  PAPERWIRE_LLM_API_KEY: optionalText,
  PAPERWIRE_LLM_TIMEOUT_MS: numberVar('must be a whole number of milliseconds from 100 to 120000', 100, 120_000, 8000),
  PAPERWIRE_HF_API_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s]+\/$/.test(v), {
    message: 'must be an http(s) URL ending in "/", e.g. https://huggingface.co/api/',
  }),
  PAPERWIRE_INGEST: optionalText.refine((v) => v === undefined || /^(on|off)$/i.test(v), {
    message: 'must be "on" (fetch the Hugging Face daily papers) or "off"',
  }),
  PAPERWIRE_INGEST_EVERY_MINUTES: numberVar('must be a whole number of minutes from 5 to 1440', 5, 1440, 60),
});

/** Slack's OAuth install for many workspaces (HTTP mode): each workspace's token comes from its installation, sealed in the store. */
export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** PAPERWIRE_ENCRYPTION_KEY, decoded: the 32-byte AES-256-GCM key installations are sealed with. */
  encryptionKey: Buffer;
}

export interface ModelConfig {
  url: string;
  model: string;
  apiKey: string;
  timeoutMs: number;
}

export interface Config {
  mode: SlackMode;
  slack: { botToken?: string; appToken?: string; signingSecret?: string; apiUrl?: string; oauth?: OAuthConfig };
  port: number;
  /** HTTP mode: the address to listen on (every interface when unset). */
  host?: string;
  /** PostgreSQL, shared by every replica; SQLite at dbPath when unset. */
  databaseUrl?: string;
  corpusDir: string;
  corpusYear?: number;
  dbPath: string;
  catchUpMs: number;
  /** How long a replica may go silent mid-digest before another takes the run over (PAPERWIRE_DIGEST_LEASE_SECONDS). */
  digestLeaseMs: number;
  model?: ModelConfig;
  ingest: IngestConfig;
}

/** Where and how often fresh papers are fetched from the Hugging Face daily papers API. */
export interface IngestConfig {
  /** Ends in "/"; requests go to `${apiUrl}daily_papers?…`. */
  apiUrl: string;
  /** PAPERWIRE_INGEST=off turns the running app's refresh off (`paperwire ingest` still runs when asked). */
  enabled: boolean;
  /** How often the running app refreshes the last days. */
  everyMs: number;
}

export const DEFAULT_HF_API_URL = 'https://huggingface.co/api/';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`paperwire cannot start; fix the environment (or .env):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`));
  }
  const v = parsed.data;
  const problems: string[] = [];

  const { SLACK_BOT_TOKEN: bot, SLACK_APP_TOKEN: app, SLACK_SIGNING_SECRET: secret } = v;
  const oauthVars = { SLACK_CLIENT_ID: v.SLACK_CLIENT_ID, SLACK_CLIENT_SECRET: v.SLACK_CLIENT_SECRET, SLACK_STATE_SECRET: v.SLACK_STATE_SECRET };
  const oauthWanted = Object.values(oauthVars).some(Boolean);
  let mode: SlackMode = 'shell';
  let oauth: OAuthConfig | undefined;
  if (oauthWanted) {
    mode = 'http';
    const missing = Object.entries(oauthVars)
      .filter(([, value]) => !value)
      .map(([name]) => name);
    if (missing.length > 0) {
      problems.push(
        `${missing.join(', ')} missing: the OAuth install for many workspaces needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together (unset all three for one workspace with SLACK_BOT_TOKEN)`,
      );
    }
    if (app) {
      problems.push(
        'SLACK_APP_TOKEN cannot be combined with the OAuth install: installing in many workspaces needs HTTP mode (Slack sends people to /slack/install and /slack/oauth_redirect); unset SLACK_APP_TOKEN, or unset SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to run Socket Mode in one workspace',
      );
    }
    if (bot) {
      problems.push(
        "SLACK_BOT_TOKEN cannot be combined with the OAuth install: each workspace's token comes from its own installation; unset SLACK_BOT_TOKEN, or unset SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to run in one workspace",
      );
    }
    if (!secret) problems.push('SLACK_SIGNING_SECRET is missing: the OAuth install runs in HTTP mode, which checks every request with the signing secret');
    const key = v.PAPERWIRE_ENCRYPTION_KEY ? parseKey(v.PAPERWIRE_ENCRYPTION_KEY) : undefined;
    if (!v.PAPERWIRE_ENCRYPTION_KEY) {
      problems.push(
        "PAPERWIRE_ENCRYPTION_KEY is missing: the OAuth install keeps each workspace's token encrypted with it; make one with `openssl rand -base64 32`, keep it secret and give every replica the same one",
      );
    }
    if (key && v.SLACK_CLIENT_ID && v.SLACK_CLIENT_SECRET && v.SLACK_STATE_SECRET) {
      oauth = { clientId: v.SLACK_CLIENT_ID, clientSecret: v.SLACK_CLIENT_SECRET, stateSecret: v.SLACK_STATE_SECRET, encryptionKey: key };
    }
  } else if (app) {
    mode = 'socket';
    if (!bot) problems.push('SLACK_BOT_TOKEN is missing: Socket Mode needs the bot token (xoxb-) as well as SLACK_APP_TOKEN');
  } else if (bot) {
    mode = 'http';
    if (!secret) {
      problems.push('SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is missing: set SLACK_APP_TOKEN (xapp-) for Socket Mode, or SLACK_SIGNING_SECRET for HTTP mode');
    }
  } else if (secret) {
    problems.push('SLACK_BOT_TOKEN is missing: SLACK_SIGNING_SECRET alone cannot run the app (unset it to use the local shell)');
  }

  const llm = [v.PAPERWIRE_LLM_URL, v.PAPERWIRE_LLM_MODEL, v.PAPERWIRE_LLM_API_KEY];
  if (llm.some(Boolean) && !llm.every(Boolean)) {
    const missing = ['PAPERWIRE_LLM_URL', 'PAPERWIRE_LLM_MODEL', 'PAPERWIRE_LLM_API_KEY'].filter((_, i) => !llm[i]);
    problems.push(`${missing.join(', ')} missing: a model summary needs the URL, the model name and the key together (or none of them)`);
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    mode,
    slack: { botToken: bot, appToken: app, signingSecret: secret, apiUrl: v.SLACK_API_URL, ...(oauth ? { oauth } : {}) },
    port: v.PORT!,
    host: v.HOST,
    databaseUrl: v.DATABASE_URL,
    corpusDir: v.PAPERWIRE_CORPUS_DIR,
    corpusYear: v.PAPERWIRE_CORPUS_YEAR,
    dbPath: v.PAPERWIRE_DB,
    catchUpMs: v.PAPERWIRE_CATCHUP_HOURS! * 3_600_000,
    digestLeaseMs: v.PAPERWIRE_DIGEST_LEASE_SECONDS! * 1000,
    model:
      v.PAPERWIRE_LLM_URL && v.PAPERWIRE_LLM_MODEL && v.PAPERWIRE_LLM_API_KEY
        ? { url: v.PAPERWIRE_LLM_URL, model: v.PAPERWIRE_LLM_MODEL, apiKey: v.PAPERWIRE_LLM_API_KEY, timeoutMs: v.PAPERWIRE_LLM_TIMEOUT_MS! }
        : undefined,
    ingest: {
      apiUrl: v.PAPERWIRE_HF_API_URL ?? DEFAULT_HF_API_URL,
      enabled: v.PAPERWIRE_INGEST?.toLowerCase() !== 'off',
      everyMs: v.PAPERWIRE_INGEST_EVERY_MINUTES! * 60_000,
    },
  };
}

/** Reads `.env` at the repo root into process.env (variables already set win), for `npm start` and the CLI alike. */
export function loadDotEnv(): void {
  const envFile = fromPackageRoot('.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
}
