import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { DEFAULT_POLICY, type DeliveryPolicy } from '../../src/digest/deliver.js';
import { digestClient, slackDigestDelivery } from '../../src/slack/digest-delivery.js';
import { buildLibrary, type Library } from '../../src/library/library.js';
import { createLog } from '../../src/util/log.js';
import { createRuntime } from '../../src/app/runtime.js';
import type { Runtime } from '../../src/features/runtime.js';
import type { Subscription } from '../../src/digest/types.js';
import { CORPUS_DIR, NOW } from '../helpers/corpus.js';
import type { SlackStandIn } from '../helpers/slack-stand-in.js';

let shared: Library | undefined;
export async function library(): Promise<Library> {
  shared ??= buildLibrary(await loadCorpus(CORPUS_DIR, { now: NOW }));
  return shared;
}

export const tempDb = () => join(mkdtempSync(join(tmpdir(), 'paperwire-digest-')), 'paperwire.db');

/** A process of paperwire as the digest sees it: its own store connection, clock and log. */
export async function digestRuntime(dbPath: string, clock: { now: Date }) {
  const lines: string[] = [];
  const log = createLog({ sink: (line) => lines.push(line) });
  const rt = await createRuntime(loadConfig({ PAPERWIRE_DB: dbPath }), { log, now: () => clock.now, library: await library() });
  return { rt, store: rt.store, lines };
}

export function poster(slack: SlackStandIn, rt: Runtime, timeoutMs = 5000) {
  return slackDigestDelivery(digestClient({ slack: { botToken: 'xoxb-test-token', apiUrl: slack.apiUrl } }, rt.log, timeoutMs), rt.log);
}

/** Retries without the waiting, so fault tests run fast. */
export const FAST: DeliveryPolicy = { ...DEFAULT_POLICY, sleep: async () => {} };

export function subscription(over: Partial<Subscription> = {}): Subscription {
  return {
    channelId: 'C1',
    teamId: 'T1',
    time: '09:00',
    timezone: 'Europe/Paris',
    cadence: 'weekdays',
    topN: 3,
    createdBy: 'U1',
    createdAt: '2026-11-01T00:00:00.000Z',
    ...over,
  };
}

/** Digest posts in a channel as the stand-in received them. */
export function digestPosts(slack: SlackStandIn, channel = 'C1') {
  const posts = slack.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);
  return {
    parents: posts.filter((c) => c.body.thread_ts === undefined),
    replies: posts.filter((c) => c.body.thread_ts !== undefined),
  };
}

/** The paper each reply is about (from its metadata). */
export const replyPaper = (call: { body: Record<string, any> }): string => call.body.metadata?.event_payload?.paper_id;
