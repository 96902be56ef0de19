import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../log.js';

/**
 * Bolt's own messages into Tillit's log, as one short line each: never the whole arguments,
 * which may carry a payload or an error with someone's text in it.
 */
export function boltLogger(log: Logger): SlackLogger {
  let level = LogLevel.WARN;
  const line = (args: unknown[]) => {
    const first = args[0];
    const text = typeof first === 'string' ? first : 'bolt';
    return text.length > 160 ? `${text.slice(0, 160)}…` : text;
  };
  return {
    debug: () => {},
    info: (...args) => log.debug(`slack: ${line(args)}`),
    warn: (...args) => log.warn(`slack: ${line(args)}`),
    error: (...args) => log.warn(`slack: ${line(args)}`),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
