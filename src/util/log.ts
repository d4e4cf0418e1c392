/** Anything that looks like a Slack token is masked even when it is not one of ours. */
const TOKEN_PATTERN = /\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+/g;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Log {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
  debug(message: string, context?: Record<string, unknown>): void;
  /** Writes a line at a level chosen at run time (src/slack/logger.ts adapts Bolt's logger to this). */
  write(level: LogLevel, message: string, context?: Record<string, unknown>): void;
  level: LogLevel;
}

export type LogSink = (line: string) => void;

/**
 * Writes one line per event (`level message {context}`), with every secret it was given and every
 * token-shaped string replaced by `[redacted]`, so no token reaches a log, whatever path it took.
 */
export function createLog(options: { secrets?: Array<string | undefined>; sink?: LogSink; debug?: boolean } = {}): Log {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 6);
  const sink = options.sink ?? ((line) => process.stderr.write(line + '\n'));
  let level: LogLevel = options.debug ? 'debug' : 'info';
  const rank: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

  const redact = (text: string) => secrets.reduce((t, s) => t.split(s).join('[redacted]'), text).replace(TOKEN_PATTERN, '[redacted]');
  const write = (lvl: LogLevel, message: string, context?: Record<string, unknown>) => {
    if (rank[lvl] < rank[level]) return;
    const ctx = context && Object.keys(context).length > 0 ? ` ${safeJson(context)}` : '';
    sink(redact(`${new Date().toISOString()} ${lvl} ${message}${ctx}`));
  };
  return {
    debug: (m, c) => write('debug', m, c),
    info: (m, c) => write('info', m, c),
    warn: (m, c) => write('warn', m, c),
    error: (m, c) => write('error', m, c),
    write,
    get level() {
      return level;
    },
    set level(l: LogLevel) {
      level = l;
    },
  };
}

export function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_, v) => (v instanceof Error ? { name: v.name, message: v.message } : v));
  } catch {
    return String(value);
  }
}
