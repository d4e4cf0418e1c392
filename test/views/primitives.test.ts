import { describe, expect, it } from 'vitest';
import {
  ELLIPSIS,
  LIMITS,
  actions,
  arxivSearchUrl,
  boldMarks,
  button,
  escapeMrkdwn,
  escapedLength,
  fitEscaped,
  fitLiteral,
  fitPlain,
  header,
  huggingFaceSearchUrl,
  literalMrkdwn,
  message,
  mrkdwnLink,
  section,
  truncate,
} from '../../src/views/index.js';
import { messageProblems, viewProblems } from '../helpers/block-kit.js';

describe('escapeMrkdwn', () => {
  it('turns mentions and links into visible text', () => {
    expect(escapeMrkdwn('<!channel> hi <@U123> & <https://evil|click>')).toBe('&lt;!channel&gt; hi &lt;@U123&gt; &amp; &lt;https://evil|click&gt;');
  });
  it('escapes an existing entity again, so it shows as typed', () => {
    expect(escapeMrkdwn('&amp;')).toBe('&amp;amp;');
  });
  it('measures the escaped length without building it', () => {
    for (const s of ['', 'a&b', '<<>>', 'plain', '&&&<>']) expect(escapedLength(s)).toBe(escapeMrkdwn(s).length);
  });
});

describe('literalMrkdwn', () => {
  it('fences emphasis markers so *bold* stays literal', () => {
    const out = literalMrkdwn('*bold* _it_ ~s~ `c`');
    expect(out).not.toMatch(/(^|\s)\*\S/);
    expect(out.replace(/\u200B/g, '')).toBe('*bold* _it_ ~s~ `c`');
  });
});

