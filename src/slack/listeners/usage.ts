/**
 * What the Slack side of paperwire uses, declared once: the manifest must match it exactly
 * (test/slack/manifest.test.ts), and the listeners register from it.
 */
export interface SlackUsage {
  commands: string[];
  events: string[];
  shortcuts: Array<{ callbackId: string; type: 'message' | 'global' }>;
  /** Web API methods the code calls. */
  methods: string[];
  /** Block actions and view interactions: the manifest must turn interactivity on. */
  interactivity: boolean;
  appHome: boolean;
}

/** Bot scopes each Web API method, event and feature needs (methods needing none map to []). */
export const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'conversations.replies': ['channels:history', 'groups:history'],
  'conversations.history': ['channels:history', 'groups:history'],
  'views.publish': [],
  'views.open': [],
  'views.push': [],
  'users.info': ['users:read'],
  'reactions.add': ['reactions:write'],
};

export const EVENT_SCOPES: Record<string, string[]> = {
  app_mention: ['app_mentions:read'],
  app_home_opened: [],
  reaction_added: ['reactions:read'],
  message: ['channels:history', 'groups:history'],
  app_uninstalled: [],
  tokens_revoked: [],
};

/** The least bot scopes a usage needs. Throws on a method or event with no known scope, so none is forgotten. */
export function scopesFor(usage: SlackUsage): string[] {
  const scopes = new Set<string>();
  if (usage.commands.length > 0 || usage.shortcuts.length > 0) scopes.add('commands');
  for (const method of usage.methods) {
    const needed = METHOD_SCOPES[method];
    if (!needed) throw new Error(`no scope known for Web API method ${method}: add it to METHOD_SCOPES`);
    needed.forEach((s) => scopes.add(s));
  }
  for (const event of usage.events) {
    const needed = EVENT_SCOPES[event];
    if (!needed) throw new Error(`no scope known for event ${event}: add it to EVENT_SCOPES`);
    needed.forEach((s) => scopes.add(s));
  }
  return [...scopes].sort();
}

export function mergeUsage(parts: Array<Partial<SlackUsage>>): SlackUsage {
  const uniq = <T>(xs: T[], key: (x: T) => string) => [...new Map(xs.map((x) => [key(x), x])).values()];
  return {
    commands: uniq(
      parts.flatMap((p) => p.commands ?? []),
      String,
    ).sort(),
    events: uniq(
      parts.flatMap((p) => p.events ?? []),
      String,
    ).sort(),
    shortcuts: uniq(
      parts.flatMap((p) => p.shortcuts ?? []),
      (s) => s.callbackId,
    ),
    methods: uniq(
      parts.flatMap((p) => p.methods ?? []),
      String,
    ).sort(),
    interactivity: parts.some((p) => p.interactivity),
    appHome: parts.some((p) => p.appHome),
  };
}
