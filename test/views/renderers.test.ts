import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/corpus/types.js';
import type { Summary } from '../../src/summary/types.js';
import { renderPaperCard } from '../../src/views/card.js';
import { renderDigestParent, renderDigestReply, renderDigestSettings, renderNotInChannel, subscriptionBlocks } from '../../src/views/digest.js';
import { renderHelp } from '../../src/views/help.js';
import { renderHome } from '../../src/views/home.js';
import { renderSaved, renderSimilar, renderTrending } from '../../src/views/lists.js';
import { renderModal } from '../../src/views/modal.js';
import { renderNotice, renderPaperGone, renderUnknownAction } from '../../src/views/notice.js';
import { renderNoResults, renderQueryError, renderSearchResults } from '../../src/views/search.js';
import { renderSummary, renderThreadSummary } from '../../src/views/summary.js';
import { blocksToText } from '../../src/shell/to-text.js';
import { MAX_LINK_URL, safeUrl } from '../../src/views/links.js';
import type { Message } from '../../src/views/message.js';
import { expectValidMessage, expectValidView } from '../helpers/block-kit.js';

const HOSTILE_TITLES = [
  '<!channel> hi',
  '<@U1> please read',
  '<!here|here> & <!everyone>',
  '*bold* _italic_ ~strike~ `code` ```block```',
  '<https://evil.example|click me> &amp; &lt;',
  'T'.repeat(10_000),
  'word '.repeat(2_000),
  '🧪🔬👩‍🔬 Emoji-heavy title with flags 🇫🇷🇯🇵 and skin tones 👍🏽',
  'نموذج لغوي كبير للترجمة الآلية \u202Eevil\u202C',
  'עברית and English mixed >>> quote',
  'a\u0000b\u200Bc\uD800 lone surrogate',
  '',
];

function paper(title: string, i: number, extra: Partial<Paper> = {}): Paper {
  return {
    id: `p-hostile${String(i).padStart(4, '0')}`,
    title,
    abstract: `${title} `.repeat(3) + 'An abstract that goes on. '.repeat(400),
    organization: i % 2 ? `<!subteam^S1> Org & ${title.slice(0, 50)}` : undefined,
    authorsCount: i % 2 ? undefined : 3,
    publishedAt: '2025-01-02',
    upvotes: i,
    appearances: [{ file: 'a.txt', line: 1, pageDate: '2025-01-02' }],
    ...extra,
  };
}

function summaryOf(title: string): Summary {
  return { tldr: `${title} `.repeat(5), keyPoints: [title, `${title} again`, 'x'.repeat(5000)], keywords: [title, '<!channel>', '*k*'], kind: 'extractive' };
}

function everyRendering(papers: Paper[], title: string): Array<Message> {
  const hits = papers.map((p) => ({
    paper: p,
    score: 1,
    snippet: {
      text: p.abstract.slice(0, 600),
      marks: [
        [0, 5],
        [10, 2000],
        [-5, 3],
      ] as Array<[number, number]>,
    },
  }));
  return [
    renderSearchResults({ query: title, hits: hits.slice(0, 5), total: 12_345, offset: 0 }),
    renderSearchResults({ query: title, hits: hits.slice(0, 5), total: 7, offset: 5 }),
    renderNoResults(title, [title, `${title} more`, '`x`']),
    renderNoResults(title, [title, `${title} more`], title),
    renderSearchResults({ query: title, hits: hits.slice(0, 5), total: 7, offset: 0, didYouMean: `${title} corrected` }),
    renderQueryError(title, `Unbalanced quote in ${title}`, `Use "phrases" and -exclusions: ${title}`),
    renderSummary(papers[0]!, summaryOf(title), { kinds: ['share', 'save', 'more'], n: 0 }),
    renderThreadSummary(papers[0]!, summaryOf(title)),
    renderPaperCard(papers[0]!, 'U1'),
    renderPaperCard(papers[0]!, '<!channel>'),
    renderTrending(papers.map((p) => ({ paper: p, why: `why: ${title}` }))),
    renderSaved(papers, 3),
    renderSaved([], 1),
    renderSimilar(papers[0]!, hits),
    renderNotice(title, title),
    renderDigestParent({
      runId: 7,
      dateLabel: 'Monday 23 November 2026',
      hotTopics: [title, `${title} 2`, '<!channel>'],
      entries: papers.slice(0, 10).map((p) => ({ paper: p, tldr: summaryOf(title).tldr, why: `why: ${title}` })),
      requested: 10,
      topic: title,
      preview: papers.length % 2 === 0,
    }),
    renderDigestReply(9, papers[0]!, summaryOf(title)),
    renderDigestSettings(title, {
      channelId: 'C1',
      time: '09:00',
      timezone: 'Europe/Paris',
      cadence: 'daily',
      topN: 10,
      topic: title,
      nextRun: 'Tue 24 Nov, 09:00',
      pausedReason: title,
      lastProblem: title,
      lastPosted: '2026-11-23',
    }),
    renderNotInChannel('<!channel>'),
  ];
}

