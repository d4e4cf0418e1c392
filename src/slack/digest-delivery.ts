import { WebClient } from '@slack/web-api';
import type { Config } from '../config.js';
import type { Delivered, DeliveryFailure, DigestDelivery } from '../digest/delivery.js';
import type { SeenMessage } from '../features/surface.js';
import type { Log } from '../util/log.js';
import { CARD_EVENT_TYPE } from '../views/card.js';
import { DIGEST_EVENT_TYPE, renderDigestParent, renderDigestReply, renderNotInChannel } from '../views/digest.js';
import type { Message } from '../views/message.js';
import { noRetryClients } from './clients.js';
import { slackLogger } from './logger.js';
import { FATAL_AUTH_CODES, findRecent, postMessage, SlackPostError, UNCERTAIN_CODES } from './post.js';

/** How far back a lost post is looked for: a digest is one parent and at most ten replies. */
const LOOKBACK = 50;

/**
 * The digest's own Web API client: it never retries by itself. A rate limit comes back to the run,
 * which waits as asked; a timeout or a 5xx may have posted after all, so the run looks in the channel
 * before it sends again (src/digest/deliver.ts). Blind retries could post a digest twice.
 */
export function digestClient(config: Pick<Config, 'slack'>, log: Log, timeoutMs = 10_000): WebClient {
  return new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    logger: slackLogger(log),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: timeoutMs,
  });
}

/** Slack's error codes in the digest's terms. */
export function deliveryFailure(error: SlackPostError): DeliveryFailure {
  const { code } = error;
  if (code === 'ratelimited') return { kind: 'rate-limited', retryAfterSeconds: error.retryAfterSeconds ?? 30 };
  if (UNCERTAIN_CODES.has(code)) return { kind: 'uncertain', detail: code };
  if (FATAL_AUTH_CODES.has(code)) return { kind: 'auth-revoked', detail: code };
  if (code === 'channel_not_found') return { kind: 'channel-gone', reason: 'not-found' };
  if (code === 'is_archived') return { kind: 'channel-gone', reason: 'archived' };
  if (code === 'not_in_channel') return { kind: 'not-in-channel' };
  return { kind: 'other', detail: code };
}

/** The Web API client to post with in a workspace; undefined when paperwire is not installed there (OAuth mode). */
export type WorkspaceClients = (teamId: string) => Promise<WebClient | undefined>;

/** Digest clients (see digestClient) for each workspace's token: the one bot token, or each installation's. */
export function workspaceDigestClients(config: Pick<Config, 'slack'>, log: Log, tokenFor: (teamId: string) => Promise<string | undefined>): WorkspaceClients {
  const clients = noRetryClients(config, log);
  return async (teamId) => {
    const token = await tokenFor(teamId);
    return token ? clients(token) : undefined;
  };
}

const NOT_INSTALLED: Delivered = { ok: false, failure: { kind: 'auth-revoked', detail: 'not installed in this workspace' } };

/**
 * Digests through the Web API, each posted with the token of the workspace its subscription belongs
 * to: rendered with the views, recognised again by their message metadata.
 */
export function slackDigestDelivery(clients: WebClient | WorkspaceClients, log: Log): DigestDelivery {
  const clientFor: WorkspaceClients = typeof clients === 'function' ? clients : async () => clients;
  const post = async (teamId: string, channel: string, message: Message, threadTs?: string): Promise<Delivered> => {
    const client = await clientFor(teamId);
    if (!client) return NOT_INSTALLED;
    try {
      return { ok: true, ts: await postMessage(client, log, { channel, message, threadTs }) };
    } catch (error) {
      if (error instanceof SlackPostError) return { ok: false, failure: deliveryFailure(error) };
      throw error;
    }
  };
  const find = async (teamId: string, channel: string, threadTs: string | undefined, match: (message: SeenMessage) => boolean) => {
    const client = await clientFor(teamId);
    return client ? findRecent(client, channel, threadTs, match, LOOKBACK) : undefined;
  };
  return {
    postParent: (parent) => post(parent.teamId, parent.channelId, renderDigestParent(parent)),
    postReply: (parentTs, reply) => post(reply.teamId, reply.channelId, renderDigestReply(reply.position, reply.paper, reply.summary), parentTs),
    findParent: (teamId, channel, runId) =>
      find(teamId, channel, undefined, (m) => m.metadata?.event_type === DIGEST_EVENT_TYPE && m.metadata.event_payload?.run_id === runId),
    findReply: (teamId, channel, parentTs, position) =>
      find(teamId, channel, parentTs, (m) => m.metadata?.event_type === CARD_EVENT_TYPE && m.metadata.event_payload?.position === position),
    async tellSubscriber(teamId, userId, notice) {
      const client = await clientFor(teamId);
      if (client) await postMessage(client, log, { channel: userId, message: renderNotInChannel(notice.channelId) });
    },
  };
}
