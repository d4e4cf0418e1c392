import { truncate } from './truncate.js';

/**
 * Slack mrkdwn from text taken from papers and users. `&`, `<` and `>` are the only characters Slack
 * asks to escape; escaping them turns `<!channel>` or `<@U123>` into visible text that pings no one.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** How long `text` is once escaped, without building the string. */
export function escapedLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 38)
      n += 4; // &amp;
    else if (code === 60 || code === 62) n += 3; // &lt; &gt;
  }
  return n;
}

/** Slack's emphasis markers: bold, italic, strike, code. */
const FORMATTING = /[*_~`]/g;
/** A zero-width space next to a marker stops Slack pairing it with another one. */
const ZWSP = '\u200B';

/**
 * Escaped text in which `*bold*`, `_it_`, `~strike~` and `` `code` `` stay literal characters: each
 * marker is fenced by zero-width spaces, so it cannot open or close emphasis (Slack needs a marker to
 * touch a word on one side and a space or the edge on the other). Use for text that sits inside our own
 * formatting, such as a title in a link or a snippet around bold terms.
 */
export function literalMrkdwn(text: string): string {
  return escapeMrkdwn(text).replace(FORMATTING, (m) => `${ZWSP}${m}${ZWSP}`);
}

export function literalLength(text: string): number {
  // Each formatting marker gains two zero-width spaces.
  return escapedLength(text) + 2 * (text.length - text.replace(FORMATTING, '').length);
}

/** `text` as literal mrkdwn, cut at a word to fit `max` characters once escaped. */
export function fitLiteral(text: string, max: number): string {
  return literalMrkdwn(truncate(text, max, literalLength));
}

/** `text` as escaped mrkdwn (formatting left alone), cut at a word to fit `max` once escaped. */
export function fitEscaped(text: string, max: number): string {
  return escapeMrkdwn(truncate(text, max, escapedLength));
}

/**
 * A mrkdwn link. `url` must already be percent-encoded (the builders in links.ts do it), so it holds no
 * `|` or `>`; the label is literal text, cut to `maxLabel`.
 */
export function mrkdwnLink(url: string, label: string, maxLabel: number): string {
  if (/[\s|<>]/.test(url)) throw new Error(`not an encoded URL: ${url.slice(0, 80)}`);
  // Slack writes `&` in a link's URL as `&amp;` and reads it back the same way.
  return `<${url.replace(/&/g, '&amp;')}|${fitLiteral(label, maxLabel)}>`;
}

/**
 * Literal mrkdwn with the marked stretches (`[start, end)` offsets into `text`) in bold. A mark is
 * widened to whole words, since Slack does not bold inside a word and would show the asterisks.
 */
export function boldMarks(text: string, marks: ReadonlyArray<readonly [number, number]>): string {
  const spans = widenToWords(text, marks);
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    out += literalMrkdwn(text.slice(at, start));
    const inner = text.slice(start, end).trim();
    out += inner ? `*${literalMrkdwn(inner)}*` : '';
    out += text.slice(start, end).match(/\s*$/)?.[0] ?? '';
    at = end;
  }
  return out + literalMrkdwn(text.slice(at));
}

function widenToWords(text: string, marks: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const isWord = (i: number) => i >= 0 && i < text.length && /[\p{L}\p{N}]/u.test(text[i]!);
  const sorted = marks
    .map(([s, e]): [number, number] => [Math.max(0, Math.min(s, text.length)), Math.max(0, Math.min(e, text.length))])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (let [start, end] of sorted) {
    while (isWord(start - 1)) start--;
    while (isWord(end)) end++;
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** Plain text for `plain_text` objects (headers, buttons): no escaping, just a word-safe cut. */
export function fitPlain(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return truncate(clean || '(untitled)', max);
}
