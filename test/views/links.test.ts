import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/corpus/types.js';
import { arxivIdOf, compactCount, githubRepoUrl, MAX_LINK_URL, paperPageUrl, paperUrl, safeUrl, thumbnailUrl } from '../../src/views/links.js';
import { image } from '../../src/views/elements.js';
import { mrkdwnLink } from '../../src/views/mrkdwn.js';

describe('safeUrl', () => {
  it('keeps ordinary http(s) URLs as the parser normalises them', () => {
    expect(safeUrl('https://github.com/owner/repo')).toBe('https://github.com/owner/repo');
    expect(safeUrl('http://example.org/project')).toBe('http://example.org/project');
    expect(safeUrl('  https://Example.ORG/a?b=1&c=2#d  ')).toBe('https://example.org/a?b=1&c=2#d');
    expect(safeUrl('https://bücher.example/ü')).toBe('https://xn--bcher-kva.example/%C3%BC');
  });

  it('refuses every other scheme, credentials, hosts without a dot, whitespace and anything too long', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<b>x</b>',
      'slack://channel?id=C1',
      'mailto:a@b.example',
      'ftp://example.org/x',
      'https://github.com@evil.example/owner/repo',
      'https://user:pw@example.org/',
      'https://localhost/x',
      'https://exa mple.org/',
      'https://example.org/a b',
      'https://example.org/\nx',
      '//example.org/x',
      'example.org',
      '',
      `https://example.org/${'a'.repeat(MAX_LINK_URL)}`,
    ]) {
      expect(safeUrl(bad), bad).toBeUndefined();
    }
    expect(safeUrl(42)).toBeUndefined();
    expect(safeUrl('http://example.org/x', { httpsOnly: true })).toBeUndefined();
  });

  it('encodes what could end a mrkdwn link or ping: | < > " and backticks', () => {
    const url = safeUrl('https://example.org/a|b<!channel>?q=<@U1>|x#"`>')!;
    expect(url).toBeDefined();
    expect(url).not.toMatch(/[|<>"`\s]/);
    // It can be written into a link, and the link holds exactly one `<…|…>`.
    const link = mrkdwnLink(url, 'Project page', 20);
    expect(link.match(/[<>|]/g)).toEqual(['<', '|', '>']);
  });

  it('whatever the input, the answer is undefined or an http(s) URL a mrkdwn link accepts (property)', () => {
    const parts = fc.constantFrom('https://', 'http://', 'javascript:', 'https://a@', '', 'HTTPS://', ' ');
    const urlish = fc.string({ maxLength: 80, unit: fc.constantFrom(...'a/?=&|<>"`#%@:.é*_~!{}\\\'()[] '.split(''), '<!channel>', '<@U1>', '\n') });
    const pathish = fc.stringMatching(/^[a-z0-9/?=&#%.~-]{0,60}$/);
    const rest = fc.oneof(fc.string({ maxLength: 80, unit: 'binary' }), urlish, pathish);
    const hosts = fc.constantFrom('example.org', 'github.com', 'x', '[::1]', 'a.b', '');
    let kept = 0;
    fc.assert(
      fc.property(parts, hosts, rest, (scheme, host, tail) => {
        const url = safeUrl(`${scheme}${host}${tail}`);
        if (url === undefined) return;
        kept++;
        expect(url).toMatch(/^https?:\/\/[^\s|<>"`]+$/);
        expect(url.length).toBeLessThanOrEqual(MAX_LINK_URL);
        expect(() => mrkdwnLink(url, 'x', 10)).not.toThrow();
        expect(new URL(url).username).toBe('');
      }),
      { numRuns: 500 },
    );
    // The generator must reach URLs that are kept, not only ones refused.
    expect(kept).toBeGreaterThan(20);
  });
});

const PAPER: Paper = { id: 'arxiv-2502-12345', title: 'FooNet: <Sparse> & fast', abstract: 'x', appearances: [], arxivId: '2502.12345' };

describe('a paper’s page', () => {
  it('is its url, else built from its arXiv id; a paper without an id links to the title search', () => {
    expect(paperPageUrl({ ...PAPER, url: 'https://huggingface.co/papers/2502.12345' })).toBe('https://huggingface.co/papers/2502.12345');
    expect(paperPageUrl(PAPER)).toBe('https://huggingface.co/papers/2502.12345');
    expect(paperPageUrl({ ...PAPER, url: 'javascript:alert(1)' })).toBe('https://huggingface.co/papers/2502.12345');
    expect(paperUrl({ ...PAPER, arxivId: undefined })).toBe('https://huggingface.co/papers?q=FooNet%3A%20%3CSparse%3E%20%26%20fast');
  });

  it('takes old-style ids and refuses anything that is not an arXiv id', () => {
    expect(arxivIdOf({ arxivId: 'hep-th/9901001' })).toBe('hep-th/9901001');
    expect(arxivIdOf({ arxivId: 'math.GT/0309136v2' })).toBe('math.GT/0309136v2');
    for (const bad of ['../../etc', '2502.12345|x', '2502.12345>', '<!channel>', '', '2502.1', ' 2502.12345']) {
      expect(arxivIdOf({ arxivId: bad }), bad).toBeUndefined();
      expect(paperPageUrl({ ...PAPER, arxivId: bad })).toBeUndefined();
    }
  });
});

describe('GitHub and thumbnails', () => {
  it('a GitHub link only goes to github.com', () => {
    expect(githubRepoUrl('https://github.com/owner/repo')).toBe('https://github.com/owner/repo');
    expect(githubRepoUrl('https://www.github.com/owner/repo')).toBe('https://www.github.com/owner/repo');
    for (const bad of ['https://github.com.evil.example/o/r', 'https://evil.example/github.com/o/r', 'https://github.com@evil.example/', 'github.com/o/r']) {
      expect(githubRepoUrl(bad), bad).toBeUndefined();
    }
  });

  it('a thumbnail must be https', () => {
    expect(thumbnailUrl('https://cdn.example.org/t.png')).toBe('https://cdn.example.org/t.png');
    expect(thumbnailUrl('http://cdn.example.org/t.png')).toBeUndefined();
    expect(thumbnailUrl('data:image/png;base64,AAAA')).toBeUndefined();
  });

  it('an image element escapes and limits its alt text, and refuses a URL that is not https', () => {
    const element = image('https://cdn.example.org/t.png', `<!channel> & ${'long '.repeat(200)}`);
    expect(element.alt_text).toMatch(/^&lt;!channel&gt; &amp; long/);
    expect(element.alt_text.length).toBeLessThanOrEqual(300);
    expect(image('https://cdn.example.org/t.png', '\u0000\n ').alt_text).toBe('(untitled)');
    expect(() => image('http://cdn.example.org/t.png', 'x')).toThrow(/https/);
    expect(() => image('https://cdn.example.org/a>b', 'x')).toThrow(/https/);
  });
});

describe('compactCount', () => {
  it('writes star counts the way GitHub does', () => {
    expect([0, 7, 999, 1000, 1234, 9_960, 12_345, 999_950, 1_250_000, 3e9].map(compactCount)).toEqual([
      '0',
      '7',
      '999',
      '1k',
      '1.2k',
      '10k',
      '12k',
      '1M',
      '1.3M',
      '3B',
    ]);
  });
  it('has nothing to say about a count that is not one', () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, '12', undefined]) expect(compactCount(bad)).toBeUndefined();
  });
});
