import type { Logger as SlackLogger } from '@slack/logger';
import { LogLevel } from '@slack/logger';

/** Anything that looks like a Slack token is masked even when it is not one of ours. */
const TOKEN_PATTERN = /\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+/g;

export interface Log {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
  debug(message: string, context?: Record<string, unknown>): void;
  /** The same log in the shape Bolt and the Web API client expect. */
  slack: SlackLogger;
}

export type LogSink = (line: string) => void;

/**
 * Writes one line per event (`level message {context}`), with every secret it was given and every
 * token-shaped string replaced by `[redacted]`, so no token reaches a log, whatever path it took.
 */
export function createLog(options: { secrets?: Array<string | undefined>; sink?: LogSink; debug?: boolean } = {}): Log {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 6);
  const sink = options.sink ?? ((line) => process.stderr.write(line + '\n'));
  let level = options.debug ? LogLevel.DEBUG : LogLevel.INFO;
  const rank = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };

  const redact = (text: string) => secrets.reduce((t, s) => t.split(s).join('[redacted]'), text).replace(TOKEN_PATTERN, '[redacted]');
  const write = (lvl: LogLevel, message: string, context?: Record<string, unknown>) => {
    if (rank[lvl] < rank[level]) return;
    const ctx = context && Object.keys(context).length > 0 ? ` ${safeJson(context)}` : '';
    sink(redact(`${new Date().toISOString()} ${lvl} ${message}${ctx}`));
  };
  const fromArgs =
    (lvl: LogLevel) =>
    (...args: unknown[]) =>
      write(lvl, args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.message : safeJson(a))).join(' '));

  const slack: SlackLogger = {
    debug: fromArgs(LogLevel.DEBUG),
    info: fromArgs(LogLevel.INFO),
    warn: fromArgs(LogLevel.WARN),
    error: fromArgs(LogLevel.ERROR),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
  return {
    debug: (m, c) => write(LogLevel.DEBUG, m, c),
    info: (m, c) => write(LogLevel.INFO, m, c),
    warn: (m, c) => write(LogLevel.WARN, m, c),
    error: (m, c) => write(LogLevel.ERROR, m, c),
    slack,
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_, v) => (v instanceof Error ? { name: v.name, message: v.message } : v));
  } catch {
    return String(value);
  }
}