describe('renderers with hostile titles', () => {
  const papers = HOSTILE_TITLES.map((t, i) => paper(t, i));

  for (const [i, title] of HOSTILE_TITLES.entries()) {
    it(`every payload validates for title #${i} (${JSON.stringify(title.slice(0, 30))}…)`, () => {
      const mine = [paper(title, i), ...papers.filter((_, j) => j !== i)];
      for (const m of everyRendering(mine, title)) expectValidMessage({ ...m });
      expectValidView({ ...renderHome({ trending: mine.map((p) => ({ paper: p, why: title })), saved: mine, subscriptions: [] }) });
    });
  }

  it('a paper card pings no one but credits the sharer', () => {
    const card = renderPaperCard(paper('<!channel> hi <@U999>', 1), 'U42');
    const json = JSON.stringify(card.blocks);
    expect(json).toContain('<@U42>');
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<@U999>');
    expect(card.metadata).toEqual({ event_type: 'paperwire_paper', event_payload: { paper_id: 'p-hostile0001' } });
  });

  it('cuts long titles and abstracts at a word with an ellipsis', () => {
    const card = renderPaperCard(paper('word '.repeat(2000), 2), 'U1');
    const text = (card.blocks[0] as { text: { text: string } }).text.text;
    expect(text).toMatch(/word…>\*/);
    expect(text).toMatch(/went?…$|on…$|goes…$|abstract…$|An…$|that…$|word…$/);
  });

  it('five long non-Latin titles with &-heavy snippets still fit one message', () => {
    const cjk = Array.from({ length: 5 }, (_, i) => paper('大規模言語模型の効率的な推論のための注意機構'.repeat(300), i, { organization: '&'.repeat(500) }));
    const hits = cjk.map((p) => ({ paper: p, score: 1, snippet: { text: '& < > '.repeat(400), marks: [[0, 1]] as Array<[number, number]> } }));
    expectValidMessage({ ...renderSearchResults({ query: '&'.repeat(3000), hits, total: 5, offset: 0 }) });
    expectValidMessage({ ...renderTrending(cjk.map((p) => ({ paper: p, why: '<'.repeat(1000) }))) });
    expectValidMessage({ ...renderSaved(cjk, 0) });
  });

  it('keeps the bold marks of a snippet where they were', () => {
    const hits = [
      {
        paper: paper('T', 1),
        score: 1,
        snippet: {
          text: 'we compress the kv\ncache & more',
          marks: [
            [16, 18],
            [19, 24],
          ] as Array<[number, number]>,
        },
      },
    ];
    const section = renderSearchResults({ query: 'kv cache', hits, total: 1, offset: 0 }).blocks[2] as { text: { text: string } };
    expect(section.text.text).toContain('we compress the *kv* *cache* &amp; more');
  });

  it('the App Home stays within 100 blocks with many saved papers and subscriptions', () => {
    const many = Array.from({ length: 60 }, (_, i) => paper(`Paper ${i}`, i));
    const subscriptions = subscriptionBlocks(
      Array.from({ length: 80 }, (_, i) => ({
        channelId: i % 3 ? `C${i}` : '<!channel>',
        time: '09:00',
        timezone: 'Asia/Tokyo',
        cadence: 'weekdays' as const,
        topN: 5,
        topic: `<@U1> ${'t'.repeat(i * 10)}`,
        pausedReason: i % 5 ? undefined : '<!here>',
      })),
    );
    const view = renderHome({ trending: many.map((p) => ({ paper: p, why: 'up' })), saved: many, subscriptions });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expectValidView({ ...view });
  });

  it('static messages validate', () => {
    for (const m of [renderHelp(), renderPaperGone(), renderUnknownAction()]) expectValidMessage({ ...m });
    expectValidView({ ...renderModal(renderHelp()) });
  });

  it('any title and abstract renders to a valid message (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), fc.string({ maxLength: 3000, unit: 'grapheme' }), (title, abstract) => {
        const p = { ...paper(title, 7), abstract };
        for (const m of everyRendering([p], title)) expectValidMessage({ ...m });
      }),
      { numRuns: 150 },
    );
  });

  it('the shell text shows the title as written, without escapes or fences', () => {
    const text = blocksToText(renderPaperCard(paper('<!channel> *bold* & co', 1), 'U1').blocks);
    expect(text).toContain('<!channel> *bold* & co');
    expect(text).toContain('@U1');
  });
});

