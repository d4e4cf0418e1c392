import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/corpus/types.js';
import { rankTrending } from '../../src/trending/score.js';
import { hotTopics } from '../../src/trending/topics.js';
import type { EngagementEvent } from '../../src/trending/types.js';
import { library } from '../digest/harness.js';

const NOW = new Date('2026-11-23T09:00:00Z');
const paper = (id: string, over: Partial<Paper> = {}): Paper => ({
  id,
  title: id,
  abstract: 'x',
  appearances: [{ file: 'a.txt', line: 1, pageDate: '2026-11-20' }],
  ...over,
});
const event = (paperId: string, kind: EngagementEvent['kind'], at: string): EngagementEvent => ({ teamId: 'T1', paperId, kind, at });

describe('the trending score', () => {
  it('rises with upvotes, daily pages and recency, and says why', () => {
    const ranked = rankTrending({
      papers: [
        paper('p-plain'),
        paper('p-upvoted', { upvotes: 12 }),
        paper('p-everywhere', { appearances: ['2026-11-18', '2026-11-19', '2026-11-20'].map((pageDate, line) => ({ file: 'a.txt', line, pageDate })) }),
        paper('p-old', { appearances: [{ file: 'a.txt', line: 1, pageDate: '2026-01-01' }] }),
      ],
      saves: new Map([['p-upvoted', 2]]),
      engagement: [],
      now: NOW,
    });
    expect(ranked.map((t) => t.paper.id)).toEqual(['p-upvoted', 'p-everywhere', 'p-plain', 'p-old']);
    expect(ranked[0]!.why).toBe('12 upvotes · on 1 daily page · saved by 2 here');
    expect(ranked[1]!.why).toBe('on 3 daily pages');
  });

  it('counts the team’s engagement, decaying over days', () => {
    const papers = [paper('p-a'), paper('p-b')];
    const fresh = rankTrending({ papers, saves: new Map(), engagement: [event('p-b', 'share', '2026-11-23T08:00:00Z')], now: NOW });
    expect(fresh[0]!.paper.id).toBe('p-b');
    expect(fresh[0]!.why).toContain('shared 1× here');
    const stale = rankTrending({ papers, saves: new Map(), engagement: [event('p-b', 'share', '2026-10-01T08:00:00Z')], now: NOW });
    expect(stale[0]!.score - stale[1]!.score).toBeLessThan(0.001);
    expect(fresh[0]!.score - fresh[1]!.score).toBeGreaterThan(2.5);
  });

  it('is deterministic for a given clock, ties broken by id, and ignores events from the future', () => {
    const papers = [paper('p-b'), paper('p-a')];
    const input = { papers, saves: new Map<string, number>(), engagement: [event('p-b', 'save', '2026-12-01T00:00:00Z')], now: NOW };
    expect(rankTrending(input).map((t) => t.paper.id)).toEqual(['p-a', 'p-b']);
    expect(rankTrending(input)).toEqual(rankTrending(input));
  });
});

