import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildLibrary, type Library } from '../../src/library/library.js';
import { createLog } from '../../src/util/log.js';
import { createRuntime } from '../../src/app/runtime.js';
import type { Runtime } from '../../src/features/runtime.js';
import type { Message } from '../../src/views/message.js';
import { blocksToText } from '../../src/shell/to-text.js';
import { handlePaperAction } from '../../src/features/paper-actions.js';
import { handlePapersCommand } from '../../src/features/papers.js';
import type { Requester, SeenMessage, Surface } from '../../src/features/surface.js';
import { handleMention } from '../../src/features/thread.js';
import { expectValidMessage } from '../helpers/block-kit.js';
import { CORPUS_DIR, NOW } from '../helpers/corpus.js';

/** A surface that records what a handler sent, in order. */
function recordingSurface(parents: Record<string, SeenMessage> = {}) {
  const sent: Array<{ to: 'respond' | 'post'; message: Message; replace?: boolean; channel?: string; threadTs?: string }> = [];
  const surface: Surface = {
    respond: async (message, options) => void sent.push({ to: 'respond', message, replace: options?.replaceOriginal }),
    post: async (channel, message, threadTs) => {
      sent.push({ to: 'post', message, channel, threadTs });
      return `${sent.length}.0`;
    },
    threadParent: async (_channel, ts) => parents[ts],
  };
  return { surface, sent, text: (i = sent.length - 1) => blocksToText(sent[i]!.message.blocks) };
}

const me: Requester = { userId: 'U1', teamId: 'T1', channelId: 'C1' };
let full: Library;
let rt: Runtime & { swap(library: Library): void };

beforeAll(async () => {
  full = buildLibrary(await loadCorpus(CORPUS_DIR, { now: NOW }));
  let library = full;
  const runtime = await createRuntime(loadConfig({ PAPERWIRE_DB: ':memory:' }), { log: createLog({ sink: () => {} }), now: () => NOW, library: () => library });
  rt = Object.assign(runtime, { swap: (next: Library) => (library = next) });
});

describe('handlers through a surface', () => {
  it('a button pressed after a corpus reload that dropped the paper says it is gone', async () => {
    const paper = full.papers[0]!;
    const smaller = buildLibrary({ papers: full.papers.slice(1), warnings: [], files: [], version: 'v2' });
    rt.swap(smaller);
    try {
      const { surface, sent, text } = recordingSurface();
      await handlePaperAction(rt, surface, me, 'summary', paper.id);
      expect(sent[0]!.to).toBe('respond');
      expect(text()).toContain('no longer in the library');
      // Removing a saved paper that is gone still works: the save is the person's own data.
      await rt.store.saves.save(me.teamId, me.userId, paper.id, NOW);
      await handlePaperAction(rt, surface, me, 'remove', paper.id);
      expect(await rt.store.saves.list(me.teamId, me.userId)).toEqual([]);
    } finally {
      rt.swap(full);
    }
  });

  it('a button pressed after a restart still works: ids are stable', async () => {
    const paper = full.papers[5]!;
    const reloaded = buildLibrary(await loadCorpus(CORPUS_DIR, { now: NOW }));
    expect(reloaded.byId.get(paper.id)?.title).toBe(paper.title);
  });

  it('Next 5 past the end after a reload starts again from the top', async () => {
    const { surface, sent } = recordingSurface();
    await handlePaperAction(rt, surface, me, 'next', JSON.stringify({ q: 'attention', o: 100_000 }));
    expectValidMessage({ ...sent[0]!.message });
    expect(blocksToText(sent[0]!.message.blocks)).toMatch(/^\d+ results for “attention” · showing 1–5/);
  });

  it('/papers digest now posts the digest through the surface, then a preview once the day is done', async () => {
    const { surface, sent, text } = recordingSurface();
    await handlePapersCommand(rt, surface, me, 'digest now');
    const posts = sent.filter((s) => s.to === 'post');
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(posts[0]!.threadTs).toBeUndefined();
    expect(posts.slice(1).every((p) => p.threadTs !== undefined)).toBe(true);
    for (const p of posts) expectValidMessage({ ...p.message });
    expect(text()).toContain('Posted the digest');

    const again = recordingSurface();
    await handlePapersCommand(rt, again.surface, me, 'digest now');
    expect(blocksToText(again.sent.find((s) => s.to === 'post')!.message.blocks)).toContain('Preview');
  });

  it('@paperwire summarize names the paper from a message that mentions its title', async () => {
    const paper = full.papers.find((p) => p.title.length > 30)!;
    const { surface, sent } = recordingSurface({ '9.0': { text: `what do you think of “${paper.title}”?` } });
    await handleMention(rt, surface, { text: '<@UBOT> summarize', channel: 'C1', ts: '9.5', threadTs: '9.0' });
    expect(sent[0]!.to).toBe('post');
    expect(sent[0]!.threadTs).toBe('9.0');
    expect(blocksToText(sent[0]!.message.blocks)).toContain(paper.title);
  });

  it('@paperwire summarize outside any thread explains where to use it, in a thread of the mention', async () => {
    const { surface, sent, text } = recordingSurface();
    await handleMention(rt, surface, { text: '<@UBOT> tldr', channel: 'C1', ts: '10.0' });
    expect(sent[0]!.threadTs).toBe('10.0');
    expect(text()).toContain('inside the thread');
  });
});
