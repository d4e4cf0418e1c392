import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeEntries } from '../../src/corpus/merge.js';
import { parsePage } from '../../src/corpus/parse.js';
import { renderPaperCard } from '../../src/views/card.js';
import { renderDigestParent, renderDigestReply } from '../../src/views/digest.js';
import { renderHome } from '../../src/views/home.js';
import { renderSaved, renderSimilar, renderTrending } from '../../src/views/lists.js';
import { renderSearchResults } from '../../src/views/search.js';
import { renderSummary, renderThreadSummary } from '../../src/views/summary.js';
import type { Paper } from '../../src/corpus/types.js';
import { extractiveSummary } from '../../src/summary/extractive.js';
import { sourceSummary } from '../../src/summary/source.js';
import { expectValidMessage, expectValidView } from '../helpers/block-kit.js';
import { ABSTRACT_A, NOW } from '../helpers/corpus.js';

/**
 * From page text to Slack: whatever the parser makes of a random page (titles, abstracts and
 * metadata lines of any content), every renderer turns each paper into Block Kit that validates
 * against the schema and Slack's limits, with its real extractive summary.
 */
const text = (max: number) => fc.oneof(fc.string({ maxLength: max, unit: 'grapheme' }), fc.string({ maxLength: max, unit: 'binary' }));
const titleArb = fc.oneof(text(300), fc.constantFrom('<!channel> *b* ~x~ `t` <@U1>', '&amp; &lt;b&gt;', 'T'.repeat(10_000), '\u202Eevil\u202C 🚀'));
const abstractArb = fc.oneof(
  fc.constant(ABSTRACT_A),
  fc.tuple(text(400), fc.constant(ABSTRACT_A)).map(([a, b]) => `${a} ${b}`),
  text(3000).map((a) => `${a} ${ABSTRACT_A}`),
);
const orgArb = fc.oneof(
  fc.constantFrom('kyutai Kyutai', 'ReactiveAI Reactive AI'),
  fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }).map((n) => `<!channel>*${n}* ${n}`),
);
const metaArb = fc.oneof(
  fc.constant([]),
  fc
    .tuple(
      fc.oneof(
        fc.nat(9999).map((n) => `  • ${n} authors`),
        orgArb,
      ),
      fc.constantFrom('Jan', 'Feb', 'Mar', 'Dec'),
      fc.oneof(fc.integer({ min: 1, max: 28 }), fc.integer({ min: -5, max: 40 })),
      fc.oneof(fc.nat(500), fc.integer({ min: -10, max: 1e12 })),
    )
    .map(([head, month, day, upvotes]) => [head, '·', `${month} ${day} ${upvotes}`]),
);
const entryArb = fc.tuple(titleArb, abstractArb, metaArb).map(([t, a, m]) => [t, a, ...m]);

/** The fields the daily papers API adds, well-formed or hostile (the views must not trust them). */
const urlArb = fc.oneof(
  fc.constantFrom(
    'https://github.com/foo/bar',
    'https://huggingface.co/papers/2502.12345',
    'http://project.example.org/page?a=1&b=2',
    'https://cdn.example.org/thumbs/2502.12345.png',
    'javascript:alert(1)',
    'data:image/png;base64,AAAA',
    'https://github.com@evil.example/x',
    'https://x.example/a|<!channel>',
    'https://x.example/<@U1>>*b*',
    `https://x.example/${'a'.repeat(3000)}`,
  ),
  text(100),
  text(60).map((t) => `https://example.org/${t}`),
);
const countArb = fc.oneof(fc.nat(5000), fc.integer({ min: -10, max: 1e12 }), fc.double());
const dayArb = fc.oneof(fc.constantFrom('2026-11-20', '2026-11-22', '2025-02-30'), text(12));
const apiArb = fc.record(
  {
    arxivId: fc.oneof(fc.constantFrom('2502.12345', '2411.01234v2', 'hep-th/9901001'), text(30)),
    url: urlArb,
    githubRepo: urlArb,
    githubStars: countArb,
    projectPage: urlArb,
    thumbnail: urlArb,
    aiSummary: fc.oneof(fc.constant('FooNet makes attention sparse with landmark tokens.'), text(600), titleArb),
    aiKeywords: fc.array(fc.oneof(text(80), fc.constantFrom('<!channel>', 'KV cache', '*x*')), { maxLength: 12 }),
    numComments: countArb,
    listDate: dayArb,
    listDates: fc.array(dayArb, { maxLength: 4 }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Partial<Paper>>;

describe('any paper the parser yields renders to valid Block Kit (property)', () => {
  it('search, card, summary, thread summary, lists, App Home, digest parent and reply, with the API’s fields too', () => {
    const seen = { papers: 0, withUpvotes: 0, withOrganization: 0, withApiFields: 0, sourceSummaries: 0 };
    fc.assert(
      fc.property(
        fc.array(entryArb, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(apiArb, { maxLength: 6 }),
        (entries, eol, api) => {
          const page = parsePage('p.txt', new TextEncoder().encode(['Mar 14', ...entries.flat()].join(eol)), { now: NOW });
          // Some papers also come from the API, with any of its fields.
          const papers = mergeEntries(page.entries).map((p, i) => (api[i] ? { ...p, ...api[i] } : p));
          seen.withApiFields += papers.filter((_, i) => Object.keys(api[i] ?? {}).length > 0).length;
          seen.papers += papers.length;
          seen.withUpvotes += papers.filter((p) => p.upvotes !== undefined).length;
          seen.withOrganization += papers.filter((p) => p.organization !== undefined).length;
          for (const paper of papers) {
            const extractive = extractiveSummary(paper);
            const fromSource = sourceSummary(paper, extractive);
            if (fromSource) seen.sourceSummaries++;
            const summary = fromSource ?? extractive;
            const hits = papers.map((p) => ({ paper: p, score: 1, snippet: { text: p.abstract.slice(0, 300), marks: [] as Array<[number, number]> } }));
            const messages = [
              renderSearchResults({ query: paper.title, hits: hits.slice(0, 5), total: hits.length, offset: 0 }),
              renderPaperCard(paper, 'U1'),
              renderSummary(paper, summary, { kinds: ['share', 'save', 'more'], n: 0 }),
              renderThreadSummary(paper, summary),
              renderTrending(papers.map((p) => ({ paper: p, why: `${p.upvotes ?? 0} upvotes` }))),
              renderSaved(papers, 0),
              renderSimilar(paper, hits),
              renderDigestParent({
                runId: 1,
                dateLabel: 'Monday 23 November 2026',
                hotTopics: summary.keywords,
                entries: papers.map((p) => ({ paper: p, tldr: extractiveSummary(p).tldr, why: 'new' })),
                requested: 5,
                preview: false,
              }),
              renderDigestReply(1, paper, summary),
            ];
            for (const m of messages) expectValidMessage({ ...m });
            expectValidView({ ...renderHome({ trending: papers.map((p) => ({ paper: p, why: 'new' })), saved: papers, subscriptions: [] }) });
          }
          expect(papers.every((p) => /^p-[a-z0-9]+$/.test(p.id))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
    // The generator must reach the renderers with real papers and their metadata, not only skipped lines.
    expect(seen.papers).toBeGreaterThan(200);
    expect(seen.withUpvotes).toBeGreaterThan(20);
    expect(seen.withOrganization).toBeGreaterThan(20);
    expect(seen.withApiFields).toBeGreaterThan(100);
    expect(seen.sourceSummaries).toBeGreaterThan(50);
  });
});
