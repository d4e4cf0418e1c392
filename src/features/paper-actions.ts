import type { Paper } from '../corpus/types.js';
import type { Runtime } from './runtime.js';
import { parsePageValue, type ActionKind } from '../views/actions.js';
import { renderPaperCard } from '../views/card.js';
import { renderNotice, renderPaperGone, renderUnknownAction } from '../views/notice.js';
import { renderSummary, renderThreadSummary } from '../views/summary.js';
import { savedMessage, similarMessage } from './lists.js';
import { paperFromValue } from './paper-lookup.js';
import { recordEngagement } from './engagement.js';
import { searchMessage } from './search.js';
import { PostRefused, type Requester, type Surface } from './surface.js';

/**
 * A button press, from Slack or the shell. Values come from outside: a value we did not write gets a
 * polite answer and a log line, never an exception; a paper that left the library says so.
 */
export async function handlePaperAction(rt: Runtime, surface: Surface, requester: Requester, kind: ActionKind, value: unknown): Promise<void> {
  if (kind === 'next' || kind === 'retry') {
    const page = parsePageValue(value);
    if (!page) return unknown(rt, surface, kind, value);
    return surface.respond(searchMessage(rt, page.query, page.offset), { replaceOriginal: true });
  }
  let found = paperFromValue(rt.library(), value);
  if ('invalid' in found) return unknown(rt, surface, kind, value);
  if ('gone' in found && rt.syncIngested) {
    // Another process may have fetched it a moment ago: read what the store has before saying it is gone.
    await rt.syncIngested();
    found = paperFromValue(rt.library(), value);
  }
  if ('invalid' in found) return unknown(rt, surface, kind, value);
  if ('gone' in found) {
    // Removing a paper that left the library still works: the save is the person's own data.
    if (kind === 'remove' && typeof value === 'string') {
      await rt.store.saves.remove(requester.teamId, requester.userId, value);
      return surface.respond(await savedMessage(rt, requester), { replaceOriginal: true });
    }
    return surface.respond(renderPaperGone());
  }
  const { paper } = found;
  switch (kind) {
    case 'summary': {
      const summary = await rt.summarizer.summarize(paper);
      await record(rt, requester, paper, 'summary');
      return surface.respond(renderSummary(paper, summary, { kinds: ['share', 'save', 'more'], n: 0 }), { replaceOriginal: true });
    }
    case 'save': {
      const added = await rt.store.saves.save(requester.teamId, requester.userId, paper.id, rt.now());
      if (added) await record(rt, requester, paper, 'save');
      return surface.respond(renderNotice(`${added ? 'Saved' : 'Already saved'}: ${paper.title}`, '/papers saved lists your saved papers.'));
    }
    case 'remove': {
      await rt.store.saves.remove(requester.teamId, requester.userId, paper.id);
      return surface.respond(await savedMessage(rt, requester), { replaceOriginal: true });
    }
    case 'more':
      return surface.respond(similarMessage(rt, paper));
    case 'share':
      return share(rt, surface, requester, paper);
  }
}

/** Posts the card to the channel, then its summary as the first reply in the card's thread. */
async function share(rt: Runtime, surface: Surface, requester: Requester, paper: Paper): Promise<void> {
  if (!requester.channelId) return surface.respond(renderNotice('Share posts to a channel: use it on a /papers result in the channel you want.'));
  try {
    const ts = await surface.post(requester.channelId, renderPaperCard(paper, requester.userId));
    await record(rt, requester, paper, 'share');
    const summary = await rt.summarizer.summarize(paper);
    await surface.post(requester.channelId, renderThreadSummary(paper, summary), ts);
  } catch (error) {
    if (error instanceof PostRefused) return surface.respond(renderNotice(error.userMessage));
    throw error;
  }
}

const record = recordEngagement;

function unknown(rt: Runtime, surface: Surface, kind: ActionKind, value: unknown): Promise<void> {
  rt.log.warn('ignored a button with a value paperwire did not write', {
    kind,
    valueType: typeof value,
    valueLength: typeof value === 'string' ? value.length : undefined,
  });
  return surface.respond(renderUnknownAction());
}
