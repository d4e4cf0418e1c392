import type { WebClient } from '@slack/web-api';
import type { Log } from '../../util/log.js';
import type { Message } from '../../views/message.js';
import { renderModal } from '../../views/modal.js';
import { postOnce } from '../keyed-post.js';
import { slackErrorCode } from '../post.js';
import type { SeenMessage, Surface } from '../../features/surface.js';
import type { Respond } from '../response-url.js';

/** Where the request came from decides what "respond privately" means. */
export type Origin =
  /** A slash command, a shortcut, or a button on a message we sent privately. */
  | { kind: 'ephemeral'; respond: Respond }
  /** A button on a message everyone sees: answer privately, never replace it for everyone. */
  | { kind: 'public'; respond: Respond }
  /** A button on the App Home or in a modal: answer in a modal (`quiet`: the Home is republished instead). */
  | { kind: 'view'; triggerId: string; inModal: boolean; quiet?: boolean }
  /** An event: no private channel back to the person. */
  | { kind: 'event' };

/** `poster`: a client of the same workspace that never retries by itself, for posts that must land once. */
export function boltSurface(client: WebClient, log: Log, origin: Origin, poster: WebClient = client): Surface {
  return {
    async respond(message: Message, options = {}) {
      if (origin.kind === 'ephemeral' || origin.kind === 'public') {
        const replace = origin.kind === 'ephemeral' && options.replaceOriginal === true;
        await origin.respond({ response_type: 'ephemeral', replace_original: replace, text: message.text, blocks: message.blocks });
      } else if (origin.kind === 'view') {
        if (origin.quiet) return;
        const view = renderModal(message);
        if (origin.inModal) await client.views.push({ trigger_id: origin.triggerId, view });
        else await client.views.open({ trigger_id: origin.triggerId, view });
      } else {
        log.warn('a handler answered privately to an event, which has no private reply; dropped', { text: message.text.slice(0, 80) });
      }
    },
    post: (channel, message, threadTs) => postOnce(poster, log, { channel, message, threadTs }),
    async threadParent(channel: string, threadTs: string): Promise<SeenMessage | undefined> {
      try {
        const result = await client.conversations.replies({ channel, ts: threadTs, limit: 1, include_all_metadata: true });
        const first = result.messages?.[0];
        return first ? (first as SeenMessage) : undefined;
      } catch (error) {
        // Without the thread's first message the handler answers that it cannot tell the paper.
        log.warn('could not read the first message of a thread', { channel, code: slackErrorCode(error) });
        return undefined;
      }
    },
  };
}