describe('truncate', () => {
  it('leaves short text alone', () => {
    expect(truncate('short text', 20)).toBe('short text');
  });
  it('cuts at a word and adds an ellipsis', () => {
    const out = truncate('the quick brown fox jumps over the lazy dog', 20);
    expect(out).toBe(`the quick brown fox${ELLIPSIS}`);
    expect(out.length).toBeLessThanOrEqual(20);
  });
  it('cuts a single long word inside it rather than returning nothing', () => {
    const out = truncate('x'.repeat(100), 10);
    expect(out).toBe('x'.repeat(9) + ELLIPSIS);
  });
  it('never splits an emoji or a surrogate pair', () => {
    const out = truncate('👩‍🔬'.repeat(20), 12);
    expect(out.length).toBeLessThanOrEqual(12);
    expect(out.replace(ELLIPSIS, '')).toMatch(/^(👩‍🔬)+$/u);
  });
  it('never cuts inside an escape entity when measuring escaped text', () => {
    const title = 'A & B & C & D & E & F & G & H';
    for (let max = 5; max < 60; max++) {
      const out = fitEscaped(title, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
  });
});

describe('fitLiteral and fitPlain', () => {
  it('fits a 10,000-character title', () => {
    const title = 'word '.repeat(2000);
    expect(fitLiteral(title, 300).length).toBeLessThanOrEqual(300);
    expect(fitPlain(title, LIMITS.headerText).length).toBeLessThanOrEqual(LIMITS.headerText);
  });
  it('shows an empty title as (untitled)', () => {
    expect(fitPlain('   ', 10)).toBe('(untitled)');
  });
});

describe('links', () => {
  it('links a title to the Hugging Face papers search and the arXiv title search', () => {
    expect(huggingFaceSearchUrl('KV cache: 4x less')).toBe('https://huggingface.co/papers?q=KV%20cache%3A%204x%20less');
    expect(arxivSearchUrl('KV cache & more')).toBe('https://arxiv.org/search/?query=KV%20cache%20%26%20more&searchtype=title');
  });
  it('keeps URLs short for long titles and survives a lone surrogate', () => {
    const url = huggingFaceSearchUrl('long '.repeat(2000) + '\uD800');
    expect(url.length).toBeLessThan(1000);
    expect(() => huggingFaceSearchUrl('bad \uDC00 title')).not.toThrow();
  });
  it('builds a mrkdwn link whose label cannot break out', () => {
    const link = mrkdwnLink(huggingFaceSearchUrl('x'), '<!channel>|*x*', 100);
    expect(link.startsWith('<https://huggingface.co/papers?q=x|&lt;!channel&gt;|')).toBe(true);
    expect(() => mrkdwnLink('https://a b', 'x', 10)).toThrow();
  });
});

describe('boldMarks', () => {
  it('bolds whole words and keeps the rest literal', () => {
    expect(boldMarks('the kv cache grows', [[4, 6]])).toBe('the *kv* cache grows');
    expect(boldMarks('pretraining data', [[3, 8]])).toBe('*pretraining* data');
  });
  it('merges overlapping marks and ignores out-of-range ones', () => {
    expect(
      boldMarks('kv cache', [
        [0, 2],
        [1, 8],
        [50, 60],
      ]),
    ).toBe('*kv cache*');
  });
  it('escapes the text around and inside marks', () => {
    expect(boldMarks('<@U1> kv', [[6, 8]])).toBe('&lt;@U1&gt; *kv*');
  });
});

describe('builders', () => {
  it('refuses text over the limits instead of sending a payload Slack rejects', () => {
    expect(() => section('x'.repeat(LIMITS.sectionText + 1))).toThrow();
    expect(() => button({ label: 'x', actionId: 'a'.repeat(256) })).toThrow();
    expect(() => button({ label: 'x', actionId: 'a', value: 'v'.repeat(LIMITS.buttonValue + 1) })).toThrow();
    expect(() => message('x', [])).toThrow();
    expect(() =>
      message(
        'x',
        Array.from({ length: 51 }, () => section('x')),
      ),
    ).toThrow();
  });
  it('cuts labels and headers to size', () => {
    expect(header('h'.repeat(500)).text.text.length).toBeLessThanOrEqual(LIMITS.headerText);
    expect(button({ label: 'l'.repeat(200), actionId: 'a' }).text.text.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
  });
  it('escapes the fallback text, which Slack parses for notifications', () => {
    expect(message('<!channel> & co', [section('x')]).text).toBe('&lt;!channel&gt; &amp; co');
    expect(messageProblems({ text: '<!here>', blocks: [section('x')] })[0]).toMatch(/unescaped fallback/);
  });
  it('produces payloads that validate', () => {
    const m = message('hello', [header('Title'), section('*hi*'), actions([button({ label: 'Go', actionId: 'go', value: 'p-1' })])]);
    expect(messageProblems({ ...m })).toEqual([]);
  });
});

describe('the block-kit validator', () => {
  it('catches what Slack would reject', () => {
    expect(messageProblems({ text: 'x', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '<!channel>' } }] })[0]).toMatch(/unescaped "<"/);
    expect(messageProblems({ text: 'x', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'a & b' } }] })[0]).toMatch(/unescaped "&"/);
    expect(messageProblems({ text: 'x', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }] }).join()).toMatch(/schema/);
    const twice = actions([button({ label: 'a', actionId: 'same' }), button({ label: 'b', actionId: 'same' })]);
    expect(messageProblems({ text: 'x', blocks: [twice] })).toContain('duplicate action_id same');
    expect(messageProblems({ blocks: [section('x')] })).toContain('message has no fallback text');
    expect(viewProblems({ type: 'home', blocks: Array.from({ length: 101 }, () => section('x')) }).join()).toMatch(/over 100/);
  });
  it('accepts our links', () => {
    expect(messageProblems({ text: 'x', blocks: [section(mrkdwnLink(arxivSearchUrl('a & b'), 'a & b', 50))] })).toEqual([]);
  });
});

describe('help', () => {
  it('explains the whole query language inside Slack', async () => {
    const { renderHelp } = await import('../../src/views/help.js');
    const text = JSON.stringify(renderHelp().blocks);
    for (const part of ['"exact phrase', '-word', 'year:2024', 'after:2024-06-01', 'before:', 'upvotes:&gt;=5', 'org:kyutai', 'sort:new', 'sort:top'])
      expect(text).toContain(part);
  });
});
