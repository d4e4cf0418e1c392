/** Acronyms a text defines, "Self-Supervised Learning (SSL)": the index expands them and the summariser joins them in key phrases. */

const SHORT_FORM = /^[A-Za-z][A-Za-z0-9-]{1,9}$/;
const PARENTHESISED = /\(([^()]{2,12})\)/g;

/** Acronym definitions found in one text, as [short form, long form] pairs. */
export function findDefinitions(text: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const m of text.matchAll(PARENTHESISED)) {
    const short = (m[1] ?? '').trim().replace(/s$/, '');
    if (!SHORT_FORM.test(short) || (short.match(/[A-Z]/g)?.length ?? 0) < 2) continue;
    const letters = short.replace(/[^A-Za-z0-9]/g, '');
    const before = text
      .slice(Math.max(0, m.index - 120), m.index)
      .split(/\s+/)
      .filter(Boolean);
    const window = before.slice(-Math.min(letters.length + 5, letters.length * 2)).join(' ');
    const long = wordStartLongForm(letters, window) ?? bestLongForm(letters, window) ?? looseLongForm(letters, window);
    if (long) found.push([short, long]);
  }
  return found;
}

/**
 * The long form whose words (split at spaces and hyphens) start with the short form's letters, each
 * letter taking a whole word or continuing the one before: "Self-Supervised Learning (SSL)".
 */
function wordStartLongForm(short: string, candidate: string): string | undefined {
  const parts = candidate.split(/(?=[\s-])/);
  const initials = parts.map((p) =>
    p
      .replace(/^[\s-]+/, '')
      .charAt(0)
      .toLowerCase(),
  );
  const letters = short.toLowerCase();
  let s = letters.length - 1;
  let k = initials.length - 1;
  while (s >= 0 && k >= 0) {
    if (initials[k] === letters[s]) s--;
    else if (s === letters.length - 1 || !STOP_INITIALS.test(parts[k]!.trim())) return undefined;
    k--;
  }
  if (s >= 0) return undefined;
  const long = parts
    .slice(k + 1)
    .join('')
    .replace(/^[\s-]+/, '');
  return long.split(/[\s-]+/).length >= 2 ? long : undefined;
}

/** Small words a long form may skip: "Reinforcement Learning from Human Feedback (RLHF)". */
const STOP_INITIALS = /^-?(of|for|from|the|and|to|in|on|with|a|an|via|by)$/i;

/**
 * Schwartz & Hearst (2003): match the short form's characters right to left inside the words before
 * it; the first character must start a word. Returns the long form or undefined.
 */
function bestLongForm(short: string, candidate: string): string | undefined {
  let s = short.length - 1;
  let l = candidate.length - 1;
  const lower = candidate.toLowerCase();
  const sl = short.toLowerCase();
  while (s >= 0) {
    const c = sl[s]!;
    while (l >= 0 && (lower[l] !== c || (s === 0 && l > 0 && /[\p{L}\p{N}]/u.test(lower[l - 1]!)))) l--;
    if (l < 0) return undefined;
    l--;
    s--;
  }
  const long = candidate.slice(l + 1).trim();
  const wordCount = long.split(/[\s-]+/).length;
  return wordCount >= 2 && long.length > short.length ? long : undefined;
}

/** "extreme multi-label classification (XMC)": one word per letter, each letter among its word's first two. */
function looseLongForm(short: string, candidate: string): string | undefined {
  const letters = short.toLowerCase();
  if (letters.length < 2) return undefined;
  const phrase = candidate.split(/\s+/).slice(-letters.length);
  if (phrase.length !== letters.length) return undefined;
  return phrase.every((word, i) => word.toLowerCase().slice(0, 2).includes(letters.charAt(i))) ? phrase.join(' ') : undefined;
}
