import { createRuntime } from '../app/runtime.js';
import { loadConfig } from '../config.js';
import { planDigest, runDigest } from '../digest/run.js';
import { defaultSubscription } from '../digest/types.js';
import type { WebClient } from '@slack/web-api';
import { digestClient, slackDigestDelivery, workspaceDigestClients } from '../slack/digest-delivery.js';
import { workspaceTokens } from '../slack/installations.js';
import type { Store } from '../store/store.js';
import { createLog } from '../util/log.js';
import { CHANNEL_ID } from '../views/digest.js';
import { UsageError, type CliCommand } from './command.js';
import { corpusOptions, corpusUsage } from './corpus-options.js';
import { loadLibraryFromArgs } from './library-options.js';

export const digestCommand: CliCommand = {
  name: 'digest',
  summary: "Compose, post and record a channel's daily digest (or --dry-run to see it)",
  usage: `Usage: paperwire digest --channel C… [--team T…] [--now ISO-8601] [--dry-run] [--json] [--corpus DIR] [--year YYYY]

  --channel C…   the Slack channel id (the channel's subscription settings apply; defaults if it has none)
  --team T…      the workspace, when the channel has digests in more than one (default: the channel's
                 subscription's workspace, else the bot token's)
  --now TIME     the time to compose the digest as of, e.g. 2026-11-23T09:00:00+01:00 (default: now)
  --dry-run      compose only: post nothing, record nothing
  --json         with --dry-run: {"channel","date","hotTopics","items":[{"id","title","score","why","tldr"}]}
${corpusUsage}

Posting uses SLACK_BOT_TOKEN (and SLACK_API_URL, if set) and records in PAPERWIRE_DB, like the app:
a second run for the same channel and local date posts nothing, and a run after a partial failure
completes the missing replies.`,
  options: {
    ...corpusOptions,
    channel: { type: 'string' },
    team: { type: 'string' },
    now: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run({ values }, io) {
    const channel = typeof values.channel === 'string' ? values.channel.trim() : '';
    if (!CHANNEL_ID.test(channel)) throw new UsageError(`--channel needs a Slack channel id such as C0123ABCD (got "${channel}")`);
    const now = values.now === undefined ? new Date() : new Date(String(values.now));
    if (Number.isNaN(now.getTime())) throw new UsageError(`--now must be an ISO-8601 time such as 2026-11-23T09:00:00Z (got "${String(values.now)}")`);
    const dryRun = Boolean(values['dry-run']);
    if (values.json && !dryRun) throw new UsageError('--json goes with --dry-run (a real run prints what it posted)');

    const givenTeam = typeof values.team === 'string' ? values.team.trim() : undefined;
    if (givenTeam !== undefined && !/^[TE][A-Z0-9]+$/.test(givenTeam))
      throw new UsageError(`--team needs a Slack workspace id such as T0123ABCD (got "${givenTeam}")`);

    const config = loadConfig(process.env);
    if (!dryRun && !config.slack.botToken && !config.slack.oauth)
      throw new UsageError('posting needs SLACK_BOT_TOKEN (xoxb-…), or the OAuth variables; use --dry-run to see the digest without Slack');
    const log = createLog({
      secrets: [config.slack.botToken, config.slack.appToken, config.slack.signingSecret, config.slack.oauth?.clientSecret, config.model?.apiKey],
    });
    const library = await loadLibraryFromArgs(values, now);
    const rt = await createRuntime(config, {
      log,
      now: () => now,
      library,
    });
    const { store } = rt;
    const tokenFor = workspaceTokens(config, store, log);
    try {
      const team = givenTeam ?? (await channelTeam(store, channel, dryRun ? undefined : config.slack.botToken, () => digestClient(config, log)));
      if (!dryRun && !team) throw new UsageError(`${channel} has no digest subscription to tell its workspace: name it with --team T…`);
      if (dryRun) {
        const subscription = (await store.subscriptions.get(team, channel)) ?? defaultSubscription(team, channel, now);
        const plan = await planDigest(rt, subscription, now);
        const items = await Promise.all(
          plan.items.map(async (t) => ({
            id: t.paper.id,
            title: t.paper.title,
            score: t.score,
            why: t.why,
            tldr: (await rt.summarizer.summarize(t.paper)).tldr,
          })),
        );
        if (values.json) io.out(JSON.stringify({ channel, date: plan.localDate, hotTopics: plan.hotTopics, items }));
        else {
          io.out(`Digest for ${channel} on ${plan.localDate} (${subscription.timezone})${plan.hotTopics.length ? ` · hot: ${plan.hotTopics.join(', ')}` : ''}`);
          items.forEach((item, i) => io.out(`${i + 1}. ${item.title}\n   ${item.tldr}\n   ${item.why} · score ${item.score.toFixed(2)}`));
          if (plan.shortfall) io.out(`(${plan.shortfall})`);
        }
        return 0;
      }
      const delivery = slackDigestDelivery(workspaceDigestClients(config, log, tokenFor), log);
      const outcome = await runDigest(rt, delivery, { teamId: team, channelId: channel, reason: 'scheduled', now, owner: rt.digest.owner });
      io.out(outcome.note);
      return ['posted', 'resumed', 'already-posted', 'empty'].includes(outcome.status) ? 0 : 1;
    } finally {
      await rt.close();
    }
  },
};

/** The workspace of a channel's digest: its subscription's (when it has exactly one), else the bot token's (posting in single-workspace mode), else none. */
async function channelTeam(store: Store, channel: string, botToken: string | undefined, client: () => WebClient): Promise<string> {
  const teams = (await store.subscriptions.list()).filter((s) => s.channelId === channel).map((s) => s.teamId);
  if (teams.length === 1) return teams[0]!;
  if (teams.length > 1) throw new UsageError(`${channel} has a digest in more than one workspace (${teams.join(', ')}): choose one with --team`);
  if (!botToken) return '';
  return (await client().auth.test()).team_id ?? '';
}
