import type { Runtime } from './runtime.js';
import { renderHelp } from '../views/help.js';
import { renderNotice, renderPaperGone } from '../views/notice.js';
import { renderThreadSummary } from '../views/summary.js';
import { paperFromMessage } from './paper-lookup.js';
import { searchMessage } from './search.js';
import type { SeenMessage, Surface } from './surface.js';
import { recordEngagement, type Actor } from './engagement.js';

export interface Mention {
  text: string;
  channel: string;
  /** The mention's own ts, and the thread it is in (if any). */
  ts: string;
  threadTs?: string;
  /** Who mentioned paperwire, when known: a summary they ask for counts towards trending. */
  actor?: Actor;
}

const SUMMARIZE = /^(summari[sz]e|tl;?dr)\b[\s.!?]*$/i;

/** `@paperwire …`: a search answered in a thread, or `summarize`/`tldr` for the thread's paper. */
export async function handleMention(rt: Runtime, surface: Surface, mention: Mention): Promise<void> {
  const text = mention.text
    .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const thread = mention.threadTs ?? mention.ts;
  if (text === '' || /^help$/i.test(text)) {
    await surface.post(mention.channel, renderHelp(), thread);
    return;
  }
  if (SUMMARIZE.test(text)) {
    const parent = mention.threadTs ? await surface.threadParent(mention.channel, mention.threadTs) : undefined;
    await summarizeInThread(
      rt,
      surface,
      { channel: mention.channel, threadTs: thread, about: parent, actor: mention.actor },
      'Ask me `summarize` inside the thread of a paper card, or of a message that names a paper’s title.',
    );
    return;
  }
  await surface.post(mention.channel, searchMessage(rt, text), thread);
}

/** The "Summarize paper" message shortcut: the summary of the paper a message names, in its thread. */
export async function handleSummarizeShortcut(
  rt: Runtime,
  surface: Surface,
  channel: string,
  message: SeenMessage & { ts: string; thread_ts?: string },
  actor?: Actor,
): Promise<void> {
  await summarizeInThread(
    rt,
    surface,
    { channel, threadTs: message.thread_ts ?? message.ts, about: message, actor },
    "I couldn't find a paper's title in that message.",
    true,
  );
}

interface ThreadTarget {
  channel: string;
  threadTs: string;
  /** The message that says which paper. */
  about: SeenMessage | undefined;
  actor?: Actor;
}

async function summarizeInThread(rt: Runtime, surface: Surface, target: ThreadTarget, notFound: string, privately = false): Promise<void> {
  const { channel, threadTs, about, actor } = target;
  const found = paperFromMessage(rt.library(), about);
  const say = (m: ReturnType<typeof renderNotice>) => (privately ? surface.respond(m) : surface.post(channel, m, threadTs).then(() => undefined));
  if (!found || 'invalid' in found) return say(renderNotice(notFound));
  if ('gone' in found) return say(renderPaperGone());
  const summary = await rt.summarizer.summarize(found.paper);
  if (actor) await recordEngagement(rt, actor, found.paper, 'summary');
  rt.log.info('summarized a paper in a thread', { paperId: found.paper.id, kind: summary.kind });
  await surface.post(channel, renderThreadSummary(found.paper, summary), threadTs);
}
