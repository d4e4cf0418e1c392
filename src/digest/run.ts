import type { Paper } from '../corpus/types.js';
import type { Library } from '../library/library.js';
import type { Store } from '../store/store.js';
import type { Summarizer } from '../summary/service.js';
import type { Summary } from '../summary/types.js';
import { teamActivity } from '../trending/activity.js';
import type { Log } from '../util/log.js';
import { composeDigest, type DigestPlan } from './compose.js';
import { DEFAULT_POLICY, DeliveryError, deliver, type DeliveryPolicy } from './deliver.js';
import type { DigestDelivery } from './delivery.js';
import { longDate } from './local-time.js';
import { defaultSubscription, type DigestRun, type Subscription } from './types.js';

/** What a digest run works with (the app's runtime is one). */
export interface DigestContext {
  store: Pick<Store, 'subscriptions' | 'digests' | 'saves' | 'engagement'>;
  summarizer: Summarizer;
  log: Log;
  library(): Library;
  now(): Date;
  /** The lease a run is held for between steps (LEASE_MS unless configured). */
  leaseMs?: number;
}

/** A run holds its claim this long between steps; a crashed owner's run is taken over after it. */
export const LEASE_MS = 60_000;

/** What a channel's digest would hold now: its settings, what it was sent before, the team's activity. */
export async function planDigest(rt: DigestContext, subscription: Subscription, now: Date): Promise<DigestPlan> {
  const { store } = rt;
  const [activity, posted] = await Promise.all([
    teamActivity(store, subscription.teamId, now),
    store.digests.postedPaperIds(subscription.teamId, subscription.channelId),
  ]);
  return composeDigest({
    ...activity,
    library: rt.library(),
    channelId: subscription.channelId,
    timezone: subscription.timezone,
    topN: subscription.topN,
    topic: subscription.topic,
    posted,
    now,
  });
}

export type DigestOutcome =
  | { status: 'posted' | 'resumed'; runId: number; parentTs: string; replies: number; note: string }
  | { status: 'already-posted' | 'busy' | 'empty' | 'paused' | 'failed' | 'stopped'; note: string; runId?: number };

export interface RunRequest {
  /** The workspace the channel's digest belongs to. */
  teamId: string;
  channelId: string;
  /** `scheduled`: the day's digest. `now`: the day's digest if none was posted today, else a preview. */
  reason: 'scheduled' | 'now';
  now: Date;
  /** This process; see LEASE_MS. */
  owner: string;
}

/**
 * Posts a channel's digest exactly once: claim the day in the store, post the parent, then each reply,
 * recording every ts as Slack confirms it. A run that stopped part way (crash, Slack refusal) is
 * resumed: a post that may have been sent before the crash is looked up in Slack before it is re-sent.
 */
export async function runDigest(
  rt: DigestContext,
  delivery: DigestDelivery,
  request: RunRequest,
  policy: DeliveryPolicy = DEFAULT_POLICY,
): Promise<DigestOutcome> {
  const { teamId, channelId, now, owner } = request;
  const { store, log } = rt;
  const subscription = (await store.subscriptions.get(teamId, channelId)) ?? defaultSubscription(teamId, channelId, now);
  if (subscription.pausedReason && request.reason === 'scheduled') {
    return { status: 'paused', note: `the digest in ${channelId} is paused: ${subscription.pausedReason}` };
  }
  const plan = await planDigest(rt, subscription, now);
  const today = await store.digests.daily(teamId, channelId, plan.localDate);
  const kind = request.reason === 'now' && today?.finishedAt ? 'preview' : 'daily';
  if (kind === 'daily' && !today && plan.items.length === 0) {
    log.info('digest: nothing to post', { channel: channelId, date: plan.localDate, why: plan.shortfall });
    return { status: 'empty', note: `Nothing to post: ${plan.shortfall}.` };
  }
  if (kind === 'preview' && plan.items.length === 0) return { status: 'empty', note: `Nothing to preview: ${plan.shortfall}.` };

  const claim = await store.digests.claim({
    teamId,
    channelId,
    localDate: plan.localDate,
    kind,
    hotTopics: plan.hotTopics,
    items: plan.items.map((t) => ({ paperId: t.paper.id, score: t.score, why: t.why })),
    owner,
    now,
    leaseMs: rt.leaseMs ?? LEASE_MS,
  });
  if (claim.status === 'done')
    return { status: 'already-posted', runId: claim.run.id, note: `The digest for ${plan.localDate} was already posted in this channel.` };
  if (claim.status === 'busy')
    return { status: 'busy', runId: claim.run.id, note: `Another paperwire process is posting the digest for ${plan.localDate} right now.` };

  try {
    const parentTs = await post(rt, delivery, claim.run, subscription, owner, policy);
    const replies = claim.run.items.length;
    log.info(`digest ${claim.status === 'resume' ? 'resumed and completed' : 'posted'}`, {
      channel: channelId,
      date: plan.localDate,
      kind,
      run: claim.run.id,
      replies,
    });
    const note =
      claim.status === 'resume'
        ? `Finished the digest for ${plan.localDate}.`
        : `Posted the digest for ${plan.localDate}${plan.shortfall ? ` (${plan.shortfall})` : ''}.`;
    return { status: claim.status === 'resume' ? 'resumed' : 'posted', runId: claim.run.id, parentTs, replies, note };
  } catch (error) {
    return handleFailure(rt, delivery, subscription, claim.run, error);
  }
}

