import type { DigestDelivery } from '../digest/delivery.js';
import { renderDigestParent, renderDigestReply, renderNotInChannel } from '../views/digest.js';
import type { Surface } from './surface.js';

/** Digests posted through a surface that cannot look back (the shell): rendered as in Slack, never found again. */
export function deliveryThroughSurface(surface: Surface): DigestDelivery {
  return {
    postParent: async (parent) => ({ ok: true, ts: await surface.post(parent.channelId, renderDigestParent(parent)) }),
    postReply: async (parentTs, reply) => ({
      ok: true,
      ts: await surface.post(reply.channelId, renderDigestReply(reply.position, reply.paper, reply.summary), parentTs),
    }),
    findParent: async () => undefined,
    findReply: async () => undefined,
    tellSubscriber: (_team, _user, notice) => surface.respond(renderNotInChannel(notice.channelId)),
  };
}
