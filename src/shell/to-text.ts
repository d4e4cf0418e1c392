/**
 * Block Kit as readable plain text, for the local shell: the same messages the app sends to Slack,
 * shown in a terminal. Links keep their URL, mrkdwn markers are removed, entities are decoded.
 */

type Obj = Record<string, unknown>;

const ZWSP = '\u200B';
/** Stand-in for a literal marker while emphasis markers are removed. */
const LITERAL = '\u0000';

/** A short label ("arXiv") keeps its URL beside it; a title stands alone, to keep lines readable. */
function linkText(url: string, label: string): string {
  return label.length <= 12 ? `${label}: ${url}` : label;
}

/** mrkdwn → plain text. */
export function mrkdwnToText(mrkdwn: string): string {
  const literals: string[] = [];
  return mrkdwn
    .replace(new RegExp(`${ZWSP}([*_~\`])${ZWSP}`, 'g'), (_, m: string) => {
      literals.push(m);
      return LITERAL;
    })
    .replace(/<(https?:\/\/[^|>]+)\|([^>]*)>/g, (_, url: string, label: string) => linkText(url.replace(/&amp;/g, '&'), label))
    .replace(/<(https?:\/\/[^>]+)>/g, (_, url: string) => url.replace(/&amp;/g, '&'))
    .replace(/<@([A-Z0-9]+)>/g, '@$1')
    .replace(/<#([A-Z0-9]+)(\|([^>]*))?>/g, (_, id: string, __, name?: string) => `#${name ?? id}`)
    .replace(/(^|[\s(“"'])\*([^*\n]+)\*(?=$|[\s.,;:!?)”"'])/g, '$1$2')
    .replace(/(^|[\s(“"'])_([^_\n]+)_(?=$|[\s.,;:!?)”"'])/g, '$1$2')
    .replace(/(^|[\s(“"'])~([^~\n]+)~(?=$|[\s.,;:!?)”"'])/g, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(new RegExp(LITERAL, 'g'), () => literals.shift() ?? '')
    .replace(new RegExp(ZWSP, 'g'), '');
}

function textOf(obj: unknown): string {
  const t = obj as { type?: string; text?: string } | undefined;
  if (!t || typeof t.text !== 'string') return '';
  return t.type === 'mrkdwn' ? mrkdwnToText(t.text) : t.text;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

function blockToText(block: Obj): string | undefined {
  switch (block.type) {
    case 'header':
      return `\n== ${textOf(block.text)} ==`;
    case 'section': {
      const fields = Array.isArray(block.fields) ? (block.fields as unknown[]).map(textOf) : [];
      const accessory = block.accessory ? ` ${elementToText(block.accessory as Obj)}` : '';
      return [textOf(block.text) + accessory, ...fields].filter(Boolean).join('\n');
    }
    case 'context':
      return indent((block.elements as Obj[]).map((e) => textOf(e) || (e.alt_text as string) || '').join('  '), '   ');
    case 'divider':
      return '';
    case 'actions':
      return indent((block.elements as Obj[]).map(elementToText).join(' '), '   ');
    case 'image':
      return `[image: ${altText(block.alt_text)}]`;
    default:
      return undefined;
  }
}

/** An image's alt text as written: it is escaped like all text Slack reads, and has no formatting. */
function altText(alt: unknown): string {
  return String(alt ?? '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function elementToText(element: Obj): string {
  if (element.type === 'button') return `[${textOf(element.text)}]`;
  if (element.type === 'image') return `[image: ${altText(element.alt_text)}]`;
  return `[${String(element.type)}]`;
}

/** A message or view's blocks as text; `fallback` (the message's `text`) is used when there are none. */
export function blocksToText(blocks: readonly unknown[] | undefined, fallback = ''): string {
  if (!blocks || blocks.length === 0) return fallback;
  return blocks
    .map((b) => blockToText(b as Obj))
    .filter((line): line is string => line !== undefined)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
