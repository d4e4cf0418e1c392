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

  it('has nothing to say about an undated corpus', () => {
    expect(hotTopics([paper('p-a', { appearances: [{ file: 'a.txt', line: 1 }] })], NOW)).toEqual([]);
  });
});