/** Finishes a run that stopped part way (a crash, a Slack refusal), if no other process is on it. */
export async function resumeDigest(
  rt: DigestContext,
  delivery: DigestDelivery,
  runId: number,
  owner: string,
  policy: DeliveryPolicy = DEFAULT_POLICY,
): Promise<DigestOutcome> {
  const claim = await rt.store.digests.resume(runId, owner, rt.now(), rt.leaseMs ?? LEASE_MS);
  if (claim.status !== 'resume') return { status: claim.status === 'done' ? 'already-posted' : 'busy', runId, note: `run ${runId} is ${claim.status}` };
  const { teamId, channelId } = claim.run;
  const subscription = (await rt.store.subscriptions.get(teamId, channelId)) ?? defaultSubscription(teamId, channelId, rt.now());
  try {
    const parentTs = await post(rt, delivery, claim.run, subscription, owner, policy);
    rt.log.info('digest resumed and completed', { channel: claim.run.channelId, date: claim.run.localDate, run: runId });
    return { status: 'resumed', runId, parentTs, replies: claim.run.items.length, note: `Finished the digest for ${claim.run.localDate}.` };
  } catch (error) {
    return handleFailure(rt, delivery, subscription, claim.run, error);
  }
}

async function post(
  rt: DigestContext,
  delivery: DigestDelivery,
  run: DigestRun,
  subscription: Subscription,
  owner: string,
  policy: DeliveryPolicy,
): Promise<string> {
  const { store } = rt;
  const library = rt.library();
  const keep = async () => {
    if (!(await store.digests.renew(run.id, owner, rt.now(), rt.leaseMs ?? LEASE_MS))) throw new LostClaim(run.id);
  };
  const papers = new Map<number, Paper>();
  for (const item of run.items) {
    const paper = library.byId.get(item.paperId);
    if (paper) papers.set(item.position, paper);
    else rt.log.warn('digest: a paper left the library before its reply was posted; skipped', { run: run.id, paper: item.paperId });
  }
  const summaries = new Map<number, Summary>();
  for (const [position, paper] of papers) summaries.set(position, await rt.summarizer.summarize(paper));

  let parentTs = run.parentTs;
  if (!parentTs && run.parentAttempted) {
    parentTs = await delivery.findParent(run.teamId, run.channelId, run.id);
    if (parentTs) await store.digests.setParent(run.id, parentTs);
  }
  if (!parentTs) {
    await keep();
    const parent = {
      runId: run.id,
      teamId: run.teamId,
      channelId: run.channelId,
      dateLabel: longDate(run.localDate),
      hotTopics: run.hotTopics,
      entries: run.items.flatMap((item) => {
        const paper = papers.get(item.position);
        return paper ? [{ paper, tldr: summaries.get(item.position)!.tldr, why: item.why }] : [];
      }),
      requested: subscription.topN,
      topic: subscription.topic,
      preview: run.kind === 'preview',
    };
    await store.digests.setParentAttempted(run.id, true);
    parentTs = await sent(
      () =>
        deliver(
          () => delivery.postParent(parent),
          () => delivery.findParent(run.teamId, run.channelId, run.id),
          policy,
        ),
      () => store.digests.setParentAttempted(run.id, false),
    );
    await store.digests.setParent(run.id, parentTs);
  }
  const threadTs = parentTs;

  for (const item of run.items) {
    if (item.replyTs) continue;
    const paper = papers.get(item.position);
    if (!paper) {
      await store.digests.setReply(run.id, item.position, 'skipped');
      continue;
    }
    if (item.replyAttempted) {
      const found = await delivery.findReply(run.teamId, run.channelId, threadTs, item.position);
      if (found) {
        await store.digests.setReply(run.id, item.position, found);
        continue;
      }
    }
    await keep();
    await store.digests.setReplyAttempted(run.id, item.position, true);
    const reply = { runId: run.id, teamId: run.teamId, channelId: run.channelId, position: item.position, paper, summary: summaries.get(item.position)! };
    const ts = await sent(
      () =>
        deliver(
          () => delivery.postReply(threadTs, reply),
          () => delivery.findReply(run.teamId, run.channelId, threadTs, item.position),
          policy,
        ),
      () => store.digests.setReplyAttempted(run.id, item.position, false),
    );
    await store.digests.setReply(run.id, item.position, ts);
  }
  await store.digests.finish(run.id, rt.now());
  return parentTs;
}

