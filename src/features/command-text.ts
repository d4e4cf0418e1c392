/** What a `/papers …` line asks for; parsing only, no I/O. */
export type PapersRequest =
  | { kind: 'help' }
  | { kind: 'trending' }
  | { kind: 'saved' }
  | { kind: 'search'; query: string }
  | { kind: 'digest-show' }
  | { kind: 'digest-off' }
  | { kind: 'digest-now' }
  | { kind: 'digest-on'; settings: DigestSettingsInput }
  | { kind: 'invalid'; message: string };

export interface DigestSettingsInput {
  time?: string;
  timezone?: string;
  cadence?: 'weekdays' | 'daily';
  topN?: number;
  topic?: string;
}

export const DIGEST_USAGE =
  '`/papers digest on [at HH:MM] [tz Area/City] [weekdays|daily] [top N] [topic <query>]`, `/papers digest`, `/papers digest off`, `/papers digest now`';

export function parsePapersText(raw: string): PapersRequest {
  const text = raw.trim();
  const [head = '', ...rest] = text.split(/\s+/);
  switch (head.toLowerCase()) {
    case '':
    case 'help':
      return rest.length === 0 ? { kind: 'help' } : { kind: 'search', query: text };
    case 'trending':
    case 'saved':
      return rest.length === 0 ? { kind: head.toLowerCase() as 'trending' | 'saved' } : { kind: 'search', query: text };
    case 'digest':
      return parseDigest(rest);
    default:
      return { kind: 'search', query: text };
  }
}

function parseDigest(words: string[]): PapersRequest {
  const [sub = '', ...args] = words;
  switch (sub.toLowerCase()) {
    case '':
      return { kind: 'digest-show' };
    case 'off':
    case 'now':
      return args.length === 0
        ? { kind: sub.toLowerCase() === 'off' ? 'digest-off' : 'digest-now' }
        : { kind: 'invalid', message: `\`digest ${sub}\` takes no arguments. Usage: ${DIGEST_USAGE}` };
    case 'on':
      return parseDigestOn(args);
    default:
      return { kind: 'invalid', message: `Unknown digest option "${sub}". Usage: ${DIGEST_USAGE}` };
  }
}

function parseDigestOn(words: string[]): PapersRequest {
  const settings: DigestSettingsInput = {};
  const invalid = (message: string): PapersRequest => ({ kind: 'invalid', message: `${message} Usage: ${DIGEST_USAGE}` });
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.toLowerCase();
    const next = words[i + 1];
    if (word === 'at') {
      if (!next || !/^([01]?\d|2[0-3]):[0-5]\d$/.test(next))
        return invalid(`"at ${next ?? ''}" is not a time: use 24-hour HH:MM, e.g. \`at 09:00\` or \`at 17:30\`.`);
      settings.time = next.padStart(5, '0');
      i++;
    } else if (word === 'tz') {
      if (!next || !isTimezone(next))
        return invalid(`"${next ?? ''}" is not a timezone I know: use an IANA name such as \`tz Europe/Paris\` or \`tz America/New_York\`.`);
      settings.timezone = canonicalTimezone(next);
      i++;
    } else if (word === 'weekdays' || word === 'daily') {
      settings.cadence = word;
    } else if (word === 'top') {
      const n = Number(next);
      if (!next || !Number.isInteger(n) || n < 1 || n > 10) return invalid(`"top ${next ?? ''}" must be a number of papers from 1 to 10.`);
      settings.topN = n;
      i++;
    } else if (word === 'topic') {
      const topic = words
        .slice(i + 1)
        .join(' ')
        .trim();
      if (!topic) return invalid('`topic` needs a search query after it, e.g. `topic diffusion models`.');
      settings.topic = topic;
      break;
    } else {
      return invalid(`I don't understand "${words[i]}" in \`digest on\`.`);
    }
  }
  return { kind: 'digest-on', settings };
}

export function isTimezone(name: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function canonicalTimezone(name: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
}