/** A paper from the daily papers API with every field. */
function apiPaper(extra: Partial<Paper> = {}): Paper {
  return {
    id: 'arxiv-2502-12345',
    title: 'FooNet: Sparse Attention for Long Documents',
    abstract: 'We propose FooNet, a sparse attention scheme over landmark tokens. FooNet cuts memory by 40% on 64k-token inputs.',
    authorsCount: 4,
    organization: 'Foo Lab',
    publishedAt: '2026-11-20',
    upvotes: 42,
    appearances: [],
    arxivId: '2502.12345',
    url: 'https://huggingface.co/papers/2502.12345',
    githubRepo: 'https://github.com/foo/foonet',
    githubStars: 1234,
    projectPage: 'https://foo.example.org/foonet?x=1&y=2',
    thumbnail: 'https://cdn.example.org/thumbs/2502.12345.png',
    aiSummary: 'FooNet makes long-document attention sparse with landmark tokens.',
    aiKeywords: ['sparse attention', 'landmark tokens'],
    numComments: 3,
    listDate: '2026-11-21',
    listDates: ['2026-11-20', '2026-11-21'],
    ...extra,
  };
}

const SOURCE_SUMMARY: Summary = {
  tldr: 'FooNet makes long-document attention sparse with landmark tokens.',
  keyPoints: ['FooNet cuts memory by 40% on 64k-token inputs.'],
  keywords: ['FooNet', 'sparse attention', 'landmark tokens'],
  kind: 'source',
};

type Section = { type: 'section'; text: { text: string }; accessory?: { type: string; image_url?: string; alt_text?: string } };
const sections = (m: Message) => m.blocks.filter((b): b is Section & (typeof m.blocks)[number] => b.type === 'section') as unknown as Section[];
const allText = (m: Message) => JSON.stringify(m.blocks);

