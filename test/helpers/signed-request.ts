import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'abcdef0123456789abcdef0123456789';

/** Sends a request to the app exactly as Slack signs it: HMAC SHA-256 of `v0:timestamp:body`. */
export async function sendSigned(
  url: string,
  body: string,
  contentType: string,
  options: { secret?: string; timestamp?: number; headers?: Record<string, string> } = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature =
    'v0=' +
    createHmac('sha256', options.secret ?? SIGNING_SECRET)
      .update(`v0:${timestamp}:${body}`)
      .digest('hex');
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature, ...options.headers },
    body,
  });
}

export function slashCommand(url: string, fields: Record<string, string>, options?: { secret?: string; timestamp?: number }) {
  const body = new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    channel_id: 'C1',
    channel_name: 'papers',
    user_id: 'U1',
    user_name: 'ada',
    command: '/papers',
    trigger_id: 'trig',
    ...fields,
  }).toString();
  return sendSigned(url, body, 'application/x-www-form-urlencoded', options);
}

export function interaction(url: string, payload: Record<string, unknown>) {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return sendSigned(url, body, 'application/x-www-form-urlencoded');
}

/** An Events API delivery; `eventId` and `retryNum` make it one of Slack's retries of an earlier one. */
export function event(url: string, event: Record<string, unknown>, options: { eventId?: string; retryNum?: number; teamId?: string } = {}) {
  const body = JSON.stringify({
    token: 'legacy',
    team_id: options.teamId ?? 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: options.eventId ?? `Ev${Date.now()}${Math.random()}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
  const headers: Record<string, string> =
    options.retryNum === undefined ? {} : { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' };
  return sendSigned(url, body, 'application/json', { headers });
}

/** A block_actions payload for one button press, as Slack sends it from a message in channel C1 (by default). */
export function buttonPress(actionId: string, value: string, responseUrl: string, options: { channel?: string; ephemeral?: boolean; user?: string } = {}) {
  const channel = options.channel ?? 'C1';
  return {
    type: 'block_actions',
    user: { id: options.user ?? 'U1', team_id: 'T1', username: 'ada' },
    team: { id: 'T1', domain: 'test' },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: 'trig',
    container: { type: 'message', message_ts: '1.1', channel_id: channel, is_ephemeral: options.ephemeral ?? true },
    channel: { id: channel, name: 'papers' },
    response_url: responseUrl,
    actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value, action_ts: '1.2' }],
  };
}
