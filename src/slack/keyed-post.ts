import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import { DeliveryError, type DeliveryPolicy, deliver } from '../digest/deliver.js';
import type { Log } from '../util/log.js';
import type { Message } from '../views/message.js';
import { deliveryFailure } from './digest-delivery.js';
import { findRecent, postMessage, SlackPostError } from './post.js';

/** Marks a message posted for a person (Share's card, a summary in a thread) so it can be found again. */
export const POST_EVENT_TYPE = 'paperwire_post';

/** A person is waiting: look again soon, and not for long. */
export const INTERACTIVE_POLICY: DeliveryPolicy = {
  uncertainRetries: 2,
  rateLimitRetries: 1,
  backoffMs: (attempt) => 400 * 2 ** attempt,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The message with a fresh key in its metadata (kept beside any metadata it already carries). */
export function withPostKey(message: Message, key: string): Message {
  const metadata = message.metadata
    ? { event_type: message.metadata.event_type, event_payload: { ...message.metadata.event_payload, post_key: key } }
    : { event_type: POST_EVENT_TYPE, event_payload: { post_key: key } };
  return { ...message, metadata };
}

/**
 * chat.postMessage at most once, for posts a person asked for. The client must not retry by itself
 * (src/slack/clients.ts): after a timeout or a 5xx the post may have landed, so the channel (or thread)
 * is searched for the post's key before it is sent again, as the digest does (src/digest/deliver.ts).
 */
export async function postOnce(
  client: WebClient,
  log: Log,
  args: { channel: string; message: Message; threadTs?: string },
  policy: DeliveryPolicy = INTERACTIVE_POLICY,
): Promise<string> {
  const key = randomUUID();
  const message = withPostKey(args.message, key);
  let refusal: SlackPostError | undefined;
  try {
    return await deliver(
      async () => {
        try {
          return { ok: true, ts: await postMessage(client, log, { channel: args.channel, message, threadTs: args.threadTs }) };
        } catch (error) {
          if (!(error instanceof SlackPostError)) throw error;
          refusal = error;
          return { ok: false, failure: deliveryFailure(error) };
        }
      },
      () => findRecent(client, args.channel, args.threadTs, (m) => m.metadata?.event_payload?.post_key === key, args.threadTs ? 50 : 20),
      policy,
    );
  } catch (error) {
    if (error instanceof DeliveryError && refusal) throw refusal;
    throw error;
  }
}
