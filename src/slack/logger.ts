import { type Logger, LogLevel } from '@slack/logger';
import { type Log, safeJson } from '../util/log.js';

/** paperwire's log in the shape Bolt and the Web API client expect (same redaction, same sink). */
export function slackLogger(log: Log): Logger {
  const at =
    (level: LogLevel) =>
    (...args: unknown[]) =>
      log.write(level as Log['level'], args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.message : safeJson(a))).join(' '));
  return {
    debug: at(LogLevel.DEBUG),
    info: at(LogLevel.INFO),
    warn: at(LogLevel.WARN),
    error: at(LogLevel.ERROR),
    setLevel: (level) => {
      log.level = level;
    },
    getLevel: () => log.level as LogLevel,
    setName: () => {},
  };
}
