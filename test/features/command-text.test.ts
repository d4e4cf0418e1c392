import { describe, expect, it } from 'vitest';
import { parsePapersText } from '../../src/features/command-text.js';

describe('/papers text', () => {
  it.each([
    ['', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['  Trending ', { kind: 'trending' }],
    ['saved', { kind: 'saved' }],
    ['kv cache compression', { kind: 'search', query: 'kv cache compression' }],
    ['trending topics in vision', { kind: 'search', query: 'trending topics in vision' }],
    ['digest', { kind: 'digest-show' }],
    ['digest off', { kind: 'digest-off' }],
    ['digest now', { kind: 'digest-now' }],
    ['digest on', { kind: 'digest-on', settings: {} }],
    [
      'digest on at 7:30 tz america/new_york daily top 3 topic diffusion -video',
      { kind: 'digest-on', settings: { time: '07:30', timezone: 'America/New_York', cadence: 'daily', topN: 3, topic: 'diffusion -video' } },
    ],
  ])('reads %j', (text, expected) => {
    expect(parsePapersText(text)).toEqual(expected);
  });

  it.each([
    ['digest on at 25:00', '"at 25:00" is not a time'],
    ['digest on at', '"at " is not a time'],
    ['digest on tz Mars/Olympus', '"Mars/Olympus" is not a timezone I know'],
    ['digest on top 11', '"top 11" must be a number of papers from 1 to 10.'],
    ['digest on top 0', '"top 0" must be a number of papers from 1 to 10.'],
    ['digest on topic', '`topic` needs a search query'],
    ['digest on hourly', 'I don\'t understand "hourly"'],
    ['digest weekly', 'Unknown digest option "weekly"'],
    ['digest off now', '`digest off` takes no arguments'],
  ])('explains %j', (text, message) => {
    const result = parsePapersText(text);
    expect(result.kind).toBe('invalid');
    expect((result as { message: string }).message).toContain(message);
    expect((result as { message: string }).message).toContain('Usage: `/papers digest on');
  });
});
