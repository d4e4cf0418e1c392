import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDigest, resumeDigest } from '../../src/digest/run.js';
import type { DigestDelivery } from '../../src/digest/delivery.js';
import { expectValidMessage } from '../helpers/block-kit.js';
import { SlackStandIn } from '../helpers/slack-stand-in.js';
import { FAST, digestPosts, digestRuntime, poster, replyPaper, subscription, tempDb } from './harness.js';

let slack: SlackStandIn;
beforeEach(async () => {
  slack = await new SlackStandIn().start();
});
afterEach(() => slack.stop());

const MONDAY = new Date('2026-11-23T08:00:00Z'); // 09:00 in Paris

describe('posting a digest', () => {
  it('posts one parent and one threaded reply per paper, all valid Block Kit, and never twice a day', async () => {
    const db = tempDb();
    const { rt, store } = await digestRuntime(db, { now: MONDAY });
    await store.subscriptions.upsert(subscription());
    const outcome = await runDigest(rt, poster(slack, rt), { teamId: 'T1', channelId: 'C1', reason: 'scheduled', now: MONDAY, owner: 'a' });
    expect(outcome.status).toBe('posted');
    const { parents, replies } = digestPosts(slack);
    expect(parents).toHaveLength(1);
    expect(replies).toHaveLength(3);
    expect(replies.every((r) => r.body.thread_ts === parents[0]!.body.ts || r.body.thread_ts === (outcome as { parentTs: string }).parentTs)).toBe(true);
    for (const call of [...parents, ...replies]) expectValidMessage(call.body as never);
    expect(JSON.stringify(parents[0]!.body.blocks)).toContain('Monday 23 November 2026');

    const again = await runDigest(rt, poster(slack, rt), {
      teamId: 'T1',
      channelId: 'C1',
      reason: 'scheduled',
      now: new Date(MONDAY.getTime() + 3_600_000),
      owner: 'a',
    });
    expect(again.status).toBe('already-posted');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(4);
  });

  it('never repeats a paper on later days, and posts fewer when fewer are left', async () => {
    const { rt, store } = await digestRuntime(tempDb(), { now: MONDAY });
    await store.subscriptions.upsert(subscription({ topN: 5, topic: 'quantization' }));
    const seen: string[] = [];
    for (let day = 0; day < 6; day++) {
      const now = new Date(MONDAY.getTime() + day * 86_400_000);
      await runDigest(rt, poster(slack, rt), { teamId: 'T1', channelId: 'C1', reason: 'scheduled', now, owner: 'a' });
    }
    for (const reply of digestPosts(slack).replies) seen.push(replyPaper(reply));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThan(5);
    const outcome = await runDigest(rt, poster(slack, rt), {
      teamId: 'T1',
      channelId: 'C1',
      reason: 'scheduled',
      now: new Date(MONDAY.getTime() + 40 * 86_400_000),
      owner: 'a',
    });
    expect(['posted', 'empty']).toContain(outcome.status);
  });

  it('resumes the missing replies after a refused reply, with no second parent', async () => {
    const db = tempDb();
    const clock = { now: MONDAY };
    const first = await digestRuntime(db, clock);
    await first.store.subscriptions.upsert(subscription());
    slack.fail('chat.postMessage', { body: { ok: true, ts: '1.1', channel: 'C1' } }); // parent goes through (as recorded by the fault)
    slack.fail('chat.postMessage', { body: { ok: false, error: 'fatal_error' } }); // first reply refused
    const outcome = await runDigest(first.rt, poster(slack, first.rt), { teamId: 'T1', channelId: 'C1', reason: 'scheduled', now: MONDAY, owner: 'a' });
    expect(outcome.status).toBe('failed');

    clock.now = new Date(MONDAY.getTime() + 120_000);
    const second = await digestRuntime(db, clock);
    const run = (await second.store.digests.unfinished())[0]!;
    const resumed = await resumeDigest(second.rt, poster(slack, second.rt), run.id, 'b');
    expect(resumed.status).toBe('resumed');
    const { parents, replies } = digestPosts(slack);
    expect(parents).toHaveLength(1);
    const delivered = replies.slice(1).map(replyPaper);
    expect(delivered).toHaveLength(3);
    expect(new Set(delivered).size).toBe(3);
  });

  it('finds a parent Slack accepted but the crashed process never recorded, instead of posting a second', async () => {
    const db = tempDb();
    const clock = { now: MONDAY };
    const first = await digestRuntime(db, clock);
    await first.store.subscriptions.upsert(subscription());
    const real = poster(slack, first.rt);
    const crashing: DigestDelivery = {
      ...real,
      postParent: async (parent) => {
        await real.postParent(parent);
        throw new Error('process killed before the ts was recorded');
      },
    };
    await runDigest(first.rt, crashing, { teamId: 'T1', channelId: 'C1', reason: 'scheduled', now: MONDAY, owner: 'a' });
    expect(digestPosts(slack).parents).toHaveLength(1);

    clock.now = new Date(MONDAY.getTime() + 120_000);
    const second = await digestRuntime(db, clock);
    const outcome = await runDigest(second.rt, poster(slack, second.rt), { teamId: 'T1', channelId: 'C1', reason: 'scheduled', now: clock.now, owner: 'b' });
    expect(outcome.status).toBe('resumed');
    const { parents, replies } = digestPosts(slack);
    expect(parents).toHaveLength(1);
    expect(replies.map(replyPaper).sort()).toEqual([...new Set(replies.map(replyPaper))].sort());
    expect(replies).toHaveLength(3);
  });

  it('lets only one of two processes on the same database post', async () => {
    const db = tempDb();
    const clock = { now: MONDAY };
    const a = await digestRuntime(db, clock);
    const b = await digestRuntime(db, clock);
    await a.store.subscriptions.upsert(subscription());
    const outcomes = await Promise.all([
      runDigest(a.rt, poster(slack, a.rt), { teamId: 'T1', channelId: 'C1', reason: 'scheduled', now: MONDAY, owner: 'a' }),
      runDigest(b.rt, poster(slack, b.rt), { teamId: 'T1', channelId: 'C1', reason: 'scheduled', now: MONDAY, owner: 'b' }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['busy', 'posted']);
    expect(digestPosts(slack).parents).toHaveLength(1);
    expect(digestPosts(slack).replies).toHaveLength(3);
  });

  it('`digest now` posts the day’s digest, then only previews that do not replace it', async () => {
    const { rt, store } = await digestRuntime(tempDb(), { now: MONDAY });
    await store.subscriptions.upsert(subscription());
    expect((await runDigest(rt, poster(slack, rt), { teamId: 'T1', channelId: 'C1', reason: 'now', now: MONDAY, owner: 'a' })).status).toBe('posted');
    expect((await runDigest(rt, poster(slack, rt), { teamId: 'T1', channelId: 'C1', reason: 'now', now: MONDAY, owner: 'a' })).status).toBe('posted');
    expect(JSON.stringify(digestPosts(slack).parents[1]!.body.blocks)).toContain('Preview');
    expect((await runDigest(rt, poster(slack, rt), { teamId: 'T1', channelId: 'C1', reason: 'scheduled', now: MONDAY, owner: 'a' })).status).toBe(
      'already-posted',
    );
  });
});

describe('when Slack says no', () => {
  const run = async (error: string) => {
    const { rt, store, lines } = await digestRuntime(tempDb(), { now: MONDAY });
    await store.subscriptions.upsert(subscription());
    slack.fail('chat.postMessage', { body: { ok: false, error } });
    const outcome = await runDigest(rt, poster(slack, rt), { teamId: 'T1', channelId: 'C1', reason: 'scheduled', now: MONDAY, owner: 'a' });
    return { outcome, store, lines };
  };

  it('not_in_channel: tells the subscriber in a direct message to invite the bot, and shows it on the channel', async () => {
    const { outcome, store } = await run('not_in_channel');
    expect(outcome.status).toBe('failed');
    const dm = slack.callsTo('chat.postMessage').find((c) => c.body.channel === 'U1');
    expect(JSON.stringify(dm?.body.blocks)).toContain('/invite @paperwire');
    expect((await store.subscriptions.get('T1', 'C1'))!.lastProblem).toContain('invite');
    expect((await store.digests.postedPaperIds('T1', 'C1')).size).toBe(0);
  });

  it.each(['channel_not_found', 'is_archived'])('%s: pauses the subscription and logs it', async (error) => {
    const { outcome, store, lines } = await run(error);
    expect(outcome.status).toBe('paused');
    expect((await store.subscriptions.get('T1', 'C1'))!.pausedReason).toBeTruthy();
    expect(lines.some((l) => l.includes('digest paused'))).toBe(true);
  });

  it.each(['token_revoked', 'account_inactive'])('%s: stops and says why in the log', async (error) => {
    const { outcome, lines } = await run(error);
    expect(outcome.status).toBe('stopped');
    expect(lines.some((l) => l.includes('reinstalled') && l.includes(error))).toBe(true);
  });

  it('a rate limit is waited out (Retry-After) with no duplicate post', async () => {
    const { rt, store } = await digestRuntime(tempDb(), { now: MONDAY });
    await store.subscriptions.upsert(subscription());
    slack.fail('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });
    const started = Date.now();
    const outcome = await runDigest(rt, poster(slack, rt), { teamId: 'T1', channelId: 'C1', reason: 'scheduled', now: MONDAY, owner: 'a' });
    expect(outcome.status).toBe('posted');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const { parents, replies } = digestPosts(slack);
    expect(parents.filter((p) => p.body.metadata?.event_type === 'paperwire_digest')).toHaveLength(2); // the refused try and the one that landed
    expect(slack.messages.get('C1')!.filter((m) => m.thread_ts === undefined)).toHaveLength(1);
    expect(replies).toHaveLength(3);
  });

  it('500s are retried with backoff, checking first that Slack did not post after all', async () => {
    const { rt, store } = await digestRuntime(tempDb(), { now: MONDAY });
    await store.subscriptions.upsert(subscription());
    slack.fail('chat.postMessage', { status: 500, body: { ok: false } }, 2);
    const outcome = await runDigest(rt, poster(slack, rt), { teamId: 'T1', channelId: 'C1', reason: 'scheduled', now: MONDAY, owner: 'a' }, FAST);
    expect(outcome.status).toBe('posted');
    expect(slack.callsTo('conversations.history')).toHaveLength(2);
    expect(slack.messages.get('C1')!.filter((m) => m.thread_ts === undefined)).toHaveLength(1);
  });

  it('a post Slack took but answered too late for is found, not sent twice', async () => {
    const { rt, store } = await digestRuntime(tempDb(), { now: MONDAY });
    await store.subscriptions.upsert(subscription());
    slack.fail('chat.postMessage', { passThrough: true, delayMs: 1500 });
    const outcome = await runDigest(rt, poster(slack, rt, 300), { teamId: 'T1', channelId: 'C1', reason: 'scheduled', now: MONDAY, owner: 'a' }, FAST);
    expect(outcome.status).toBe('posted');
    expect(slack.messages.get('C1')!.filter((m) => m.thread_ts === undefined)).toHaveLength(1);
    expect(digestPosts(slack).replies).toHaveLength(3);
  });

  it('a Slack that keeps failing is reported, and the run completes later without a duplicate', async () => {
    const db = tempDb();
    const clock = { now: MONDAY };
    const { rt, store, lines } = await digestRuntime(db, clock);
    await store.subscriptions.upsert(subscription());
    slack.fail('chat.postMessage', { status: 503, body: { ok: false } }, 4);
    const outcome = await runDigest(rt, poster(slack, rt), { teamId: 'T1', channelId: 'C1', reason: 'scheduled', now: MONDAY, owner: 'a' }, FAST);
    expect(outcome.status).toBe('failed');
    expect(lines.some((l) => l.includes('resumes on the next check'))).toBe(true);
    clock.now = new Date(MONDAY.getTime() + 120_000);
    const later = await runDigest(rt, poster(slack, rt), { teamId: 'T1', channelId: 'C1', reason: 'scheduled', now: clock.now, owner: 'b' }, FAST);
    expect(later.status).toBe('resumed');
    expect(slack.messages.get('C1')!.filter((m) => m.thread_ts === undefined)).toHaveLength(1);
  });
});
