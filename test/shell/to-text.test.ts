import { describe, expect, it } from 'vitest';
import { boldMarks, literalMrkdwn, mrkdwnLink } from '../../src/views/mrkdwn.js';
import { blocksToText, mrkdwnToText } from '../../src/shell/to-text.js';
import { actions, button, context, divider, header, section } from '../../src/views/elements.js';

describe('Block Kit as text for the shell', () => {
  it('undoes escaping and our literal fences, so text reads as written', () => {
    for (const s of ['<!channel> & <@U1>', '*not bold* _nor italic_ `nor code`', 'a > b < c && d']) expect(mrkdwnToText(literalMrkdwn(s))).toBe(s);
  });

  it('drops emphasis markers but keeps the words', () => {
    expect(mrkdwnToText(boldMarks('the kv cache', [[4, 6]]))).toBe('the kv cache');
    expect(mrkdwnToText('*TL;DR* short')).toBe('TL;DR short');
    expect(mrkdwnToText('see `/papers help`')).toBe('see /papers help');
  });

  it('shows a long link by its label and a short one with its URL', () => {
    expect(mrkdwnToText(mrkdwnLink('https://x.test/?a=1&b=2', 'A long paper title here', 100))).toBe('A long paper title here');
    expect(mrkdwnToText(mrkdwnLink('https://x.test/?a=1&b=2', 'arXiv', 10))).toBe('arXiv: https://x.test/?a=1&b=2');
    expect(mrkdwnToText('by <@U42>')).toBe('by @U42');
  });

  it('lays out headers, sections, context and buttons', () => {
    const text = blocksToText([
      header('Trending'),
      section('one'),
      context('meta'),
      divider(),
      actions([button({ label: 'Summary', actionId: 'a' }), button({ label: 'Save', actionId: 'b' })]),
    ]);
    expect(text).toBe('== Trending ==\none\n   meta\n\n   [Summary] [Save]');
  });

  it('falls back to the message text without blocks', () => {
    expect(blocksToText([], 'plain')).toBe('plain');
  });
});