describe('papers from the daily papers API', () => {
  it('link the title to the Hugging Face page and show arXiv, GitHub with stars and the project page', () => {
    const paper = apiPaper();
    const result = renderSearchResults({ query: 'foonet', hits: [{ paper, score: 1, snippet: { text: paper.abstract, marks: [] } }], total: 1, offset: 0 });
    const title = sections(result)[1]!.text.text;
    expect(title).toContain('<https://huggingface.co/papers/2502.12345|FooNet: Sparse Attention for Long Documents>');
    const context = JSON.stringify(result.blocks[3]);
    expect(context).toContain('<https://arxiv.org/abs/2502.12345|arXiv>');
    expect(context).toContain('<https://github.com/foo/foonet|GitHub ★ 1.2k>');
    expect(context).toContain('<https://foo.example.org/foonet?x=1&amp;y=2|Project page>');
    expect(context).toContain('💬 3');
    expect(context).toContain('on 2 daily pages');
    // No title search for a paper with its own pages.
    expect(allText(result)).not.toContain('papers?q=');
    expect(allText(result)).not.toContain('arxiv.org/search');
    expectValidMessage({ ...result });
  });

  it('a paper without an id still links to the title searches, with no GitHub or project link', () => {
    const paper = apiPaper({ arxivId: undefined, url: undefined, githubRepo: undefined, projectPage: undefined });
    const card = renderPaperCard(paper, 'U1');
    expect(allText(card)).toContain('https://huggingface.co/papers?q=FooNet%3A%20Sparse');
    expect(allText(card)).toContain('https://arxiv.org/search/?query=FooNet');
    expect(allText(card)).not.toContain('GitHub');
    expect(allText(card)).not.toContain('Project page');
  });

  it('GitHub without a star count says GitHub; stars without a repository show nothing', () => {
    expect(allText(renderPaperCard(apiPaper({ githubStars: undefined }), 'U1'))).toContain('|GitHub>');
    expect(allText(renderPaperCard(apiPaper({ githubRepo: undefined }), 'U1'))).not.toContain('GitHub');
  });

  it('the card, the summary and the digest reply show the thumbnail; the thread reply under the card does not', () => {
    const paper = apiPaper();
    const expected = {
      type: 'image',
      image_url: 'https://cdn.example.org/thumbs/2502.12345.png',
      alt_text: 'Thumbnail of FooNet: Sparse Attention for Long Documents',
    };
    const card = renderPaperCard(paper, 'U1');
    expect(sections(card)[0]!.accessory).toEqual(expected);
    expect(sections(renderSummary(paper, SOURCE_SUMMARY, { kinds: ['share'], n: 0 }))[0]!.accessory).toEqual(expected);
    expect(sections(renderDigestReply(0, paper, SOURCE_SUMMARY))[0]!.accessory).toEqual(expected);
    expect(allText(renderThreadSummary(paper, SOURCE_SUMMARY))).not.toContain('image_url');
    expect(allText(renderPaperCard(apiPaper({ thumbnail: 'http://cdn.example.org/t.png' }), 'U1'))).not.toContain('image_url');
    for (const m of [card, renderSummary(paper, SOURCE_SUMMARY), renderDigestReply(0, paper, SOURCE_SUMMARY)]) expectValidMessage({ ...m });
    expect(blocksToText(card.blocks)).toContain('[image: Thumbnail of FooNet: Sparse Attention for Long Documents]');
  });

  it('a summary says where its TL;DR came from', () => {
    const paper = apiPaper();
    const lastContext = (m: Message) => JSON.stringify(m.blocks.filter((b) => b.type === 'context').pop());
    expect(lastContext(renderSummary(paper, SOURCE_SUMMARY))).toContain('TL;DR by Hugging Face · key points extracted from the abstract');
    expect(lastContext(renderSummary(paper, { ...SOURCE_SUMMARY, keyPoints: [] }))).toMatch(/TL;DR by Hugging Face"/);
    expect(lastContext(renderDigestReply(2, paper, SOURCE_SUMMARY))).toContain('TL;DR by Hugging Face');
    expect(lastContext(renderThreadSummary(paper, { ...SOURCE_SUMMARY, kind: 'model' }))).toContain('summary written by a model from the abstract');
    expect(lastContext(renderThreadSummary(paper, { ...SOURCE_SUMMARY, kind: 'extractive' }))).toContain('summary extracted from the abstract');
    expect(lastContext(renderSummary(paper, SOURCE_SUMMARY))).toContain('GitHub ★ 1.2k');
  });

  it('five API papers with the longest URLs shown, long titles and &-heavy snippets still fit one message', () => {
    // Each URL as long as is shown (200 characters as written: `&` in a URL is written as `&amp;`).
    const long = (host: string) => {
      let url = `https://${host}/`;
      while (`${url}a&b`.replace(/&/g, '&amp;').length <= MAX_LINK_URL) url += 'a&b';
      return url;
    };
    expect(safeUrl(long('github.com'))).toBe(long('github.com'));
    expect(safeUrl(`${long('github.com')}&xyz`)).toBeUndefined();
    const papers = Array.from({ length: 5 }, (_, i) =>
      apiPaper({
        id: `arxiv-2502-1234${i}`,
        arxivId: `2502.1234${i}`,
        title: '大規模言語模型の効率的な推論のための注意機構 & '.repeat(100),
        url: long('huggingface.co'),
        githubRepo: long('github.com'),
        projectPage: long('project.example.org'),
        organization: '&'.repeat(500),
      }),
    );
    expect(JSON.stringify(renderPaperCard(papers[0]!, 'U1').blocks)).toContain('github.com/a&amp;b');
    const hits = papers.map((p) => ({ paper: p, score: 1, snippet: { text: '& < > '.repeat(400), marks: [[0, 1]] as Array<[number, number]> } }));
    expectValidMessage({ ...renderSearchResults({ query: '&'.repeat(3000), hits, total: 50, offset: 0 }) });
    expectValidMessage({ ...renderTrending(papers.map((p) => ({ paper: p, why: '<'.repeat(1000) }))) });
    expectValidMessage({ ...renderSaved(papers, 0) });
    expectValidView({ ...renderHome({ trending: papers.map((p) => ({ paper: p, why: '&'.repeat(300) })), saved: papers, subscriptions: [] }) });
  });

  /** Field values from an API that cannot be trusted, and what must not reach Slack of each. */
  const HOSTILE_FIELDS: Array<{ fields: Partial<Paper>; absent: string[] }> = [
    {
      fields: {
        url: 'javascript:alert(1)',
        githubRepo: 'https://github.com@evil.example/<!channel>',
        projectPage: 'data:text/html,<script>',
        thumbnail: 'javascript:alert(1)',
      },
      absent: ['javascript:', 'evil.example', 'data:', 'image_url', 'GitHub', 'Project page'],
    },
    {
      // http(s) URLs to any host are shown, but nothing in them can end the link or ping.
      fields: {
        url: 'https://evil.example/a|<!channel>',
        githubRepo: 'https://github.com/foo/bar|<!here>>',
        projectPage: 'https://evil.example/<@U123>?q=<!everyone>&x="y"',
        thumbnail: 'https://evil.example/t.png|<!channel>',
        githubStars: -5,
        numComments: Number.NaN,
      },
      absent: ['|<!', '<@U123>', 'a|', 'bar|', '★', '💬', 'NaN'],
    },
    {
      fields: {
        arxivId: '<!channel>',
        url: `https://huggingface.co/${'a'.repeat(5000)}`,
        githubRepo: `https://github.com/${'b'.repeat(5000)}`,
        projectPage: 'https://exa mple.org/',
        thumbnail: `https://cdn.example.org/${'c'.repeat(5000)}.png`,
        githubStars: Number.POSITIVE_INFINITY,
        numComments: 1e12,
        listDate: '<!channel>',
        listDates: ['<!channel>', 'not a day'],
      },
      absent: ['aaaa', 'bbbb', 'cccc', 'exa mple', 'arxiv.org/abs', 'huggingface.co/papers/', 'Infinity'],
    },
    {
      // A user name before the host hides the real host: `huggingface.co@evil.example` is evil.example.
      fields: {
        url: 'https://huggingface.co@evil.example/papers/x',
        projectPage: 'https://user:pw@evil.example/',
        thumbnail: 'https://cdn.example.org@evil.example/t.png',
      },
      absent: ['evil.example', 'Project page', 'image_url'],
    },
    {
      fields: { aiKeywords: ['<!channel>', '*bold*', '&amp;'], aiSummary: '<!channel> <@U9> *x* & more', title: '<!channel> *t*' },
      absent: ['<@U9>'],
    },
  ];

  for (const [i, { fields, absent }] of HOSTILE_FIELDS.entries()) {
    it(`hostile field values #${i} are never written as links, pings or images, and every payload validates`, () => {
      const paper = apiPaper(fields);
      const summary: Summary = { ...SOURCE_SUMMARY, keywords: [...(paper.aiKeywords ?? []), 'FooNet'], tldr: paper.aiSummary ?? 'x' };
      const messages = [...everyRendering([paper], paper.title)];
      messages.push(renderSummary(paper, summary, { kinds: ['share'], n: 0 }), renderDigestReply(0, paper, summary), renderPaperCard(paper, 'U1'));
      for (const m of messages) {
        expectValidMessage({ ...m });
        const json = JSON.stringify(m.blocks);
        // Button values are not shown (a query in a Next button's value is the user's own text).
        expect(json.replace(/"value":"(?:[^"\\]|\\.)*"/g, '')).not.toMatch(/<!channel>|<!here>|<!everyone>/);
        for (const text of absent) expect(json, text).not.toContain(text);
      }
      expectValidView({ ...renderHome({ trending: [{ paper, why: 'x' }], saved: [paper], subscriptions: [] }) });
    });
  }
});