describe('the trending score from the daily papers API', () => {
  /** A paper from the API: no page appearances, listed on `listDates` (the newest is its list day). */
  const listed = (id: string, listDates: string[], over: Partial<Paper> = {}): Paper =>
    paper(id, { appearances: [], arxivId: id, listDates, listDate: listDates[listDates.length - 1], ...over });
  const rank = (papers: Paper[], now = NOW) => rankTrending({ papers, saves: new Map(), engagement: [], now });

  it('counts a comment as engagement, below an upvote, and says so', () => {
    const ranked = rank([
      listed('p-quiet', ['2026-11-22'], { upvotes: 10 }),
      listed('p-discussed', ['2026-11-22'], { upvotes: 10, numComments: 6 }),
      listed('p-upvoted', ['2026-11-22'], { upvotes: 16 }),
    ]);
    expect(ranked.map((t) => t.paper.id)).toEqual(['p-upvoted', 'p-discussed', 'p-quiet']);
    // Six comments weigh as three upvotes.
    expect(ranked[1]!.score - ranked[2]!.score).toBeCloseTo(Math.log2(14) - Math.log2(11), 5);
    expect(ranked[1]!.why).toBe('10 upvotes · 6 comments · on 1 daily page');
    expect(ranked[0]!.why).toBe('16 upvotes · on 1 daily page');
    expect(rank([listed('p-one', ['2026-11-22'], { numComments: 1 })])[0]!.why).toBe('1 comment · on 1 daily page');
  });

  it('counts recency from now, by the list day: a paper listed today beats last month’s with the same counts', () => {
    const ranked = rank([listed('p-old', ['2026-10-23'], { upvotes: 5 }), listed('p-today', ['2026-11-23'], { upvotes: 5 })]);
    expect(ranked.map((t) => t.paper.id)).toEqual(['p-today', 'p-old']);
    // Ages from now (09:00): listed today is 9 hours old, listed 31 days ago 31 days and 9 hours.
    const hours = 9 / 24;
    expect(ranked[0]!.score - ranked[1]!.score).toBeCloseTo(2 * (0.5 ** (hours / 7) - 0.5 ** ((31 + hours) / 7)), 5);
  });

  it('counts recency from now even when the library’s newest page is months old', () => {
    // Before, recency was counted from the newest page: a library of old pages looked fresh.
    const old = [paper('p-a', { appearances: [{ file: 'a.txt', line: 1, pageDate: '2026-03-14' }] })];
    expect(rank(old)[0]!.score).toBeLessThan(0.2);
    expect(rank(old, new Date('2026-03-14T09:00:00Z'))[0]!.score).toBeCloseTo(2 * 0.5 ** (9 / 24 / 7), 5);
  });

  it('takes the list day, else the page day, whichever is newer', () => {
    const both = paper('p-both', { appearances: [{ file: 'a.txt', line: 1, pageDate: '2026-10-01' }], listDates: ['2026-11-23'], listDate: '2026-11-23' });
    const pageOnly = paper('p-page', { appearances: [{ file: 'a.txt', line: 1, pageDate: '2026-11-23' }] });
    const [a, b] = rank([both, pageOnly]);
    // Both were listed today; p-both was also on an earlier page, so it has one day more.
    expect(a!.paper.id).toBe('p-both');
    expect(a!.score - b!.score).toBeCloseTo(1.5 * Math.log2(2), 6);
    expect(a!.why).toBe('on 2 daily pages');
  });

  it('a paper listed on more days keeps its small boost, a day on a page and a list counting once', () => {
    const ranked = rank([listed('p-once', ['2026-11-20']), listed('p-thrice', ['2026-11-18', '2026-11-19', '2026-11-20'])]);
    expect(ranked.map((t) => t.paper.id)).toEqual(['p-thrice', 'p-once']);
    expect(ranked[0]!.why).toBe('on 3 daily pages');
    const samePage = listed('p-same', ['2026-11-20'], { appearances: [{ file: 'a.txt', line: 1, pageDate: '2026-11-20' }] });
    expect(rank([samePage])[0]!.why).toBe('on 1 daily page');
  });

  it('gives nothing for counts and days that are not ones', () => {
    const damaged = listed('p-damaged', ['not a day', '<!channel>'], { listDate: '2026-13-45x', upvotes: Number.NaN, numComments: -3 });
    const [ranked] = rank([damaged]);
    expect(Number.isFinite(ranked!.score)).toBe(true);
    expect(ranked!.score).toBe(0);
    expect(ranked!.why).toBe('on 1 daily page');
  });

  it('works out the clock-free parts once per library: a later clock moves only the recency terms', () => {
    const papers = [listed('p-a', ['2026-11-22'], { upvotes: 7, numComments: 2 }), listed('p-b', ['2026-11-01'], { upvotes: 30 })];
    const first = rank(papers);
    // The same array object, a day later: the cached facts are reused and the recency is still from the new now.
    const later = rank(papers, new Date('2026-11-24T09:00:00Z'));
    const a0 = first.find((t) => t.paper.id === 'p-a')!.score;
    const a1 = later.find((t) => t.paper.id === 'p-a')!.score;
    expect(a0 - a1).toBeCloseTo(2 * (0.5 ** ((1 + 9 / 24) / 7) - 0.5 ** ((2 + 9 / 24) / 7)), 4);
    expect(rankTrending({ papers: [...papers], saves: new Map(), engagement: [], now: new Date('2026-11-24T09:00:00Z') })).toEqual(later);
  });
});

describe('hot topics', () => {
  it('names phrases rising on the newest pages of the shipped corpus', async () => {
    const lib = await library();
    const topics = hotTopics(lib.papers, NOW);
    expect(topics.length).toBeGreaterThanOrEqual(3);
    expect(topics.length).toBeLessThanOrEqual(5);
    const newest = lib.papers.filter((p) => p.appearances.some((a) => a.pageDate === '2026-03-14'));
    for (const topic of topics) {
      const inNewest = newest.filter((p) => `${p.title} ${p.abstract}`.toLowerCase().includes(topic.toLowerCase())).length;
      expect(inNewest, topic).toBeGreaterThanOrEqual(2);
    }
    expect(hotTopics(lib.papers, NOW)).toEqual(topics);
  });

  it('sees the papers of the newest daily lists of the API', () => {
    const abstract = (i: number) => `We study speculative decoding for small draft models. Speculative decoding with tree drafts speeds up inference ${i}.`;
    // Ten or more papers make "the newest lists" (fewer, and older pages join them).
    const fresh = Array.from({ length: 10 }, (_, i) =>
      paper(`p-new${i}`, { title: `Speculative decoding ${i}`, abstract: abstract(i), appearances: [], listDates: ['2026-11-23'], listDate: '2026-11-23' }),
    );
    const older = Array.from({ length: 12 }, (_, i) =>
      paper(`p-old${i}`, {
        title: `Graph neural networks ${i}`,
        abstract: `Graph neural networks for molecules ${i}. Graph neural networks predict molecular properties ${i}.`,
        appearances: [{ file: 'a.txt', line: i, pageDate: '2026-03-14' }],
      }),
    );
    const topics = hotTopics([...older, ...fresh], NOW);
    expect(topics.map((t) => t.toLowerCase())).toContain('speculative decoding');
    expect(topics.join(' ').toLowerCase()).not.toContain('graph');
  });

  it('has nothing to say about an undated corpus', () => {
    expect(hotTopics([paper('p-a', { appearances: [{ file: 'a.txt', line: 1 }] })], NOW)).toEqual([]);
  });
});