/** Runs a post; when it definitely did not land (nothing was posted), `refused` undoes the attempt mark. */
async function sent(postIt: () => Promise<string>, refused: () => Promise<void>): Promise<string> {
  try {
    return await postIt();
  } catch (error) {
    if (error instanceof DeliveryError && error.failure.kind !== 'uncertain') await refused();
    throw error;
  }
}

class LostClaim extends Error {
  constructor(readonly runId: number) {
    super(`another process took over digest run ${runId}`);
  }
}

async function handleFailure(rt: DigestContext, delivery: DigestDelivery, subscription: Subscription, run: DigestRun, error: unknown): Promise<DigestOutcome> {
  const { log, store } = rt;
  const channel = run.channelId;
  const team = run.teamId;
  if (error instanceof LostClaim) return { status: 'busy', runId: run.id, note: error.message };
  if (!(error instanceof DeliveryError)) {
    log.error('digest failed part way; it resumes on the next check', { channel, run: run.id, error });
    return { status: 'failed', runId: run.id, note: `The digest stopped part way (${(error as Error).message}); it will be completed on the next try.` };
  }
  const { failure } = error;
  switch (failure.kind) {
    case 'auth-revoked':
      log.error(`digest: the app's token was rejected (${failure.detail}); no digest is posted until the app is reinstalled`, { team, channel, run: run.id });
      return { status: 'stopped', runId: run.id, note: "paperwire's Slack token is no longer valid; ask whoever installed it to reinstall the app." };
    case 'channel-gone': {
      const reason = failure.reason === 'archived' ? 'the channel is archived' : 'the channel was not found (deleted, or private without paperwire)';
      if (await store.subscriptions.get(team, channel)) await store.subscriptions.pause(team, channel, reason);
      log.warn(`digest paused: ${reason}`, { channel, run: run.id });
      return { status: 'paused', runId: run.id, note: `Digest paused: ${reason}.` };
    }
    case 'not-in-channel': {
      const problem = 'paperwire is not in this channel, so it cannot post the digest: invite it with `/invite @paperwire`';
      if (await store.subscriptions.get(team, channel)) await store.subscriptions.setProblem(team, channel, problem);
      log.warn('digest: not in the channel; told the subscriber to invite the bot', { channel, run: run.id, subscriber: subscription.createdBy });
      if (subscription.createdBy) {
        await delivery
          .tellSubscriber(team, subscription.createdBy, { kind: 'not-in-channel', channelId: channel })
          .catch((notifyError: unknown) => log.warn('could not tell the subscriber', { channel, error: notifyError }));
      }
      return { status: 'failed', runId: run.id, note: 'I am not in this channel: invite me with `/invite @paperwire`, then try again.' };
    }
    default: {
      const why = failure.kind === 'rate-limited' ? 'still rate-limited after waiting' : failure.detail;
      log.warn('digest: a post was refused; the run resumes on the next check', { channel, run: run.id, why });
      return { status: 'failed', runId: run.id, note: `Posting failed (${why}). The digest will be completed on the next try.` };
    }
  }
}
