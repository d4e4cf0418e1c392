import type { Paper } from '../corpus/types.js';
import type { Library } from '../library/library.js';
import { matches } from '../search/search.js';
import type { EngagementEvent } from '../trending/types.js';
import { hotTopics } from '../trending/topics.js';
import { rankTrending, type TrendingPaper } from '../trending/score.js';
import { localTime } from './local-time.js';

export interface DigestPlan {
  channelId: string;
  /** The digest's date in the channel's timezone. */
  localDate: string;
  hotTopics: string[];
  items: TrendingPaper[];
  /** How many papers the channel asked for. */
  requested: number;
  /** Why there are fewer items than requested (or none), in words for the log and the message. */
  shortfall?: string;
}

export interface ComposeInput {
  library: Library;
  channelId: string;
  timezone: string;
  topN: number;
  topic?: string;
  /** Papers already posted to this channel: never again. */
  posted: ReadonlySet<string>;
  saves: ReadonlyMap<string, number>;
  engagement: readonly EngagementEvent[];
  now: Date;
}

/** The digest for a channel as of `now`: pure, so a dry run shows exactly what a real run posts. */
export function composeDigest(input: ComposeInput): DigestPlan {
  const { library, topN, topic, posted, now } = input;
  const onTopic = topic === undefined ? undefined : matches(library.index, topic);
  const items = rankTrending(
    { papers: library.papers, saves: input.saves, engagement: input.engagement, now },
    { limit: topN, keep: (paper) => !wasPosted(paper, posted) && (onTopic === undefined || onTopic.has(paper.id)) },
  );
  const plan: DigestPlan = {
    channelId: input.channelId,
    localDate: localTime(now, input.timezone).date,
    hotTopics: hotTopics(library.papers, now),
    items,
    requested: topN,
  };
  if (items.length < topN) plan.shortfall = shortfall(items.length, topN, topic, onTopic?.size ?? library.papers.length);
  return plan;
}

function shortfall(found: number, wanted: number, topic: string | undefined, candidates: number): string {
  const scope = topic === undefined ? 'in the library' : `matching the topic "${topic}" (${candidates} in all)`;
  if (found === 0) return `no paper ${scope} has not been posted here already`;
  return `only ${found} new paper${found === 1 ? '' : 's'} ${scope} not posted here before, of the ${wanted} asked for`;
}

/** Posted under any of its ids: a page paper the API also lists is one paper with two. */
function wasPosted(paper: Paper, posted: ReadonlySet<string>): boolean {
  return posted.has(paper.id) || (paper.aliases?.some((alias) => posted.has(alias)) ?? false);
}
