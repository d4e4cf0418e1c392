import type { KnownBlock } from '@slack/types';
import type { Paper } from '../corpus/types.js';
import type { DigestParent } from '../digest/delivery.js';
import type { Summary } from '../summary/types.js';
import { CARD_EVENT_TYPE } from './card.js';
import { context, header, section } from './elements.js';
import { message, type Message } from './message.js';
import { fitEscaped, fitLiteral } from './mrkdwn.js';
import { paperActions, thumbnailAccessory, titleLink } from './paper.js';
import { summaryBlocks } from './summary.js';

/** Digest parents carry their run id, so a restarted run can find a parent Slack has but the store missed. */
export const DIGEST_EVENT_TYPE = 'paperwire_digest';

/** The digest's parent message: date, hot topics, and a numbered list with a one-line TL;DR and why. */
export function renderDigestParent(input: Omit<DigestParent, 'channelId' | 'teamId'>): Message {
  const title = `${input.preview ? 'Preview: ' : ''}Trending papers · ${input.dateLabel}`;
  const blocks: KnownBlock[] = [header(title)];
  const about = [
    input.hotTopics.length > 0 ? `🔥 Hot today: ${input.hotTopics.map((t) => fitLiteral(t, 60)).join(' · ')}` : '',
    input.topic ? `topic: ${fitLiteral(input.topic, 200)}` : '',
  ].filter(Boolean);
  if (about.length > 0) blocks.push(context(...about));
  input.entries.forEach((entry, i) => {
    blocks.push(section(`${i + 1}. ${titleLink(entry.paper)}\n${fitLiteral(entry.tldr, 300)}\n_${fitLiteral(entry.why, 200)}_`));
  });
  const notes = ['Summaries in the thread', '`/papers digest` to change or stop'];
  if (input.entries.length < input.requested) notes.unshift(`${input.entries.length} of the ${input.requested} asked for: no more new papers today`);
  blocks.push(context(notes.join(' · ')));
  const text = `${title}\n${input.entries.map((e, i) => `${i + 1}. ${e.paper.title}`).join('\n')}`;
  return message(text, blocks, { event_type: DIGEST_EVENT_TYPE, event_payload: { run_id: input.runId } });
}

/** One thread reply per paper: its summary (with the paper's thumbnail), and Save / More like this. */
export function renderDigestReply(position: number, paper: Paper, summary: Summary): Message {
  const blocks = summaryBlocks(paper, summary, { withTitle: true });
  blocks[0] = section(`${position + 1}. ${titleLink(paper)}`, thumbnailAccessory(paper));
  blocks.push(paperActions(paper, { kinds: ['save', 'more'], n: position }));
  // Card metadata: `@paperwire summarize` in this reply's thread and reactions find the paper.
  return message(`${position + 1}. ${paper.title}: ${summary.tldr}`, blocks, { event_type: CARD_EVENT_TYPE, event_payload: { paper_id: paper.id, position } });
}

/** A channel id as Slack writes them; only these are written into a `<#…>` mention. */
export const CHANNEL_ID = /^[CGD][A-Z0-9]{1,30}$/;

/** The direct message a subscriber gets when the bot was removed from (or never added to) the channel. */
export function renderNotInChannel(channelId: string): Message {
  const where = CHANNEL_ID.test(channelId) ? `<#${channelId}>` : 'your channel';
  return message(`I could not post today's paper digest: invite me to the channel.`, [
    section(
      `I could not post today's paper digest in ${where}: I am not a member. Invite me there with \`/invite @paperwire\` and I will post it on my next check.`,
    ),
  ]);
}

export interface DigestSettingsView {
  channelId: string;
  time: string;
  timezone: string;
  cadence: 'weekdays' | 'daily';
  topN: number;
  topic?: string;
  /** "Tue 24 Nov, 09:00" in the channel's timezone. */
  nextRun?: string;
  lastPosted?: string;
  pausedReason?: string;
  lastProblem?: string;
}

/** One line on a subscription: when, how many, about what. */
export function describeSubscription(s: Pick<DigestSettingsView, 'time' | 'timezone' | 'cadence' | 'topN' | 'topic'>): string {
  const when = `${s.cadence === 'weekdays' ? 'every weekday' : 'every day'} at ${s.time} (${s.timezone})`;
  return `${when}, top ${s.topN}${s.topic ? `, topic “${fitLiteral(s.topic, 200)}”` : ''}`;
}

/** `/papers digest`, `digest on`: the channel's settings and the next run, with a lead line. */
export function renderDigestSettings(lead: string, view: DigestSettingsView): Message {
  const lines = [fitEscaped(lead, 500), `*Digest here:* ${describeSubscription(view)}.`];
  if (view.pausedReason) lines.push(`⏸ Paused: ${fitLiteral(view.pausedReason, 300)}. Turn it on again with \`/papers digest on\`.`);
  else if (view.nextRun) lines.push(`*Next:* ${view.nextRun} (${view.timezone}).`);
  if (view.lastProblem) lines.push(`⚠️ ${fitLiteral(view.lastProblem, 400)}`);
  if (view.lastPosted) lines.push(`Last posted: ${view.lastPosted}.`);
  return message(lines.join('\n'), [section(lines.join('\n')), context('`/papers digest off` stops it · `/papers digest now` posts one now')]);
}

/** The App Home's list of this workspace's subscriptions. */
export function subscriptionBlocks(subscriptions: readonly DigestSettingsView[], max = 15): KnownBlock[] {
  const blocks: KnownBlock[] = [header('Daily digests in this workspace')];
  if (subscriptions.length === 0) {
    blocks.push(section('No channel has a digest yet: type `/papers digest on` in a channel.'));
    return blocks;
  }
  for (const s of subscriptions.slice(0, max)) {
    const where = CHANNEL_ID.test(s.channelId) ? `<#${s.channelId}>` : fitLiteral(s.channelId, 40);
    const state = s.pausedReason ? ` · ⏸ paused: ${fitLiteral(s.pausedReason, 200)}` : s.nextRun ? ` · next ${s.nextRun}` : '';
    blocks.push(section(`${where}: ${describeSubscription(s)}${state}`));
  }
  if (subscriptions.length > max) blocks.push(context(`and ${subscriptions.length - max} more`));
  return blocks;
}
