import type { WebClient } from '@slack/web-api';
import type { KnownBlock } from '@slack/types';
import { PostRefused, type SeenMessage } from '../features/surface.js';
import type { Log } from '../util/log.js';
import type { Message } from '../views/message.js';

export type { Message };

/** Slack refused a post: its error code, and what a person can do about it. */
export class SlackPostError extends PostRefused {
  constructor(
    readonly code: string,
    userMessage: string,
    /** For `ratelimited`: the seconds Slack asked us to wait. */
    readonly retryAfterSeconds?: number,
  ) {
    super(code, userMessage);
    this.message = `Slack refused the message: ${code}`;
    this.name = 'SlackPostError';
  }
}

/** Slack may have acted on a request that failed this way (a timeout, a 5xx): check before sending it again. */
export const UNCERTAIN_CODES = new Set(['request_failed', 'http_error']);

/** Codes after which posting anywhere is pointless until someone reinstalls the app. */
export const FATAL_AUTH_CODES = new Set(['token_revoked', 'account_inactive', 'invalid_auth', 'not_authed', 'token_expired']);

const USER_MESSAGES: Record<string, string> = {
  not_in_channel: "I'm not in this channel yet: invite me with `/invite @paperwire`, then try again.",
  channel_not_found: "I can't see that channel: it may be private or deleted. Invite me with `/invite @paperwire`.",
  is_archived: 'This channel is archived, so I cannot post in it.',
  ratelimited: 'Slack is rate-limiting me right now; please try again in a minute.',
  msg_too_long: 'That message was too long for Slack.',
};

export function userMessageFor(code: string): string {
  if (FATAL_AUTH_CODES.has(code)) return "paperwire's Slack token is no longer valid; ask whoever installed it to reinstall the app.";
  return USER_MESSAGES[code] ?? `Slack answered with an error (${code}); please try again.`;
}

export function slackErrorCode(error: unknown): string {
  const data = (error as { data?: { error?: string } }).data;
  const code = (error as { code?: string }).code;
  if (data?.error) return data.error;
  if (code === 'slack_webapi_rate_limited_error') return 'ratelimited';
  if (code === 'slack_webapi_request_error') return 'request_failed';
  if (code === 'slack_webapi_http_error') return 'http_error';
  return 'unknown_error';
}

/** What a payload looked like, for logs: block types and text sizes, never the text itself. */
export function payloadShape(blocks: KnownBlock[]): Array<Record<string, unknown>> {
  return blocks.map((b) => {
    const text = (b as { text?: { text?: string } }).text?.text;
    const elements = (b as { elements?: unknown[] }).elements;
    return { type: b.type, ...(text !== undefined ? { textLength: text.length } : {}), ...(elements ? { elements: elements.length } : {}) };
  });
}

/**
 * chat.postMessage with the handling a person would want: Slack's rate limits and 5xx are retried by
 * the client; a payload Slack rejects as invalid is logged by shape and sent again as plain text; any
 * other refusal becomes a SlackPostError that says what to do.
 */
export async function postMessage(client: WebClient, log: Log, args: { channel: string; message: Message; threadTs?: string }): Promise<string> {
  const { channel, message, threadTs } = args;
  try {
    const result = await client.chat.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks,
      thread_ts: threadTs,
      unfurl_links: false,
      unfurl_media: false,
      ...(message.metadata ? { metadata: message.metadata } : {}),
    });
    return result.ts as string;
  } catch (error) {
    const code = slackErrorCode(error);
    if (code === 'invalid_blocks' || code === 'invalid_blocks_format') {
      log.error('Slack rejected a message payload; sending it as plain text', { channel, code, shape: payloadShape(message.blocks) });
      try {
        const result = await client.chat.postMessage({
          channel,
          text: message.text,
          thread_ts: threadTs,
          unfurl_links: false,
          ...(message.metadata ? { metadata: message.metadata } : {}),
        });
        return result.ts as string;
      } catch (fallbackError) {
        const fallbackCode = slackErrorCode(fallbackError);
        throw new SlackPostError(fallbackCode, userMessageFor(fallbackCode));
      }
    }
    log.warn('Slack refused a message', { channel, code });
    throw new SlackPostError(code, userMessageFor(code), (error as { retryAfter?: number }).retryAfter);
  }
}

/**
 * The ts of a recent message in a channel (or a thread's replies) that `match` recognises, read with
 * its metadata: how a post that may have landed before a timeout or a crash is found again.
 */
export async function findRecent(
  client: WebClient,
  channel: string,
  threadTs: string | undefined,
  match: (message: SeenMessage) => boolean,
  limit: number,
): Promise<string | undefined> {
  const result = threadTs
    ? await client.conversations.replies({ channel, ts: threadTs, limit, include_all_metadata: true })
    : await client.conversations.history({ channel, limit, include_all_metadata: true });
  const messages = (result.messages ?? []) as Array<SeenMessage & { ts?: string }>;
  return messages.find((m) => m.ts && match(m))?.ts;
}
