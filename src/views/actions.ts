/**
 * The interactive parts paperwire puts in messages: one action_id prefix per kind of button, with a
 * `:n` suffix so ids stay unique in a message, and values that carry only what is needed.
 */
export const ACTIONS = {
  summary: 'paper_summary',
  share: 'paper_share',
  save: 'paper_save',
  more: 'paper_more',
  remove: 'paper_remove',
  next: 'search_next',
  /** "Did you mean": runs the corrected search (value: a page value at offset 0). */
  retry: 'search_retry',
} as const;

export type ActionKind = keyof typeof ACTIONS;

/** The message shortcut's callback_id (manifest: shortcuts). */
export const SUMMARIZE_SHORTCUT = 'summarize_paper';

export function actionId(kind: ActionKind, n: number): string {
  return `${ACTIONS[kind]}:${n}`;
}

/** Which kind an action_id is, if it is one of ours. */
export function actionKind(id: string): ActionKind | undefined {
  const prefix = id.split(':')[0];
  return (Object.keys(ACTIONS) as ActionKind[]).find((k) => ACTIONS[k] === prefix);
}

/** Any action_id that is not one of ours. */
export const UNKNOWN_ACTION = new RegExp(`^(?!(${Object.values(ACTIONS).join('|')})(:\\d+)?$)`);

/** Bolt matches a kind by this pattern. */
export function actionPattern(kind: ActionKind): RegExp {
  return new RegExp(`^${ACTIONS[kind]}(:\\d+)?$`);
}

/** A paper id as the corpus (`p-…`) or the daily papers API (`arxiv-2502-12345`) makes them; anything else in a button value was not written by us. */
const PAPER_ID = /^(?:p-[a-z0-9]{6,40}|arxiv-[a-z0-9]+(?:-[a-z0-9]+){0,4})$/;

export function parsePaperValue(value: unknown): string | undefined {
  return typeof value === 'string' && PAPER_ID.test(value) ? value : undefined;
}

export interface PageValue {
  query: string;
  offset: number;
}

export function pageValue(page: PageValue): string {
  return JSON.stringify({ q: page.query, o: page.offset });
}

export function parsePageValue(value: unknown): PageValue | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  try {
    const parsed = JSON.parse(value) as { q?: unknown; o?: unknown };
    if (typeof parsed.q !== 'string' || parsed.q.trim() === '') return undefined;
    if (typeof parsed.o !== 'number' || !Number.isInteger(parsed.o) || parsed.o < 0 || parsed.o > 100_000) return undefined;
    return { query: parsed.q, offset: parsed.o };
  } catch {
    return undefined;
  }
}
