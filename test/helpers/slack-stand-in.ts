import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call or response_url post, as the stand-in received it (form fields JSON-decoded). */
export interface RecordedCall {
  method: string;
  body: Record<string, any>;
  token?: string;
}

export interface Fault {
  status?: number;
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** Hold the answer this long (for timeouts). */
  delayMs?: number;
  /** Handle the call as usual (Slack has it), only answer late: for a client killed while it waits. */
  passThrough?: boolean;
  /** Handle the call as usual (the post lands), then answer with this fault's status and body: a 5xx after the fact. */
  landAnyway?: boolean;
}

/**
 * A local stand-in for the Slack Web API (`/api/<method>`) and for `response_url`s (`/respond/<id>`):
 * it records every call, answers like Slack does, and can be told to fail the next calls of a method.
 */
/** For the load benchmark: keep counts only (no call log, no message history) and hand each answer on as it arrives. */
export interface StandInOptions {
  record?: boolean;
  onAnswer?: (answer: { id: string; body: string; at: number }) => void;
}

export class SlackStandIn {
  readonly calls: RecordedCall[] = [];
  /** Calls per method, recorded or not. */
  readonly counts = new Map<string, number>();
  private server: Server = createServer((req, res) => void this.handle(req, res));
  private faults = new Map<string, Fault[]>();
  private nextTs = 1_700_000_000;
  /** users.info answers with this timezone per user id (unknown users get `user_not_found`). */
  readonly userTimezones = new Map<string, string>([['U1', 'Europe/Paris']]);
  /** apps.connections.open hands out this Socket Mode URL (see socket-mode-stand-in.ts). */
  socketModeUrl: string | undefined;
  /**
   * oauth.v2.access exchanges these codes for a workspace's bot token (the OAuth install); auth.test
   * then answers with that workspace for its token. Each code works once, as at Slack.
   */
  readonly oauthCodes = new Map<string, { teamId: string; botToken: string }>();
  /** The workspace of each bot token handed out by oauth.v2.access. */
  readonly tokenTeams = new Map<string, string>();
  /** conversations.history / replies answers with these messages per channel. */
  readonly messages = new Map<string, Array<Record<string, unknown>>>();

  constructor(private readonly options: StandInOptions = {}) {
    this.server.keepAliveTimeout = 30_000;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id = 'r1'): string {
    return `${this.url}/respond/${id}`;
  }

  /** The next `times` calls of `method` get this answer instead of the normal one. */
  fail(method: string, fault: Fault, times = 1): void {
    const queue = this.faults.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(fault);
    this.faults.set(method, queue);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves once `count` calls of `method` have arrived (or rejects after `timeoutMs`). */
  async waitFor(method: string, count = 1, timeoutMs = 5000): Promise<RecordedCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.callsTo(method).length < count) {
      if (Date.now() > deadline)
        throw new Error(`expected ${count} call(s) to ${method}, got ${this.callsTo(method).length}: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.callsTo(method);
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const method = path.startsWith('/respond/') ? `respond:${path.slice('/respond/'.length)}` : path.replace(/^\/api\//, '');
    const counted = method.startsWith('respond:') ? 'respond' : method;
    this.counts.set(counted, (this.counts.get(counted) ?? 0) + 1);
    if (this.options.onAnswer && method.startsWith('respond:'))
      this.options.onAnswer({ id: method.slice('respond:'.length), body: raw, at: performance.now() });
    if (this.options.record === false) {
      const answer = method === 'auth.test' ? this.answer(method, {}, undefined) : { ok: true, ts: `${this.nextTs++}.000100` };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      return;
    }
    const body = parseBody(raw, req.headers['content-type'] ?? '');
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '') || (body.token as string | undefined);
    this.calls.push({ method, body, token });

    const fault = this.faults.get(method)?.shift();
    const handled = fault?.passThrough || fault?.landAnyway ? this.answer(method, body, token) : undefined;
    const answer = fault?.passThrough ? handled : undefined;
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (answer) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
      return;
    }
    if (fault) {
      res.writeHead(fault.status ?? 200, { 'content-type': 'application/json', ...fault.headers });
      res.end(JSON.stringify(fault.body ?? { ok: false, error: 'fatal_error' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(this.answer(method, body, token)));
  }

  private answer(method: string, body: Record<string, any>, token?: string): Record<string, unknown> {
    switch (method) {
      case 'auth.test': {
        const team = (token && this.tokenTeams.get(token)) ?? 'T1';
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: team, user: 'paperwire', team: 'Test', url: `https://${team.toLowerCase()}.slack.test/` };
      }
      case 'oauth.v2.access': {
        const grant = this.oauthCodes.get(body.code);
        if (!grant || !body.client_id || !body.client_secret) return { ok: false, error: 'invalid_code' };
        this.oauthCodes.delete(body.code);
        this.tokenTeams.set(grant.botToken, grant.teamId);
        return {
          ok: true,
          access_token: grant.botToken,
          token_type: 'bot',
          scope: 'chat:write,commands',
          bot_user_id: 'UBOT2',
          app_id: 'A1',
          team: { id: grant.teamId, name: 'Second' },
          enterprise: null,
          is_enterprise_install: false,
          authed_user: { id: 'U2' },
        };
      }
      case 'chat.postMessage': {
        const ts = `${this.nextTs++}.000100`;
        const list = this.messages.get(body.channel) ?? [];
        list.push({ ts, text: body.text, thread_ts: body.thread_ts, bot_id: 'BBOT', user: 'UBOT', metadata: body.metadata });
        this.messages.set(body.channel, list);
        return { ok: true, channel: body.channel, ts, message: { ts, text: body.text } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${this.nextTs++}.000200` };
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts };
      case 'views.publish':
      case 'views.open':
        return { ok: true, view: { id: 'V1' } };
      case 'users.info': {
        const tz = this.userTimezones.get(body.user);
        return tz ? { ok: true, user: { id: body.user, tz } } : { ok: false, error: 'user_not_found' };
      }
      case 'conversations.history':
      case 'conversations.replies': {
        const all = this.messages.get(body.channel) ?? [];
        const found = body.ts ? all.filter((m) => m.ts === body.ts || m.thread_ts === body.ts) : all;
        return { ok: true, messages: found, has_more: false };
      }
      case 'reactions.add':
        return { ok: true };
      case 'apps.connections.open':
        return this.socketModeUrl ? { ok: true, url: this.socketModeUrl } : { ok: false, error: 'not_allowed_token_type' };
      default:
        return method.startsWith('respond:') ? { ok: true } : { ok: false, error: 'unknown_method' };
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string, type: string): Record<string, any> {
  if (!raw) return {};
  if (type.includes('json')) return JSON.parse(raw);
  const out: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    try {
      out[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    } catch {
      out[key] = value;
    }
  }
  return out;
}
